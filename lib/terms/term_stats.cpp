#include "terms/stats_internal.hpp"

#include <algorithm>
#include <cmath>

namespace td {
namespace terms {

void refresh_display(TermStats& stats, const std::string& key) {
    const auto forms = stats.surface_forms.find(key);
    if (forms == stats.surface_forms.end()) return;
    const auto term = stats.terms.find(key);
    std::uint64_t others = 0;
    for (const auto& [form, count] : forms->second) others += count;
    const std::uint64_t frequency = term == stats.terms.end() ? 0 : term->second.frequency;
    const std::string* best = &key;
    std::uint64_t best_count = frequency > others ? frequency - others : 0;
    for (const auto& [form, count] : forms->second)
        if (count > best_count || (count == best_count && form < *best)) best = &form, best_count = count;
    if (*best == key)
        stats.display.erase(key);
    else
        stats.display[key] = *best;
}

double engagement_weight(const Tweet& tweet) {
    const Metrics& m = tweet.metrics;
    const double raw = double(m.likes) + 2.0 * double(m.retweets) + 2.0 * double(m.quotes) + double(m.replies);
    return std::round(std::log1p(raw) * 1024.0) / 1024.0;
}

void add_counts(TermCounts& mine, const TermCounts& theirs) {
    mine.kind = std::min(mine.kind, theirs.kind);
    mine.frequency += theirs.frequency;
    mine.document_frequency += theirs.document_frequency;
    mine.engagement += theirs.engagement;
    mine.spread += theirs.spread;
    for (const auto& [day, n] : theirs.per_day) mine.per_day[day] += n;
}

}  // namespace terms

void TermStats::merge(const TermStats& other) {
    documents += other.documents;
    for (const auto& [key, counts] : other.terms) {
        auto [it, inserted] = terms.try_emplace(key, counts);
        if (!inserted) terms::add_counts(it->second, counts);
    }
    for (const auto& [key, forms] : other.surface_forms) {
        auto& mine = surface_forms[key];
        for (const auto& [form, n] : forms) mine[form] += n;
    }
    for (const auto& [key, shown] : other.display)
        if (!surface_forms.count(key)) display.try_emplace(key, shown);
    for (const auto& [key, counts] : other.terms)
        if (surface_forms.count(key)) terms::refresh_display(*this, key);
    for (const auto& [key, forms] : other.surface_forms)
        if (!other.terms.count(key)) terms::refresh_display(*this, key);
}

}  // namespace td
