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
// The statistics of the whole corpus, counted on all cores in contiguous shards and merged
// (merging is exact, so the result equals a single pass); display forms are refreshed. With
// `units`, also every tweet's units in corpus order.
TermStats sharded_stats(const Corpus& corpus, const Segmenter& segmenter, std::size_t threads,
                        std::vector<std::vector<Unit>>* units);

}  // namespace td::terms
