// The Jekyll post: the seeds' front matter and section structure, every tweet-derived string
// escaped, every statement followed by links to the tweets it came from.

#include "digest/wording.hpp"
#include "render/markdown_history.hpp"

#include <tweetdigest/render.hpp>

#include <cmath>
#include <cstdio>
#include <map>

namespace td {
namespace {

using digest::Wording;

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_screen_name(std::string_view text) {
    if (text.empty() || text.size() > 50) return false;
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::string yaml_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out + "\"";
}

class PostWriter {
public:
    explicit PostWriter(const Digest& digest)
        : digest_(digest), words_(Wording::get(digest.language)) {
        for (std::size_t i = 0; i < digest.sources.size(); ++i) {
            const SourceTweet& source = digest.sources[i];
            if (!is_digits(source.id)) continue;
            const std::string user = is_screen_name(source.username) ? source.username : "i/web";
            citations_.emplace(source.id, Citation{i + 1, "https://x.com/" + user + "/status/" + source.id});
        }
    }

    std::string write() {
        front_matter();
        out_ += words_.fill("report_heading", {{"from", digest_.from.to_string()}, {"to", digest_.to.to_string()}}) + "\n";
        overview();
        core_points();
        heading(2, "h_details");
        views();
        events();
        tickers();
        heading(2, "h_special");
        heading(3, "h_ai");
        bullets(digest_.ai_analysis, "ai_none");
        heading(3, "h_finance");
        bullets(digest_.finance_analysis, "finance_none");
        heading(2, "h_conclusions");
        numbered(digest_.conclusions, "conclusion_none");
        heading(2, "h_disclaimer");
        paragraph("*" + escape_markdown_inline(digest_.disclaimer.empty() ? words_.text("disclaimer") : digest_.disclaimer) + "*");
        heading(2, "h_cloud");
        paragraph("![" + words_.text("cloud_alt") + "]({{ \"/" + wordcloud_relative_path(digest_) +
                  "\" | relative_url }})");
        return std::move(out_);
    }

private:
    struct Citation {
        std::size_t number = 0;
        std::string url;
    };

    void front_matter() {
        const TimeZone zone = TimeZone::load(digest_.time_zone.empty() ? "UTC" : digest_.time_zone);
        const std::string date = zone.format_local(digest_.generated_at);
        out_ += "---\nlayout: post\ntitle: " + yaml_quoted(safe_file_name(digest_.title)) + "\ndate: " + yaml_quoted(date) +
                "\nposttime: " + yaml_quoted(date) + "\n---\n\n";
    }

    void heading(int level, std::string_view key) {
        out_ += "\n" + std::string(std::size_t(level), '#') + " " + words_.text(key) + "\n";
    }

    void paragraph(const std::string& text) { out_ += "\n" + text + "\n"; }

    // Escaped text followed by " [1] [2]" links.
    std::string cited(const Statement& statement) const { return cited(escape_markdown_inline(statement.text), statement); }
    std::string cited(std::string text, const Statement& statement) const {
        for (const std::string& id : statement.tweet_ids) {
            const auto found = citations_.find(id);
            if (found == citations_.end()) continue;
            text += " [\\[" + std::to_string(found->second.number) + "\\]](" + found->second.url + ")";
        }
        return text;
    }

    // A section never stays empty: without statements it says so in the wording's sentence.
    void bullets(const std::vector<Statement>& statements, std::string_view none_key) {
        if (statements.empty()) return paragraph(words_.text(none_key));
        out_ += "\n";
        for (const Statement& statement : statements) out_ += "*   " + cited(statement) + "\n";
    }

    void numbered(const std::vector<Statement>& statements, std::string_view none_key) {
        if (statements.empty()) return paragraph(words_.text(none_key));
        out_ += "\n";
        for (std::size_t i = 0; i < statements.size(); ++i)
            out_ += std::to_string(i + 1) + ".  " + cited(statements[i]) + "\n";
    }

