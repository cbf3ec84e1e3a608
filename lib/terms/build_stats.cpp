#include "terms/stats_accumulator.hpp"
#include "terms/stats_internal.hpp"

#include <algorithm>
#include <utility>

namespace td {
namespace terms {

const std::string& tweet_text(const Tweet& tweet) {
    return tweet.analysis_text.empty() ? tweet.text : tweet.analysis_text;
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

void StatsAccumulator::Tally::add_form(std::string_view form, std::uint64_t n) {
    if (many_forms) {
        auto known = many_forms->find(form);
        if (known == many_forms->end()) known = many_forms->emplace(std::string(form), 0).first;
        known->second += n;
        return;
    }
    const auto known = std::find_if(forms.begin(), forms.end(), [&](const auto& entry) { return entry.first == form; });
    if (known != forms.end()) {
        known->second += n;
        return;
    }
    forms.emplace_back(form, n);
    if (forms.size() > listed_forms) {
        many_forms = std::make_unique<std::map<std::string, std::uint64_t, std::less<>>>(
            std::make_move_iterator(forms.begin()), std::make_move_iterator(forms.end()));
        forms = decltype(forms)();  // `= {}` would keep the list's capacity
    }
}

std::map<std::string, std::uint64_t> StatsAccumulator::Tally::surface_forms() && {
    if (many_forms) return {std::make_move_iterator(many_forms->begin()), std::make_move_iterator(many_forms->end())};
    return {std::make_move_iterator(forms.begin()), std::make_move_iterator(forms.end())};
}

TermCounts StatsAccumulator::Tally::finished() && {
    if (day_documents > 0) counts.per_day[day] += day_documents;
    day_documents = 0;
    return std::move(counts);
}

void StatsAccumulator::count(std::string_view key, std::string_view surface, TermKind kind, const Document& document) {
    const auto [index, inserted] = terms_.try_emplace(key);
    Tally& tally = terms_.value(index);
    TermCounts& counts = tally.counts;
    if (tally.last_document != documents_) {
        tally.last_document = documents_;
        counts.kind = inserted ? kind : std::min(counts.kind, kind);
        counts.document_frequency += 1;
        counts.engagement += document.engagement;
        counts.spread += document.copies;
        tally.add_day(document.day, 1);
    }
    counts.frequency += 1;
    if (surface != key) tally.add_form(surface, 1);
}

void StatsAccumulator::add(const TextUnits& units, const Tweet& tweet) {
    ++documents_;
    Document document;
    document.engagement = engagement_weight(tweet);
    document.copies = (tweet.dup_count > 0 ? tweet.dup_count - 1 : 0) + tweet.retweets_seen;
    document.day = tweet.local_date.days_since_epoch();
    for (std::size_t i = 0; i < units.size(); ++i) {
        count(units.key(i), units.surface(i), units[i].kind, document);
        phrase_key_ = units.key(i);
        phrase_surface_ = units.surface(i);
        for (std::size_t n = 2; n <= max_phrase_units && phrase_candidate(units.units(), i, n); ++n) {
            append_joined(phrase_key_, units.key(i + n - 1));
            append_joined(phrase_surface_, units.surface(i + n - 1));
            count(phrase_key_, phrase_surface_, TermKind::phrase, document);
        }
    }
}

void StatsAccumulator::merge(StatsAccumulator&& other) {
    documents_ += other.documents_;
    for (std::size_t i = 0; i < other.terms_.size(); ++i) {
        const auto [index, inserted] = terms_.try_emplace(other.terms_.key(i));
        Tally& theirs = other.terms_.value(i);
        if (inserted) {
            // Its document mark, at most other.documents_, stays below every later document's number.
            terms_.value(index) = std::move(theirs);
            continue;
        }
        Tally& mine = terms_.value(index);
        add_counts(mine.counts, theirs.counts);
        if (theirs.day_documents > 0) mine.add_day(theirs.day, theirs.day_documents);
        for (const auto& [form, n] : theirs.forms) mine.add_form(form, n);
        if (theirs.many_forms)
            for (const auto& [form, n] : *theirs.many_forms) mine.add_form(form, n);
    }
    other.terms_ = StringMap<Tally>();
}

TermStats StatsAccumulator::finish() && {
    TermStats stats;
    stats.documents = documents_;
    for (const std::size_t i : terms_.indices_by_key()) {
        Tally& tally = terms_.value(i);
        std::string key(terms_.key(i));
        if (!tally.forms.empty() || tally.many_forms)
            stats.surface_forms.emplace_hint(stats.surface_forms.end(), key, std::move(tally).surface_forms());
        stats.terms.emplace_hint(stats.terms.end(), std::move(key), std::move(tally).finished());
    }
    terms_ = StringMap<Tally>();
    for (const auto& [key, forms] : stats.surface_forms) refresh_display(stats, key);
    return stats;
}

}  // namespace terms

TermStats build_term_stats(const Corpus& corpus, const TermOptions& options) {
    const Segmenter segmenter(options.lexicon ? options.lexicon : Lexicon::builtin());
    return terms::sharded_stats(corpus, segmenter, options.threads, nullptr);
}

}  // namespace td
