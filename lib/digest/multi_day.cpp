// The multi-day fields of a digest: momentum of its topics and leading terms, stories carried
// forward from earlier days, and faded terms.

#include "digest/momentum.hpp"
#include "digest/wording.hpp"

#include <tweetdigest/digest.hpp>

#include <set>

namespace td {
namespace {

std::vector<std::string> leading_keys(const CorePoint& point) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < point.signature.size() && i < 3; ++i) keys.push_back(point.signature[i].key);
    return keys;
}

std::string display_of(const std::string& key, const TermStats& today, const DigestHistory& history) {
    if (const auto found = today.display.find(key); found != today.display.end()) return found->second;
    for (auto day = history.days.rbegin(); day != history.days.rend(); ++day)
        if (const auto found = day->top_term_display.find(key); found != day->top_term_display.end())
            return found->second;
    return key;
}

void add_term_trends(Digest& digest, const TermStats& today, const DigestHistory& history,
                     const DigestOptions& options) {
    std::set<std::string> shown;
    for (const Term& term : digest.top_terms) {
        if (digest.term_trends.size() == options.trend_terms) break;
        shown.insert(term.key);
        digest.term_trends.push_back(
            {term.key, term.display, digest::momentum_of(digest::day_counts({term.key}, history, today, digest.to))});
    }
    std::size_t faded = 0;
    for (auto day = history.days.rbegin(); day != history.days.rend() && faded < options.trend_terms; ++day) {
        for (const std::string& key : day->top_terms) {
            if (faded == options.trend_terms) break;
            if (!shown.insert(key).second) continue;
            Momentum m = digest::momentum_of(digest::day_counts({key}, history, today, digest.to));
            if (m.trend != Trend::falling) continue;
            digest.term_trends.push_back({key, display_of(key, today, history), std::move(m)});
            ++faded;
        }
    }
}

}  // namespace

const char* to_string(Trend trend) noexcept {
    switch (trend) {
    case Trend::rising: return "rising";
    case Trend::stable: return "stable";
    case Trend::falling: return "falling";
    case Trend::unknown: break;
    }
    return "unknown";
}

Trend parse_trend(std::string_view name) {
    for (Trend trend : {Trend::unknown, Trend::rising, Trend::stable, Trend::falling})
        if (name == to_string(trend)) return trend;
    throw Error(Error::Code::invalid_argument, "unknown trend '" + std::string(name) + "'");
}

const char* to_string(StoryStatus status) noexcept {
    switch (status) {
    case StoryStatus::new_story: return "new";
    case StoryStatus::continuing: return "continuing";
    case StoryStatus::unknown: break;
    }
    return "unknown";
}

void apply_history(Digest& digest, const TermStats& today, const DigestHistory& history,
                   const DigestOptions& options) {
    digest.new_stories = 0;
    std::uint64_t continuing = 0;
    for (CorePoint& point : digest.core_points) {
        point.momentum = digest::momentum_of(digest::day_counts(leading_keys(point), history, today, digest.to));
        point.story = digest::match_story(point.signature, history, options.story_threshold);
        if (point.story.status == StoryStatus::new_story) {
            point.story.since = digest.from;
            point.story.since_title = digest.title;
        }
        (point.story.status == StoryStatus::new_story ? digest.new_stories : continuing) += 1;
    }
    digest.term_trends.clear();
    if (!history.days.empty()) add_term_trends(digest, today, history, options);
    if (digest.core_points.empty()) return;
    const digest::Wording& w = digest::Wording::get(digest.language);
    const std::string sentence = w.fill("overview_stories", {{"new", std::to_string(digest.new_stories)},
                                                             {"continuing", std::to_string(continuing)}});
    digest.overview.text += (digest.language == Language::en ? " " : "") + sentence;
}

}  // namespace td
