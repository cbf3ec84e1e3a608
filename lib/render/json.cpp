// The digest as JSON and back; the schema is described in SCHEMA.md beside this file.

#include <tweetdigest/render.hpp>

#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <array>
#include <cmath>

namespace td {
namespace {

namespace json = boost::json;

constexpr std::string_view schema_name = "tweetdigest.digest/1";
constexpr std::array<std::string_view, 5> term_kinds = {"word", "phrase", "hashtag", "cashtag", "mention"};

// ---- writing -----------------------------------------------------------------------------------

json::array strings(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& item : items) out.emplace_back(item);
    return out;
}

json::object statement(const Statement& s) { return {{"text", s.text}, {"tweet_ids", strings(s.tweet_ids)}}; }

json::array statements(const std::vector<Statement>& items) {
    json::array out;
    for (const Statement& s : items) out.emplace_back(statement(s));
    return out;
}

template <typename T, typename ToJson>
json::array list(const std::vector<T>& items, ToJson to_json) {
    json::array out;
    for (const T& item : items) out.emplace_back(to_json(item));
    return out;
}

json::object term(const Term& t) {
    return {{"key", t.key}, {"display", t.display}, {"kind", term_kinds[std::size_t(t.kind)]},
            {"score", t.score}, {"frequency", t.frequency}, {"document_frequency", t.document_frequency},
            {"example_ids", strings(t.example_ids)}};
}

json::value date_or_null(const LocalDate& date, bool present) {
    return present ? json::value(date.to_string()) : json::value(nullptr);
}

json::object momentum(const Momentum& m) {
    return {{"trend", to_string(m.trend)},
            {"days", list(m.days, [](const DayCount& c) {
                 return json::object{{"date", c.date.to_string()}, {"count", c.count}, {"documents", c.documents}};
             })},
            {"expected", m.expected},
            {"z", m.z}};
}

json::object story(const StoryLink& s) {
    const bool continuing = s.status == StoryStatus::continuing;
    return {{"status", to_string(s.status)},
            {"since", date_or_null(s.since, s.status != StoryStatus::unknown)},
            {"since_title", s.since_title},
            {"matched_day", date_or_null(s.matched_day, continuing)},
            {"similarity", s.similarity}};
}

json::object core_point(const CorePoint& p) {
    return {{"title", p.title}, {"summary", statement(p.summary)}, {"impact", to_string(p.impact)},
            {"terms", strings(p.terms)}, {"tweets", p.tweets}, {"engagement", p.engagement},
            {"signature", list(p.signature, [](const WeightedTerm& t) {
                 return json::object{{"key", t.key}, {"weight", t.weight}};
             })},
            {"momentum", momentum(p.momentum)}, {"story", story(p.story)}};
}

json::object to_json(const Digest& d) {
    const DigestCounts& c = d.counts;
    return {
        {"schema", schema_name},
        {"language", to_string(d.language)},
        {"time_zone", d.time_zone},
        {"from", d.from.to_string()},
        {"to", d.to.to_string()},
        {"generated_at", d.generated_at},
        {"title", d.title},
        {"counts", {{"tweets", c.tweets}, {"authors", c.authors}, {"kept", c.kept},
                    {"duplicates", c.duplicates}, {"retweets", c.retweets}}},
        {"overview", statement(d.overview)},
        {"sentiment", {{"positive", d.sentiment.positive}, {"neutral", d.sentiment.neutral},
                       {"negative", d.sentiment.negative}, {"label", d.sentiment.label}}},
        {"core_points", list(d.core_points, core_point)},
        {"core_points_note", d.core_points_note},
        {"views", list(d.views, [](const View& v) {
             return json::object{{"author", v.author}, {"username", v.username}, {"statement", statement(v.statement)}};
         })},
        {"events", list(d.events, [](const KeyEvent& e) {
             return json::object{{"date", e.date.to_string()}, {"event", statement(e.event)},
                                 {"impact", to_string(e.impact)}, {"cue", e.cue}};
         })},
        {"tickers", list(d.tickers, [](const TickerMention& t) {
             return json::object{{"symbol", t.symbol}, {"kind", t.kind}, {"mentions", t.mentions},
                                 {"sentiment", t.sentiment}, {"representative", statement(t.representative)}};
         })},
        {"tickers_note", statement(d.tickers_note)},
        {"ai_analysis", statements(d.ai_analysis)},
        {"finance_analysis", statements(d.finance_analysis)},
        {"conclusions", statements(d.conclusions)},
        {"disclaimer", d.disclaimer},
        {"wordcloud_image", d.wordcloud_image},
        {"top_terms", list(d.top_terms, term)},
        {"sources", list(d.sources, [](const SourceTweet& s) {
             return json::object{{"id", s.id}, {"username", s.username}, {"url", s.url}};
         })},
        {"term_trends", list(d.term_trends, [](const TermTrend& t) {
             return json::object{{"key", t.key}, {"display", t.display}, {"momentum", momentum(t.momentum)}};
         })},
        {"days", list(d.days, [](const DaySummary& day) {
             return json::object{{"date", day.date.to_string()}, {"title", day.title}, {"source", day.source},
                                 {"tweets", day.tweets}, {"topics", strings(day.topics)}};
         })},
        {"new_stories", d.new_stories},
    };
}

// ---- reading -----------------------------------------------------------------------------------

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw Error(Error::Code::parse, "digest JSON: " + path + ": " + what);
}

