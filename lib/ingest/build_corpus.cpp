// build_corpus: repeats and old edits dropped, the window applied, retweets collapsed onto their
// originals, duplicates grouped, then chronological order. Tweets are large, so every step works
// on indexes and each kept tweet moves once, at the end.

#include "ingest/corpus_reading.hpp"
#include "ingest/duplicate_groups.hpp"
#include "ingest/simhash.hpp"

#include "common/parallel.hpp"
#include "common/string_map.hpp"

#include <tweetdigest/ingest.hpp>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace td {
namespace {

constexpr std::size_t min_tweets_per_slice = 4096;

ingest::GroupingKey grouping_key(const Tweet& tweet, std::uint64_t simhash = 0) {
    const std::uint64_t engagement = ingest::metrics_engagement(tweet.metrics) + tweet.retweets_seen;
    return {tweet.id, tweet.created_at, engagement, simhash, !tweet.analysis_text.empty()};
}

// The tweets given, then the originals added for retweets whose original was not read; an index
// names one of either.
class TweetPool {
public:
    explicit TweetPool(std::vector<Tweet>& read) : read_(read) {}

    Tweet& operator[](std::size_t i) { return i < read_.size() ? read_[i] : added_[i - read_.size()]; }
    std::size_t read_count() const noexcept { return read_.size(); }
    std::size_t add(Tweet&& tweet) {
        added_.push_back(std::move(tweet));
        return read_.size() + added_.size() - 1;
    }
    // Frees every tweet's storage, on all cores. (Move assignment would keep a string's buffer.)
    void release(std::size_t threads) {
        parallel_slices(read_.size(), min_tweets_per_slice, threads, [&](std::size_t, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) Tweet released = std::move(read_[i]);
        });
        read_ = std::vector<Tweet>();
        added_ = std::vector<Tweet>();
    }

private:
    std::vector<Tweet>& read_;
    std::vector<Tweet> added_;
};

// The tweets left when each id is read once: the better copy of a repeated id (overlapping
// pages) stays at its first copy's place, and older versions of edited tweets go.
class UniqueTweets {
public:
    UniqueTweets(TweetPool& pool, CorpusCounts& counts) {
        by_id_.reserve(pool.read_count());
        for (std::size_t i = 0; i < pool.read_count(); ++i) {
            const Tweet& tweet = pool[i];
            if (tweet.id_approximate) {
                order_.push_back(i);
                continue;
            }
            const auto [entry, inserted] = by_id_.try_emplace(tweet.id);
            if (inserted) {
                by_id_.value(entry) = order_.size();
                order_.push_back(i);
                continue;
            }
            ++counts.duplicates;
            std::size_t& kept = order_[by_id_.value(entry)];
            if (ingest::better_representative(grouping_key(tweet), grouping_key(pool[kept]))) kept = i;
        }
        for (std::size_t entry = 0; entry < by_id_.size(); ++entry) by_id_.value(entry) = order_[by_id_.value(entry)];
        for (const std::size_t i : order_) {
            const auto older = ingest::older_versions(pool[i]);
            superseded_.insert(older.begin(), older.end());
        }
        if (superseded_.empty()) return;
        std::erase_if(order_, [&](std::size_t i) {
            const bool old_edit = !pool[i].id_approximate && superseded_.contains(pool[i].id);
            counts.duplicates += old_edit;
            return old_edit;
        });
    }

    // Indexes into the pool, in reading order.
    const std::vector<std::size_t>& indexes() const noexcept { return order_; }

    static constexpr std::size_t npos = std::size_t(-1);
    // The index of the tweet kept for `id`, or npos.
    std::size_t find(std::string_view id) const {
        const std::size_t entry = by_id_.find(id);
        if (entry == by_id_.npos || (!superseded_.empty() && superseded_.contains(std::string(id)))) return npos;
        return by_id_.value(entry);
    }

private:
    std::vector<std::size_t> order_;
    StringMap<std::size_t> by_id_;  // id → index of its kept tweet
    std::unordered_set<std::string> superseded_;
};

