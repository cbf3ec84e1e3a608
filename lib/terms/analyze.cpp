#include "terms/phrases.hpp"
#include "terms/scoring.hpp"
#include "terms/stats_internal.hpp"
#include "terms/term_units.hpp"

#include "common/parallel.hpp"
#include "common/string_map.hpp"

#include <algorithm>
#include <array>

namespace td {
namespace {

// The terms of one tweet: longest accepted phrase first, then rankable words and entities.
std::vector<std::string> tweet_keys(const terms::TextUnits& units, const terms::Phrases& phrases,
                                    const terms::Stopwords& stopwords) {
    std::vector<std::string> keys;
    auto add = [&](std::string_view key) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    };
    const std::size_t longest = std::min(phrases.longest, terms::max_phrase_units);
    std::string joined;  // the units from i on, joined; the key of n units is a prefix of it
    std::array<std::size_t, terms::max_phrase_units + 1> key_size{};
    for (std::size_t i = 0; i < units.size();) {
        std::size_t taken = 0;
        std::size_t most = 0;  // units in the longest phrase candidate at i
        for (std::size_t n = longest; n >= 2 && !most; --n)
            if (terms::phrase_candidate(units.units(), i, n)) most = n;
        if (most) {
            joined = units.key(i);
            for (std::size_t n = 2; n <= most; ++n) {
                terms::append_joined(joined, units.key(i + n - 1));
                key_size[n] = joined.size();
            }
            for (std::size_t n = most; n >= 2 && !taken; --n) {
                if (!terms::phrase_candidate(units.units(), i, n)) continue;
                const std::string_view key = std::string_view(joined).substr(0, key_size[n]);
                if (phrases.contains(key) && !stopwords.contains(key)) {
                    add(key);
                    taken = n;
                }
            }
        }
        if (taken) {
            i += taken;
            continue;
        }
        const std::string_view key = units.key(i);
        if (units[i++].kind != TermKind::word || terms::rankable_word(key, stopwords)) add(key);
    }
    return keys;
}

// For each ranked term, the tweets whose terms hold it, in tweet order.
std::vector<std::vector<std::size_t>> tweets_by_rank(const TermAnalysis& analysis, std::size_t threads) {
    StringMap<std::size_t> rank_of;
    for (std::size_t i = 0; i < analysis.ranked.size(); ++i) {
        const auto [entry, inserted] = rank_of.try_emplace(analysis.ranked[i].key);
        if (inserted) rank_of.value(entry) = i;
    }
    const std::size_t tweets = analysis.tweet_terms.size();
    std::vector<std::vector<std::vector<std::size_t>>> parts(slice_count(tweets, 4096, threads));
    for_each_slice(tweets, parts.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
        parts[k].resize(analysis.ranked.size());
        for (std::size_t t = begin; t < end; ++t)
            for (const std::string& key : analysis.tweet_terms[t])
                if (const std::size_t found = rank_of.find(key); found != rank_of.npos) parts[k][rank_of.value(found)].push_back(t);
    });
    std::vector<std::vector<std::size_t>> by_rank = std::move(parts[0]);
    for (std::size_t k = 1; k < parts.size(); ++k)
        for (std::size_t rank = 0; rank < by_rank.size(); ++rank)
            by_rank[rank].insert(by_rank[rank].end(), parts[k][rank].begin(), parts[k][rank].end());
    return by_rank;
}

}  // namespace

TermAnalysis analyze_terms(const Corpus& corpus, const TermOptions& options) {
    const Segmenter segmenter(options.lexicon ? options.lexicon : Lexicon::builtin());
    TermAnalysis analysis;
    std::vector<terms::UnitBatch> batches;
    analysis.stats = terms::sharded_stats(corpus, segmenter, options.threads, &batches);
    const terms::Phrases phrases = terms::discover_phrases(analysis.stats, segmenter, options);
    analysis.ranked = terms::rank_terms(analysis.stats, phrases, options);

    const terms::Stopwords stopwords(options.extra_stopwords);
    analysis.tweet_terms.resize(corpus.tweets.size());
    for_each_task(batches.size(), options.threads, [&](std::size_t, std::size_t b) {
        terms::UnitBatch& batch = batches[b];
        for (std::size_t i = 0; i < batch.units.texts(); ++i)
            analysis.tweet_terms[batch.first + i] = tweet_keys(batch.units.text(i), phrases, stopwords);
        batch.units = {};
    });
    std::vector<double> engagement(corpus.tweets.size());
    for (std::size_t t = 0; t < engagement.size(); ++t) engagement[t] = terms::engagement_weight(corpus.tweets[t]);

    std::vector<std::vector<std::size_t>> examples = tweets_by_rank(analysis, options.threads);
    for (std::size_t i = 0; i < examples.size(); ++i) {
        auto& list = examples[i];
        const std::size_t kept = std::min(list.size(), options.max_examples);
        std::partial_sort(list.begin(), list.begin() + std::ptrdiff_t(kept), list.end(),
                          [&](std::size_t a, std::size_t b) {
                              if (engagement[a] != engagement[b]) return engagement[a] > engagement[b];
                              if (corpus.tweets[a].id != corpus.tweets[b].id)
                                  return corpus.tweets[a].id < corpus.tweets[b].id;
                              return a < b;
                          });
        for (std::size_t k = 0; k < list.size() && k < options.max_examples; ++k)
            analysis.ranked[i].example_ids.push_back(corpus.tweets[list[k]].id);
    }
    return analysis;
}

}  // namespace td
