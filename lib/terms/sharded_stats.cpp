#include "terms/stats_accumulator.hpp"
#include "terms/stats_internal.hpp"

#include "common/parallel.hpp"

namespace td::terms {
namespace {

constexpr std::size_t min_tweets_per_worker = 2000;

}  // namespace

TermStats sharded_stats(const Corpus& corpus, const Segmenter& segmenter, std::size_t threads,
                        std::vector<UnitBatch>* batches) {
    const std::size_t tweets = corpus.tweets.size();
    const std::size_t batch_count = (tweets + tweets_per_batch - 1) / tweets_per_batch;
    if (batches) batches->assign(batch_count, {});
    std::vector<StatsAccumulator> workers(task_workers(batch_count, slice_count(tweets, min_tweets_per_worker, threads)));
    for_each_task(batch_count, workers.size(), [&](std::size_t worker, std::size_t batch) {
        UnitBatch scratch;
        UnitBatch& out = batches ? (*batches)[batch] : scratch;
        out.first = batch * tweets_per_batch;
        const std::size_t end = std::min(tweets, out.first + tweets_per_batch);
        for (std::size_t i = out.first; i < end; ++i) {
            const Tweet& tweet = corpus.tweets[i];
            out.units.add_text(segmenter, tweet_text(tweet));
            workers[worker].add(out.units.text(i - out.first), tweet);
        }
    });
    for (std::size_t k = 1; k < workers.size(); ++k) workers[0].merge(std::move(workers[k]));
    return std::move(workers[0]).finish();
}

}  // namespace td::terms