// The tweets the window keeps, in reading order, with each retweet collapsed onto its original
// (read, or added to the pool from the copy the retweet embeds); the added originals come last.
std::vector<std::size_t> window_and_collapse(TweetPool& pool, const UniqueTweets& unique, const ReadOptions& options,
                                             CorpusCounts& counts) {
    const auto in_window = [&](const Tweet& tweet) { return ingest::in_window(options, tweet.local_date); };
    const TimeZone zone = TimeZone::load(options.time_zone);
    std::vector<char> keep(pool.read_count(), false);
    std::vector<std::size_t> added;
    std::unordered_map<std::string_view, std::size_t> added_by_id;
    for (const std::size_t i : unique.indexes()) {
        const Tweet& tweet = pool[i];
        if (!in_window(tweet)) continue;
        if (!options.collapse_retweets || !tweet.is_retweet()) {
            keep[i] = true;
            continue;
        }
        if (const std::size_t original = unique.find(tweet.retweet_of_id); original != UniqueTweets::npos) {
            keep[original] = true;
            ++pool[original].retweets_seen;
            ++counts.retweets;
        } else if (const auto found = added_by_id.find(tweet.retweet_of_id); found != added_by_id.end()) {
            ++pool[found->second].retweets_seen;
            ++counts.retweets;
        } else if (tweet.original) {
            Tweet original = *tweet.original;
            original.local_date = zone.local_date(original.created_at);
            original.dup_count = 1;
            original.retweets_seen = 1;
            added.push_back(pool.add(std::move(original)));
            added_by_id.emplace(tweet.retweet_of_id, added.back());
            ++counts.retweets;
        } else {
            keep[i] = true;  // nothing to collapse onto: the retweet stands for its original
        }
    }
    std::vector<std::size_t> kept;
    for (const std::size_t i : unique.indexes()) {
        if (keep[i]) kept.push_back(i);
        else if (!in_window(pool[i])) ++counts.out_of_window;
    }
    kept.insert(kept.end(), added.begin(), added.end());
    return kept;
}

// The representatives of groups of exact and near duplicates, carrying the group sizes, in
// order of each group's first member.
std::vector<std::size_t> group_duplicates(TweetPool& pool, const std::vector<std::size_t>& tweets,
                                          const ReadOptions& options, CorpusCounts& counts) {
    std::vector<ingest::GroupingKey> keys(tweets.size());
    parallel_slices(tweets.size(), min_tweets_per_slice, options.threads, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            const Tweet& tweet = pool[tweets[k]];
            keys[k] = grouping_key(tweet, ingest::simhash(tweet.analysis_text));
        }
    });
    const auto groups = ingest::duplicate_groups(keys, options.near_duplicate_distance, options.threads);
    std::vector<std::size_t> representatives;
    representatives.reserve(groups.size());
    for (const std::vector<std::size_t>& group : groups) {
        Tweet& representative = pool[tweets[group.front()]];
        representative.dup_count = static_cast<std::uint32_t>(group.size());
        for (std::size_t k = 1; k < group.size(); ++k) representative.retweets_seen += pool[tweets[group[k]]].retweets_seen;
        counts.duplicates += group.size() - 1;
        representatives.push_back(tweets[group.front()]);
    }
    return representatives;
}

// Ordered by (created_at, id), ties in their current order.
void chronological_order(TweetPool& pool, std::vector<std::size_t>& tweets) {
    std::stable_sort(tweets.begin(), tweets.end(), [&](std::size_t a, std::size_t b) {
        return ingest::chronological({pool[a].id, pool[a].created_at}, {pool[b].id, pool[b].created_at});
    });
}

// Moves the tweets named, in order, out of the pool; each is its own group's id.
std::vector<Tweet> take(TweetPool& pool, const std::vector<std::size_t>& tweets, const ReadOptions& options) {
    std::vector<Tweet> taken(tweets.size());
    parallel_slices(tweets.size(), min_tweets_per_slice, options.threads, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            Tweet& tweet = taken[k] = std::move(pool[tweets[k]]);
            tweet.dup_group = tweet.id;
        }
    });
    return taken;
}

}  // namespace

Corpus build_corpus(std::vector<Tweet> tweets, std::vector<Diagnostic> diagnostics, const ReadOptions& options) {
    Corpus corpus;
    corpus.time_zone = options.time_zone;
    corpus.from = options.from;
    corpus.to = options.to;
    corpus.counts.read = tweets.size();
    corpus.counts.errors = static_cast<std::uint64_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; }));
    parallel_slices(tweets.size(), min_tweets_per_slice, options.threads, [&](std::size_t, std::size_t begin, std::size_t end) {
        const TimeZone zone = TimeZone::load(options.time_zone);  // one per thread: offsets are looked up under a lock
        for (std::size_t i = begin; i < end; ++i) {
            tweets[i].local_date = zone.local_date(tweets[i].created_at);
            tweets[i].dup_count = 1;
            tweets[i].retweets_seen = 0;
        }
    });

    TweetPool pool(tweets);
    std::vector<std::size_t> kept;
    {
        const UniqueTweets unique(pool, corpus.counts);
        kept = window_and_collapse(pool, unique, options, corpus.counts);
    }
    if (options.dedupe) kept = group_duplicates(pool, kept, options, corpus.counts);
    chronological_order(pool, kept);

    corpus.counts.kept = kept.size();
    corpus.tweets = take(pool, kept, options);
    pool.release(options.threads);
    corpus.diagnostics = std::move(diagnostics);
    return corpus;
}

}  // namespace td
