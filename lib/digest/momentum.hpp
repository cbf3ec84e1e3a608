#pragma once
// Per-day counts of terms and topics across the history, and the trend they make.

#include <tweetdigest/digest.hpp>

#include <string>
#include <vector>

namespace td::digest {

// The count of a topic on a day is the largest document frequency among its keys, so one topic
// named by several terms is not counted several times.
std::vector<DayCount> day_counts(const std::vector<std::string>& keys, const DigestHistory& history,
                                 const TermStats& today, const LocalDate& today_date);
// The trend of the last day against the earlier ones (see Momentum).
Momentum momentum_of(std::vector<DayCount> days);

double signature_cosine(const std::vector<WeightedTerm>& a, const std::vector<WeightedTerm>& b);
// The latest earlier day holding a story whose signature is at least `threshold` close.
StoryLink match_story(const std::vector<WeightedTerm>& signature, const DigestHistory& history,
                      double threshold);

}  // namespace td::digest
