#include "terms/stats_accumulator.hpp"
#include "terms/stats_internal.hpp"

#include <algorithm>
#include <utility>

namespace td {
namespace terms {
namespace {

// The table as an ordered map, each value turned into the map's by `take`; empties the table.
template <class Out, class Value, class Take>
std::map<std::string, Out> ordered(StringMap<Value>& table, Take take) {
    std::map<std::string, Out> out;
    for (const std::size_t i : table.indices_by_key())
        out.emplace_hint(out.end(), std::string(table.key(i)), take(std::move(table.value(i))));
    table = StringMap<Value>();
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

void StatsAccumulator::Tally::add_day(int d, std::uint64_t documents) {
    if (day_documents == 0 || day == d) {
        day = d;
        day_documents += documents;
        return;
    }
    counts.per_day[day] += day_documents;
    day = d;
    day_documents = documents;
}

TermCounts&& StatsAccumulator::Tally::finished() && {
    if (day_documents > 0) counts.per_day[day] += day_documents;
    day_documents = 0;
    return std::move(counts);
}

StatsAccumulator::Tally& StatsAccumulator::tally_of(std::string_view key, TermKind kind) {
    const auto [index, inserted] = terms_.try_emplace(key);
    Tally& tally = terms_.value(index);
    tally.counts.kind = inserted ? kind : std::min(tally.counts.kind, kind);
    return tally;
}

void StatsAccumulator::add(const TextUnits& units, const Tweet& tweet) {
    scratch_.clear();
    occurrences_.clear();
    for (std::size_t i = 0; i < units.size(); ++i) {
        note(units.key(i), units.surface(i), units[i].kind);
        phrase_key_ = units.key(i);
        phrase_surface_ = units.surface(i);
        for (std::size_t n = 2; n <= max_phrase_units && phrase_candidate(units.units(), i, n); ++n) {
            append_joined(phrase_key_, units.key(i + n - 1));
            append_joined(phrase_surface_, units.surface(i + n - 1));
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
        Tally& tally = tally_of(term, occurrences_[begin].kind);
        TermCounts& counts = tally.counts;
        counts.frequency += end - begin;
        counts.document_frequency += 1;
        counts.engagement += engagement;
        counts.spread += copies;
        tally.add_day(day, 1);
        for (std::size_t k = begin; k < end; ++k) {
            const std::string_view form = surface(occurrences_[k]);
            if (form == term) continue;
            Forms& forms = forms_.value(forms_.try_emplace(term).first);
            auto count = forms.find(form);
            if (count == forms.end()) count = forms.emplace(std::string(form), 0).first;
            ++count->second;
        }
        begin = end;
    }
}

void StatsAccumulator::merge(StatsAccumulator&& other) {
    documents_ += other.documents_;
    for (std::size_t i = 0; i < other.terms_.size(); ++i) {
        const auto [index, inserted] = terms_.try_emplace(other.terms_.key(i));
        Tally& theirs = other.terms_.value(i);
        if (inserted) {
            terms_.value(index) = std::move(theirs);
            continue;
        }
        Tally& mine = terms_.value(index);
        add_counts(mine.counts, theirs.counts);
        if (theirs.day_documents > 0) mine.add_day(theirs.day, theirs.day_documents);
    }
    for (std::size_t i = 0; i < other.forms_.size(); ++i) {
        const auto [index, inserted] = forms_.try_emplace(other.forms_.key(i));
        Forms& mine = forms_.value(index);
        if (inserted)
            mine = std::move(other.forms_.value(i));
        else
            for (const auto& [form, n] : other.forms_.value(i)) mine[form] += n;
    }
    other.terms_ = StringMap<Tally>();
    other.forms_ = StringMap<Forms>();
}

TermStats StatsAccumulator::finish() && {
    TermStats stats;
    stats.documents = documents_;
    stats.terms = ordered<TermCounts>(terms_, [](Tally&& tally) { return std::move(tally).finished(); });
    for (auto& [key, forms] : ordered<Forms>(forms_, [](Forms&& forms) { return std::move(forms); }))
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
