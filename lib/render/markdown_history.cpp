#include "render/markdown_history.hpp"

#include <tweetdigest/render.hpp>

#include <cstdio>

namespace td::render {
namespace {

std::string counts(const Momentum& m) {
    std::string out;
    for (const DayCount& day : m.days) out += (out.empty() ? "" : "→") + std::to_string(day.count);
    return out;
}

std::string z_value(const Momentum& m) {
    char z[32];
    std::snprintf(z, sizeof z, "%+.1f", m.z);
    return z;
}

std::string trend(const Momentum& m, const digest::Wording& words) {
    return words.text(std::string("trend_") + to_string(m.trend));
}

// A Liquid link to the post of a day; resolves from any post's URL and honours baseurl.
std::string day_link(const LocalDate& date, const std::string& title) {
    return "[" + date.to_string() + "]({{ \"" + post_url(date, title.empty() ? digest_title(date, date) : title) +
           "\" | relative_url }})";
}

}  // namespace

std::string history_column(const CorePoint& point, const digest::Wording& words) {
    std::string out;
    if (point.momentum.trend != Trend::unknown)
        out += " · " + words.fill("point_history", {{"trend", trend(point.momentum, words)},
                                                    {"days", counts(point.momentum) + ", z=" + z_value(point.momentum)}});
    if (point.story.status == StoryStatus::new_story)
        out += " · " + words.text("story_new");
    else if (point.story.status == StoryStatus::continuing)
        out += " · " + words.fill("story_since", {{"date", day_link(point.story.since, point.story.since_title)}});
    return out;
}

std::string term_trends_section(const Digest& digest, const digest::Wording& words) {
    if (digest.term_trends.empty()) return {};
    std::string out = "\n### " + words.text("h_trends") + "\n\n|";
    for (const char* key : {"col_term", "col_trend", "col_days", "col_z"}) out += " " + words.text(key) + " |";
    out += "\n|------|------|------|------|\n";
    for (const TermTrend& t : digest.term_trends)
        out += "| " + escape_table_cell(t.display) + " | " + trend(t.momentum, words) + " | " + counts(t.momentum) +
               " | " + z_value(t.momentum) + " |\n";
    return out;
}

std::string days_section(const Digest& digest, const digest::Wording& words) {
    if (digest.days.empty()) return {};
    std::string out = "\n### " + words.text("h_days") + "\n\n";
    for (const DaySummary& day : digest.days) {
        std::vector<std::string> topics;
        for (const std::string& topic : day.topics) topics.push_back(escape_markdown_inline(topic));
        out += "*   " + words.fill("day_line", {{"date", day_link(day.date, day.title)},
                                                {"topics", words.join(topics)},
                                                {"tweets", std::to_string(day.tweets)}}) + "\n";
    }
    return out;
}

}  // namespace td::render
