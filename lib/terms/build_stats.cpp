#include "terms/stats_accumulator.hpp"
#include "terms/stats_internal.hpp"

#include <algorithm>
#include <utility>

namespace td {
namespace terms {
namespace {

template <class Value, class Hashed>
std::map<std::string, Value> ordered(Hashed&& table) {
    std::vector<std::pair<std::string, Value>> entries;
    entries.reserve(table.size());
    for (auto& [key, value] : table) entries.emplace_back(key, std::move(value));
    table.clear();
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::map<std::string, Value> out;
    for (auto& [key, value] : entries) out.emplace_hint(out.end(), std::move(key), std::move(value));
    return out;
}

}  // namespace

const std::string& tweet_text(const Tweet& tweet) {
    return tweet.analysis_text.empty() ? tweet.text : tweet.analysis_text;
}

void StatsAccumulator::note(std::string_view key, std::string_view surface, TermKind kind) {
    Occurrence o{std::uint32_t(scratch_.size()), std::uint32_t(key.size()), 0, 0, kind};
    scratch_.append(key);
    o.surface_begin = std::uint32_t(scratch_.size());
    if (surface != key) {
        o.surface_size = std::uint32_t(surface.size());
        scratch_.append(surface);
    } else {
        o.surface_begin = o.key_begin;
        o.surface_size = o.key_size;
    }
    occurrences_.push_back(o);
}

TermCounts& StatsAccumulator::counts_of(std::string_view key, TermKind kind) {
    auto found = terms_.find(key);
    if (found == terms_.end()) {
        found = terms_.emplace(std::string(key), TermCounts{}).first;
        found->second.kind = kind;
    }
    TermCounts& counts = found->second;
    counts.kind = std::min(counts.kind, kind);
    return counts;
}

void StatsAccumulator::add(const std::vector<Unit>& units, const Tweet& tweet) {
    scratch_.clear();
    occurrences_.clear();
    for (std::size_t i = 0; i < units.size(); ++i) {
        note(units[i].key, units[i].surface, units[i].kind);
        phrase_key_ = units[i].key;
        phrase_surface_ = units[i].surface;
        for (std::size_t n = 2; n <= max_phrase_units && phrase_candidate(units, i, n); ++n) {
            append_joined(phrase_key_, units[i + n - 1].key);
            append_joined(phrase_surface_, units[i + n - 1].surface);
            note(phrase_key_, phrase_surface_, TermKind::phrase);
        }
    }
    // Equal keys side by side, each group in text order: its first occurrence gives the kind.
    std::stable_sort(occurrences_.begin(), occurrences_.end(),
                     [&](const Occurrence& a, const Occurrence& b) { return key(a) < key(b); });

    ++documents_;
    const double engagement = engagement_weight(tweet);
    const std::uint64_t copies = (tweet.dup_count > 0 ? tweet.dup_count - 1 : 0) + tweet.retweets_seen;
    const int day = tweet.local_date.days_since_epoch();
    for (std::size_t begin = 0; begin < occurrences_.size();) {
        const std::string_view term = key(occurrences_[begin]);
        std::size_t end = begin + 1;
        while (end < occurrences_.size() && key(occurrences_[end]) == term) ++end;
        TermCounts& counts = counts_of(term, occurrences_[begin].kind);
        counts.frequency += end - begin;
        counts.document_frequency += 1;
        counts.engagement += engagement;
        counts.spread += copies;
        counts.per_day[day] += 1;
        for (std::size_t k = begin; k < end; ++k) {
            const std::string_view form = surface(occurrences_[k]);
            if (form == term) continue;
            auto forms = forms_.find(term);
            if (forms == forms_.end()) forms = forms_.emplace(std::string(term), Forms{}).first;
            auto count = forms->second.find(form);
            if (count == forms->second.end()) count = forms->second.emplace(std::string(form), 0).first;
            ++count->second;
        }
        begin = end;
    }
}

void StatsAccumulator::merge(StatsAccumulator&& other) {
    documents_ += other.documents_;
    for (auto& [key, theirs] : other.terms_) {
        auto [it, inserted] = terms_.try_emplace(key, std::move(theirs));
        if (!inserted) add_counts(it->second, theirs);
    }
    for (auto& [key, theirs] : other.forms_) {
        auto [it, inserted] = forms_.try_emplace(key, std::move(theirs));
        if (inserted) continue;
        for (const auto& [form, n] : theirs) it->second[form] += n;
    }
    other.terms_.clear();
    other.forms_.clear();
}

TermStats StatsAccumulator::finish() && {
    TermStats stats;
    stats.documents = documents_;
    stats.terms = ordered<TermCounts>(terms_);
    for (auto& [key, forms] : ordered<Forms>(forms_))
        stats.surface_forms.emplace_hint(stats.surface_forms.end(), key,
                                         std::map<std::string, std::uint64_t>(forms.begin(), forms.end()));
    for (const auto& [key, forms] : stats.surface_forms) refresh_display(stats, key);
    return stats;
}

}  // namespace terms

TermStats build_term_stats(const Corpus& corpus, const TermOptions& options) {
    const Segmenter segmenter(options.lexicon ? options.lexicon : Lexicon::builtin());
    return terms::sharded_stats(corpus, segmenter, options.threads, nullptr);
}

}  // namespace td