    void overview() {
        heading(2, "h_overview");
        if (!digest_.overview.text.empty()) paragraph(cited(digest_.overview));
        const Sentiment& s = digest_.sentiment;
        auto percent = [](double share) { return std::to_string(std::lround(share * 100)); };
        const std::string line = words_.fill("sentiment_line", {{"label", escape_markdown_inline(s.label)},
                                                                {"positive", percent(s.positive)},
                                                                {"neutral", percent(s.neutral)},
                                                                {"negative", percent(s.negative)}});
        paragraph(words_.fill("mood_line", {{"sentiment", line}}));
    }

    void core_points() {
        heading(2, "h_core");
        out_ += "\n";
        for (std::size_t i = 0; i < digest_.core_points.size(); ++i) {
            const CorePoint& point = digest_.core_points[i];
            const std::string line = words_.fill(
                "point_line", {{"title", escape_markdown_inline(point.title)},
                               {"summary", escape_markdown_inline(point.summary.text)}});
            out_ += std::to_string(i + 1) + ".  " + cited(line, point.summary) + render::history_column(point, words_) + "\n";
        }
        if (!digest_.core_points_note.empty())
            paragraph(escape_markdown_inline(digest_.core_points_note));
        else if (digest_.core_points.empty())
            paragraph(words_.text("core_none"));
        out_ += render::term_trends_section(digest_, words_) + render::days_section(digest_, words_);
    }


    void views() {
        heading(3, "h_views");
        if (digest_.views.empty()) return paragraph(words_.text("views_none"));
        out_ += "\n";
        for (const View& view : digest_.views) {
            const std::string line = words_.fill(
                "view_line", {{"author", escape_markdown_inline(view.author)},
                              {"username", escape_markdown_inline(view.username)},
                              {"statement", escape_markdown_inline(view.statement.text)}});
            out_ += "*   " + cited(line, view.statement) + "\n";
        }
    }

    std::string impact(Impact impact) const { return words_.text(std::string("impact_") + to_string(impact)); }

    void table_header(const std::vector<std::string_view>& keys) {
        out_ += "\n|";
        for (std::string_view key : keys) out_ += " " + words_.text(key) + " |";
        out_ += "\n|";
        for (std::size_t i = 0; i < keys.size(); ++i) out_ += "------|";
        out_ += "\n";
    }

    void events() {
        heading(3, "h_events");
        if (digest_.events.empty()) return paragraph(words_.text("events_none"));
        table_header({"col_date", "col_event", "col_impact"});
        for (const KeyEvent& event : digest_.events)
            out_ += "| " + event.date.to_string() + " | " + cited(escape_table_cell(event.event.text), event.event) +
                    " | " + impact(event.impact) + " |\n";
    }

    void tickers() {
        heading(3, "h_tickers");
        if (digest_.tickers.empty())
            return paragraph(digest_.tickers_note.text.empty() ? words_.text("tickers_none") : cited(digest_.tickers_note));
        table_header({"col_symbol", "col_kind", "col_mentions", "col_sentiment", "col_tweet"});
        for (const TickerMention& t : digest_.tickers) {
            const bool known_kind = t.kind == "stock" || t.kind == "crypto" || t.kind == "other";
            const std::string kind = known_kind ? words_.text("kind_" + t.kind) : escape_table_cell(t.kind);
            const std::string tone = t.sentiment > 0.15    ? "tone_positive"
                                     : t.sentiment < -0.15 ? "tone_negative"
                                                           : "tone_neutral";
            char score[16];
            std::snprintf(score, sizeof score, "%+.2f", t.sentiment);
            out_ += "| " + escape_table_cell(t.symbol) + " | " + kind + " | " + std::to_string(t.mentions) + " | " +
                    words_.text(tone) + " (" + score + ") | " +
                    cited(escape_table_cell(t.representative.text), t.representative) + " |\n";
        }
    }

    const Digest& digest_;
    const Wording& words_;
    std::map<std::string, Citation> citations_;
    std::string out_;
};

}  // namespace

std::string render_markdown(const Digest& digest) { return PostWriter(digest).write(); }

}  // namespace td
