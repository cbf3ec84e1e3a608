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

}  // namespace td::terms

namespace td::terms {

// Counts one tweet (a duplicate group's representative) into `stats`; display is left stale.
void add_tweet(TermStats& stats, const Segmenter& segmenter, const Tweet& tweet);

}  // namespace td::terms