// A JSON object being read, with the path used in error messages.
class Reader {
public:
    Reader(const json::value& value, std::string path) : path_(std::move(path)) {
        if (!value.is_object()) fail(path_, "expected an object");
        object_ = &value.as_object();
    }

    const json::value* find(std::string_view key) const {
        const json::value* value = object_->if_contains(key);
        return value && !value->is_null() ? value : nullptr;
    }
    std::string at(std::string_view key) const { return path_ + "." + std::string(key); }

    void read(std::string_view key, std::string& out) const {
        if (const json::value* v = find(key)) {
            if (!v->is_string()) fail(at(key), "expected a string");
            out = std::string(v->as_string());
        }
    }
    void read(std::string_view key, double& out) const {
        if (const json::value* v = find(key)) {
            if (!v->is_number()) fail(at(key), "expected a number");
            out = v->to_number<double>();
            if (!std::isfinite(out)) fail(at(key), "the number is out of range");
        }
    }
    template <typename Integer>
    void read_integer(std::string_view key, Integer& out) const {
        if (const json::value* v = find(key)) {
            try {
                out = v->to_number<Integer>();
            } catch (const std::exception&) {
                fail(at(key), "expected an integer in range");
            }
        }
    }
    void read(std::string_view key, std::uint64_t& out) const { read_integer(key, out); }
    void read(std::string_view key, std::int64_t& out) const { read_integer(key, out); }
    void read(std::string_view key, LocalDate& out) const {
        std::string text;
        read(key, text);
        if (text.empty()) return;
        try {
            out = LocalDate::parse(text);
        } catch (const Error& error) {
            fail(at(key), error.what());
        }
    }
    void read(std::string_view key, Impact& out) const {
        std::string text;
        read(key, text);
        if (text.empty()) return;
        if (text == "high") out = Impact::high;
        else if (text == "medium") out = Impact::medium;
        else if (text == "low") out = Impact::low;
        else fail(at(key), "expected high, medium or low");
    }
    void read(std::string_view key, std::vector<std::string>& out) const {
        for_each(key, [&](const json::value& item, const std::string& path) {
            if (!item.is_string()) fail(path, "expected a string");
            out.emplace_back(item.as_string());
        });
    }
    void read(std::string_view key, Statement& out) const {
        if (const json::value* v = find(key)) read_statement(*v, at(key), out);
    }
    void read(std::string_view key, std::vector<Statement>& out) const {
        for_each(key, [&](const json::value& item, const std::string& path) {
            read_statement(item, path, out.emplace_back());
        });
    }

    template <typename OnItem>
    void for_each(std::string_view key, OnItem on_item) const {
        const json::value* v = find(key);
        if (!v) return;
        if (!v->is_array()) fail(at(key), "expected an array");
        std::size_t i = 0;
        for (const json::value& item : v->as_array()) on_item(item, at(key) + "[" + std::to_string(i++) + "]");
    }
    template <typename T, typename ReadItem>
    void read_objects(std::string_view key, std::vector<T>& out, ReadItem read_item) const {
        for_each(key, [&](const json::value& item, const std::string& path) {
            read_item(Reader(item, path), out.emplace_back());
        });
    }
    Reader child(std::string_view key) const {
        static const json::value empty = json::object();
        const json::value* v = find(key);
        return Reader(v ? *v : empty, at(key));
    }

    static void read_statement(const json::value& value, const std::string& path, Statement& out) {
        const Reader r(value, path);
        r.read("text", out.text);
        r.read("tweet_ids", out.tweet_ids);
    }

private:
    const json::object* object_ = nullptr;
    std::string path_;
};

void read_momentum(const Reader& r, Momentum& m) {
    std::string trend;
    r.read("trend", trend);
    if (!trend.empty()) {
        try {
            m.trend = parse_trend(trend);
        } catch (const Error&) {
            fail(r.at("trend"), "expected unknown, rising, stable or falling");
        }
    }
    r.read_objects("days", m.days, [](const Reader& c, DayCount& day) {
        c.read("date", day.date);
        c.read("count", day.count);
        c.read("documents", day.documents);
    });
    r.read("expected", m.expected);
    r.read("z", m.z);
}

void read_story(const Reader& r, StoryLink& s) {
    std::string status;
    r.read("status", status);
    if (status == "new") s.status = StoryStatus::new_story;
    else if (status == "continuing") s.status = StoryStatus::continuing;
    else if (!status.empty() && status != "unknown") fail(r.at("status"), "expected unknown, new or continuing");
    r.read("since", s.since);
    r.read("since_title", s.since_title);
    r.read("matched_day", s.matched_day);
    r.read("similarity", s.similarity);
}

