#pragma once
// Pieces of a range report composed from day digests.

#include <tweetdigest/digest.hpp>

#include <vector>

namespace td::digest {

// Core points of every day merged by story (signature cosine at options.story_threshold), most
// engaged first, at most options.core_points. A story that began before the range keeps its
// "continuing since"; one that began inside it is new. Momentum: its per-day counts in `merged`.
std::vector<CorePoint> merge_core_points(const std::vector<Digest>& days, const TermStats& merged,
                                         const DigestOptions& options);
// Per-day counts of keys in `merged` (documents: the day digests' distinct tweets).
std::vector<DayCount> range_counts(const std::vector<std::string>& keys, const std::vector<Digest>& days,
                                   const TermStats& merged);

}  // namespace td::digest
