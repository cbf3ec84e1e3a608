#include "terms/stats_internal.hpp"

#include <algorithm>
#include <thread>

namespace td::terms {
namespace {

constexpr std::size_t min_tweets_per_shard = 2000;

struct Shard {
    std::size_t begin = 0, end = 0;
    TermStats stats;
    std::vector<std::vector<Unit>> units;
};

void count_shard(const Corpus& corpus, const Segmenter& segmenter, bool keep_units, Shard& shard) {
    if (keep_units) shard.units.reserve(shard.end - shard.begin);
    for (std::size_t i = shard.begin; i < shard.end; ++i) {
        const Tweet& tweet = corpus.tweets[i];
        std::vector<Unit> units = text_units(segmenter, tweet_text(tweet));
        add_units(shard.stats, units, tweet);
        if (keep_units) shard.units.push_back(std::move(units));
    }
}

}  // namespace

TermStats sharded_stats(const Corpus& corpus, const Segmenter& segmenter,
                        std::vector<std::vector<Unit>>* units) {
    const std::size_t tweets = corpus.tweets.size();
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t count = std::clamp<std::size_t>(tweets / min_tweets_per_shard, 1, cores);
    std::vector<Shard> shards(count);
    for (std::size_t k = 0; k < count; ++k) {
        shards[k].begin = tweets * k / count;
        shards[k].end = tweets * (k + 1) / count;
    }
    {
        std::vector<std::jthread> workers;
        for (std::size_t k = 1; k < count; ++k)
            workers.emplace_back([&, k] { count_shard(corpus, segmenter, units != nullptr, shards[k]); });
        count_shard(corpus, segmenter, units != nullptr, shards[0]);
    }
    TermStats stats = std::move(shards[0].stats);
    for (std::size_t k = 1; k < count; ++k) stats.merge(shards[k].stats);
    for (const auto& [key, forms] : stats.surface_forms) refresh_display(stats, key);
    if (units) {
        units->clear();
        units->reserve(tweets);
        for (Shard& shard : shards)
            for (auto& tweet_units : shard.units) units->push_back(std::move(tweet_units));
    }
    return stats;
}

}  // namespace td::terms
