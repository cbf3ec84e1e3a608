#pragma once
// Helpers shared by building, merging and reading term statistics.

#include <tweetdigest/terms.hpp>

#include <string>

namespace td::terms {

// Sets stats.display[key] to the key's most frequent surface form (erased when that is the key).
void refresh_display(TermStats& stats, const std::string& key);
// log(1 + likes + 2·retweets + 2·quotes + replies), rounded to 1/1024 so that sums are exact and
// merging in any order gives identical statistics.
double engagement_weight(const Tweet& tweet);
// Adds one term's counts from elsewhere to `mine` (the kind: the more specific of the two).
void add_counts(TermCounts& mine, const TermCounts& theirs);

}  // namespace td::terms

#include "terms/term_units.hpp"

#include <vector>

namespace td::terms {

// The text a tweet is analysed by (normalised when ingest provided it).
const std::string& tweet_text(const Tweet& tweet);
// Tweets [first, first + units.texts()) of a corpus, split into units.
struct UnitBatch {
    std::size_t first = 0;
    UnitBuffer units;
};
constexpr std::size_t tweets_per_batch = 2048;

// The statistics of the whole corpus, counted on all cores (each thread takes the next batch of
// tweets as it frees up; per-thread counts merge exactly, so the result equals a single pass);
// display forms are refreshed. With `batches`, also every tweet's units, batch by batch in
// corpus order.
TermStats sharded_stats(const Corpus& corpus, const Segmenter& segmenter, std::size_t threads,
                        std::vector<UnitBatch>* batches);

}  // namespace td::terms
