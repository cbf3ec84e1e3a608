#include "terms/phrases.hpp"

#include "terms/term_units.hpp"

#include <algorithm>
#include <cmath>

namespace td::terms {
namespace {

using Neighbours = std::map<std::string, std::map<std::string, std::uint64_t>>;

// Entropy of what follows (or precedes) a phrase; occurrences that no longer candidate explains
// sit next to a boundary (punctuation, a stopword, the end) and count as distinct neighbours.
double boundary_entropy(const Neighbours& neighbours, const std::string& key, std::uint64_t frequency) {
    const auto found = neighbours.find(key);
    std::uint64_t explained = 0;
    double total = double(frequency);
    if (found != neighbours.end()) {
        for (const auto& [word, n] : found->second) explained += n;
        total = std::max(total, double(explained));
    }
    if (total <= 0) return 0;
    double h = 0;
    if (found != neighbours.end())
        for (const auto& [word, n] : found->second) {
            const double p = double(n) / total;
            h -= p * std::log(p);
        }
    const double rest = total - double(explained);
    if (rest > 0) h += rest / total * std::log(total);
    return h;
}

const TermCounts* lookup(const TermStats& stats, const std::string& key) {
    const auto found = stats.terms.find(key);
    return found == stats.terms.end() ? nullptr : &found->second;
}

}  // namespace

void Phrases::add(std::string key, std::vector<std::string> unit_keys) {
    longest = std::max(longest, unit_keys.size());
    keys_.insert(key);
    parts.emplace(std::move(key), std::move(unit_keys));
}

std::vector<std::string> phrase_parts(const Segmenter& segmenter, const std::string& key) {
    UnitBuffer buffer;
    buffer.add_text(segmenter, key);
    const TextUnits units = buffer.text(0);
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (!units[i].joinable) return {};
        parts.emplace_back(units.key(i));
    }
    return parts;
}

Phrases discover_phrases(const TermStats& stats, const Segmenter& segmenter, const TermOptions& options) {
    Phrases phrases;
    std::map<std::string, std::vector<std::string>> candidates;
    Neighbours right, left;
    for (const auto& [key, counts] : stats.terms) {
        if (counts.kind != TermKind::phrase) continue;
        std::vector<std::string> parts = phrase_parts(segmenter, key);
        const std::size_t m = parts.size();
        if (m < 2 || m > max_phrase_units || join_keys(parts, 0, m) != key) continue;
        right[join_keys(parts, 0, m - 1)][parts[m - 1]] += counts.frequency;
        left[join_keys(parts, 1, m)][parts[0]] += counts.frequency;
        candidates.emplace(key, std::move(parts));
    }
    const std::uint64_t floor = std::max<std::uint64_t>(2, options.min_frequency);
    const double documents = double(std::max<std::uint64_t>(stats.documents, 1));
    for (auto& [key, parts] : candidates) {
        const TermCounts& c = *lookup(stats, key);
        if (c.frequency < floor || c.document_frequency < 2) continue;
        bool cohesive = true, evaluated = false;
        for (std::size_t split = 1; split < parts.size() && cohesive; ++split) {
            const TermCounts* a = lookup(stats, join_keys(parts, 0, split));
            const TermCounts* b = lookup(stats, join_keys(parts, split, parts.size()));
            if (!a || !b || !a->frequency || !b->frequency || !a->document_frequency || !b->document_frequency) continue;
            evaluated = true;
            // A phrase grown from a shorter one must explain most of that one's occurrences, or
            // the shorter phrase is the term ("Claude Code", not "Claude Code keeps").
            const bool a_phrase = split > 1, b_phrase = parts.size() - split > 1;
            const std::uint64_t base = a_phrase || b_phrase
                                           ? std::max(a_phrase ? a->frequency : 0, b_phrase ? b->frequency : 0)
                                           : std::min(a->frequency, b->frequency);
            const double containment = double(c.frequency) / double(base);
            const double pmi = std::log(double(c.document_frequency) * documents /
                                        (double(a->document_frequency) * double(b->document_frequency)));
            cohesive = containment >= 0.5 && pmi >= -1e-9;
        }
        if (!cohesive || !evaluated) continue;
        const double threshold = std::min(1.0, 0.5 * std::log(double(c.frequency)));
        if (boundary_entropy(right, key, c.frequency) < threshold ||
            boundary_entropy(left, key, c.frequency) < threshold)
            continue;
        phrases.add(key, std::move(parts));
    }
    return phrases;
}

}  // namespace td::terms
