#include "terms/stats_accumulator.hpp"
#include "terms/stats_internal.hpp"

#include "common/parallel.hpp"

namespace td::terms {
namespace {

constexpr std::size_t min_tweets_per_slice = 2000;

struct Slice {
    StatsAccumulator counts;
    std::vector<std::vector<Unit>> units;
};

}  // namespace

TermStats sharded_stats(const Corpus& corpus, const Segmenter& segmenter, std::size_t threads,
                        std::vector<std::vector<Unit>>* units) {
    const std::size_t tweets = corpus.tweets.size();
    std::vector<Slice> slices(slice_count(tweets, min_tweets_per_slice, threads));
    for_each_slice(tweets, slices.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
        Slice& slice = slices[k];
        if (units) slice.units.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            const Tweet& tweet = corpus.tweets[i];
            std::vector<Unit> tweet_units = text_units(segmenter, tweet_text(tweet));
            slice.counts.add(tweet_units, tweet);
            if (units) slice.units.push_back(std::move(tweet_units));
        }
    });
    for (std::size_t k = 1; k < slices.size(); ++k) slices[0].counts.merge(std::move(slices[k].counts));
    if (units) {
        units->clear();
        units->reserve(tweets);
        for (Slice& slice : slices)
            for (auto& tweet_units : slice.units) units->push_back(std::move(tweet_units));
    }
    return std::move(slices[0].counts).finish();
}

}  // namespace td::terms
