#include "digest/momentum.hpp"

#include <algorithm>
#include <cmath>

namespace td::digest {
namespace {

// A day this far above (below) its expectation, and this many times (a fraction of) it, rises
// (falls); everything in between is stable.
constexpr double burst_z = 2.0;
constexpr double burst_ratio = 1.5;
constexpr std::uint64_t rising_floor = 3;  // fewer mentions never make a rise

DayCount count_in(const TermStats& stats, const std::vector<std::string>& keys, const LocalDate& date) {
    DayCount day{date, 0, stats.documents};
    for (const std::string& key : keys)
        if (const auto found = stats.terms.find(key); found != stats.terms.end())
            day.count = std::max(day.count, found->second.document_frequency);
    return day;
}

DayCount count_in(const TermFrequencies& terms, const std::vector<std::string>& keys, const LocalDate& date) {
    DayCount day{date, 0, terms.documents()};
    for (const std::string& key : keys) day.count = std::max(day.count, terms.document_frequency(key));
    return day;
}

}  // namespace

std::vector<DayCount> day_counts(const std::vector<std::string>& keys, const DigestHistory& history,
                                 const TermStats& today, const LocalDate& today_date) {
    std::vector<DayCount> days;
    for (const PastDay& day : history.days) days.push_back(count_in(day.terms, keys, day.date));
    days.push_back(count_in(today, keys, today_date));
    return days;
}

Momentum momentum_of(std::vector<DayCount> days) {
    Momentum m;
    m.days = std::move(days);
    if (m.days.size() < 2) return m;
    double rate = 0;
    int earlier = 0;
    for (std::size_t i = 0; i + 1 < m.days.size(); ++i) {
        if (m.days[i].documents == 0) continue;
        rate += double(m.days[i].count) / double(m.days[i].documents);
        ++earlier;
    }
    if (earlier == 0) return m;
    const DayCount& last = m.days.back();
    m.expected = std::round(rate / earlier * double(last.documents) * 100) / 100;
    const double count = double(last.count);
    m.z = std::round((count - m.expected) / std::sqrt(std::max(m.expected, 1.0)) * 100) / 100;
    if (m.z >= burst_z && count >= burst_ratio * m.expected && last.count >= rising_floor)
        m.trend = Trend::rising;
    else if (m.z <= -burst_z && count * burst_ratio <= m.expected)
        m.trend = Trend::falling;
    else
        m.trend = Trend::stable;
    return m;
}

double signature_cosine(const std::vector<WeightedTerm>& a, const std::vector<WeightedTerm>& b) {
    double dot = 0, na = 0, nb = 0;
    for (const WeightedTerm& t : a) {
        na += t.weight * t.weight;
        for (const WeightedTerm& u : b)
            if (u.key == t.key) dot += t.weight * u.weight;
    }
    for (const WeightedTerm& u : b) nb += u.weight * u.weight;
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

StoryLink match_story(const std::vector<WeightedTerm>& signature, const DigestHistory& history,
                      double threshold) {
    StoryLink link;
    link.status = StoryStatus::new_story;
    for (auto day = history.days.rbegin(); day != history.days.rend(); ++day) {
        const StorySignature* best = nullptr;
        double best_similarity = 0;
        for (const StorySignature& story : day->stories) {
            const double similarity = signature_cosine(signature, story.terms);
            if (similarity > best_similarity) best = &story, best_similarity = similarity;
        }
        if (!best || best_similarity < threshold) continue;
        const bool chained = best->since.days_since_epoch() > 0 && best->since <= day->date;
        link.status = StoryStatus::continuing;
        link.matched_day = day->date;
        link.similarity = std::round(best_similarity * 1e4) / 1e4;
        link.since = chained ? best->since : day->date;
        link.since_title = digest_title(link.since, link.since);
        for (const PastDay& earlier : history.days)
            if (earlier.date == link.since) link.since_title = earlier.title;
        return link;
    }
    return link;
}

}  // namespace td::digest