Digest from_json(const Reader& r) {
    Digest d;
    std::string schema, language;
    r.read("schema", schema);
    if (!schema.empty() && schema != schema_name) fail(r.at("schema"), "unsupported schema '" + schema + "'");
    r.read("language", language);
    if (!language.empty()) {
        if (language != "zh" && language != "en") fail(r.at("language"), "expected zh or en");
        d.language = parse_language(language);
    }
    r.read("time_zone", d.time_zone);
    r.read("from", d.from);
    r.read("to", d.to);
    r.read("generated_at", d.generated_at);
    r.read("title", d.title);
    const Reader counts = r.child("counts");
    counts.read("tweets", d.counts.tweets);
    counts.read("authors", d.counts.authors);
    counts.read("kept", d.counts.kept);
    counts.read("duplicates", d.counts.duplicates);
    counts.read("retweets", d.counts.retweets);
    r.read("overview", d.overview);
    const Reader sentiment = r.child("sentiment");
    sentiment.read("positive", d.sentiment.positive);
    sentiment.read("neutral", d.sentiment.neutral);
    sentiment.read("negative", d.sentiment.negative);
    sentiment.read("label", d.sentiment.label);
    r.read_objects("core_points", d.core_points, [](const Reader& p, CorePoint& point) {
        p.read("title", point.title);
        p.read("summary", point.summary);
        p.read("impact", point.impact);
        p.read("terms", point.terms);
        p.read("tweets", point.tweets);
        p.read("engagement", point.engagement);
        p.read_objects("signature", point.signature, [](const Reader& t, WeightedTerm& term) {
            t.read("key", term.key);
            t.read("weight", term.weight);
        });
        read_momentum(p.child("momentum"), point.momentum);
        read_story(p.child("story"), point.story);
    });
    r.read("core_points_note", d.core_points_note);
    r.read_objects("views", d.views, [](const Reader& v, View& view) {
        v.read("author", view.author);
        v.read("username", view.username);
        v.read("statement", view.statement);
    });
    r.read_objects("events", d.events, [](const Reader& e, KeyEvent& event) {
        e.read("date", event.date);
        e.read("event", event.event);
        e.read("impact", event.impact);
        e.read("cue", event.cue);
    });
    r.read_objects("tickers", d.tickers, [](const Reader& t, TickerMention& ticker) {
        t.read("symbol", ticker.symbol);
        t.read("kind", ticker.kind);
        t.read("mentions", ticker.mentions);
        t.read("sentiment", ticker.sentiment);
        t.read("representative", ticker.representative);
    });
    r.read("tickers_note", d.tickers_note);
    r.read("ai_analysis", d.ai_analysis);
    r.read("finance_analysis", d.finance_analysis);
    r.read("conclusions", d.conclusions);
    r.read("disclaimer", d.disclaimer);
    r.read("wordcloud_image", d.wordcloud_image);
    r.read_objects("top_terms", d.top_terms, [](const Reader& t, Term& term) {
        std::string kind;
        t.read("key", term.key);
        t.read("display", term.display);
        t.read("kind", kind);
        if (!kind.empty()) {
            const auto found = std::find(term_kinds.begin(), term_kinds.end(), kind);
            if (found == term_kinds.end()) fail(t.at("kind"), "unknown term kind '" + kind + "'");
            term.kind = TermKind(found - term_kinds.begin());
        }
        t.read("score", term.score);
        t.read("frequency", term.frequency);
        t.read("document_frequency", term.document_frequency);
        t.read("example_ids", term.example_ids);
    });
    r.read_objects("sources", d.sources, [](const Reader& s, SourceTweet& source) {
        s.read("id", source.id);
        s.read("username", source.username);
        s.read("url", source.url);
    });
    r.read_objects("term_trends", d.term_trends, [](const Reader& t, TermTrend& trend) {
        t.read("key", trend.key);
        t.read("display", trend.display);
        read_momentum(t.child("momentum"), trend.momentum);
    });
    r.read_objects("days", d.days, [](const Reader& t, DaySummary& day) {
        t.read("date", day.date);
        t.read("title", day.title);
        t.read("source", day.source);
        t.read("tweets", day.tweets);
        t.read("topics", day.topics);
    });
    r.read("new_stories", d.new_stories);
    return d;
}

}  // namespace

namespace {

// Twelve significant digits: enough for any figure of the report, and short enough that every
// JSON parser reads the number back as the very same double, so render -> parse -> render is
// byte-identical.
void round_numbers(json::value& value) {
    if (value.is_double()) {
        char text[32];
        std::snprintf(text, sizeof text, "%.12g", value.get_double());
        value = std::strtod(text, nullptr);
    } else if (value.is_array()) {
        for (json::value& item : value.get_array()) round_numbers(item);
    } else if (value.is_object()) {
        for (auto& entry : value.get_object()) round_numbers(entry.value());
    }
}

}  // namespace

std::string render_json(const Digest& digest) {
    json::value value = to_json(digest);
    round_numbers(value);
    return json::serialize(value) + "\n";
}

Digest digest_from_json(std::string_view text) {
    json::error_code error;
    const json::value value = json::parse(text, error);
    if (error) throw Error(Error::Code::parse, "digest JSON: " + error.message());
    return from_json(Reader(value, "$"));
}

}  // namespace td
