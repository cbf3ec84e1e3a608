// Scores: tf · engagement boost · kind weight, and against a background
// (0.25 + 0.75·normalised idf) · (1 + burst). Counts are residual: occurrences of a word or
// phrase inside an accepted longer phrase belong to the longer phrase, so fragments such as
// "Claude" (of "Claude Code") or "世界" (of "世界模型") rank by their own occurrences only.
#include "terms/scoring.hpp"

#include "terms/term_units.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace td::terms {
namespace {

struct Residual {
    double frequency = 0;
    double documents = 0;
};

std::set<int> days_of(const TermStats& stats) {
    std::set<int> days;
    for (const auto& [key, t] : stats.terms)
        for (const auto& [day, n] : t.per_day) days.insert(day);
    return days;
}

double kind_weight(TermKind kind) {
    switch (kind) {
    case TermKind::phrase: return 1.25;
    case TermKind::mention: return 0.5;
    default: return 1.0;
    }
}

}  // namespace

std::vector<Term> rank_terms(const TermStats& stats, const Phrases& phrases, const TermOptions& options) {
    std::map<std::string, Residual> residual;
    auto residual_of = [&](const std::string& key) -> Residual& {
        auto [it, inserted] = residual.try_emplace(key);
        if (inserted) {
            const auto found = stats.terms.find(key);
            if (found != stats.terms.end())
                it->second = {double(found->second.frequency), double(found->second.document_frequency)};
        }
        return it->second;
    };
    std::vector<const std::pair<const std::string, std::vector<std::string>>*> longest_first;
    for (const auto& entry : phrases.parts) longest_first.push_back(&entry);
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [](auto* a, auto* b) { return a->second.size() > b->second.size(); });
    for (const auto* phrase : longest_first) {
        const Residual own = residual_of(phrase->first);
        const auto& parts = phrase->second;
        for (std::size_t begin = 0; begin < parts.size(); ++begin)
            for (std::size_t end = begin + 1; end <= parts.size(); ++end) {
                if (end - begin == parts.size()) continue;
                Residual& r = residual_of(join_keys(parts, begin, end));
                r.frequency = std::max(0.0, r.frequency - own.frequency);
                r.documents = std::max(0.0, r.documents - own.documents);
            }
    }

    const Stopwords stopwords(options.extra_stopwords);
    const TermStats* background = options.background && options.background->documents ? options.background : nullptr;
    double background_days = 1, current_days = 1, idf_max = 1;
    if (background) {
        const std::size_t covered = options.background_days ? options.background_days : days_of(*background).size();
        background_days = double(std::max<std::size_t>(1, covered));
        current_days = double(std::max<std::size_t>(1, days_of(stats).size()));
        idf_max = std::log((double(background->documents) + 1) / 0.5);
    }
    const double floor = double(std::max<std::size_t>(1, options.min_frequency));
    std::vector<Term> ranked;
    for (const auto& [key, t] : stats.terms) {
        if (t.document_frequency == 0 || t.frequency == 0) continue;
        const bool entity = t.kind == TermKind::hashtag || t.kind == TermKind::cashtag || t.kind == TermKind::mention;
        if (t.kind == TermKind::phrase && !phrases.contains(key)) continue;
        if (t.kind == TermKind::word && !rankable_word(key, stopwords)) continue;
        if (t.kind == TermKind::phrase && stopwords.contains(key)) continue;
        const auto found = residual.find(key);
        const Residual r = found != residual.end() ? found->second
                                                   : Residual{double(t.frequency), double(t.document_frequency)};
        if (r.documents <= 0 || r.frequency < (entity ? 1.0 : floor)) continue;
        const double share = r.documents / double(t.document_frequency);
        const double extra = std::max(0.0, r.frequency - r.documents);
        const double tf = r.documents + 0.5 * std::log1p(extra) + 0.5 * std::log1p(double(t.spread) * share);
        const double boost = 1 + 0.1 * (t.engagement / double(t.document_frequency));
        double score = tf * boost * kind_weight(t.kind);
        if (background) {
            const auto b = background->terms.find(key);
            const double df_b = b == background->terms.end() ? 0.0 : double(b->second.document_frequency);
            const double idf = std::log((double(background->documents) + 1) / (df_b + 0.5));
            const double burst = std::max(0.0, std::log((r.documents / current_days + 1) / (df_b / background_days + 1)));
            score *= (0.25 + 0.75 * std::clamp(idf / idf_max, 0.0, 1.0)) * (1 + burst);
        }
        Term term;
        term.key = key;
        const auto shown = stats.display.find(key);
        term.display = shown != stats.display.end() && !shown->second.empty() ? shown->second : key;
        term.kind = t.kind;
        term.score = score;
        term.frequency = std::uint64_t(std::llround(r.frequency));
        term.document_frequency = std::uint64_t(std::llround(r.documents));
        ranked.push_back(std::move(term));
    }
    std::sort(ranked.begin(), ranked.end(), [](const Term& a, const Term& b) {
        return a.score != b.score ? a.score > b.score : a.key < b.key;
    });
    if (ranked.size() > options.top) ranked.resize(options.top);
    return ranked;
}

}  // namespace td::terms

namespace td {

std::vector<Term> score_terms(const TermStats& stats, const TermOptions& options) {
    const Segmenter segmenter(options.lexicon ? options.lexicon : Lexicon::builtin());
    return terms::rank_terms(stats, terms::discover_phrases(stats, segmenter, options), options);
}

}  // namespace td
