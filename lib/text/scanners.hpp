#pragma once
// Hand-written equivalents of twitter-text's extraction patterns. Each scanner walks the text as
// the pattern's find loop would: after a pattern match (kept or rejected) the search resumes at
// the end of that match.

#include "text/decoded_text.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace td::text {

std::vector<Match> scan_urls(const DecodedText& text);
std::vector<Match> scan_hashtags(const DecodedText& text);
std::vector<Match> scan_mentions_or_lists(const DecodedText& text);
std::vector<Match> scan_cashtags(const DecodedText& text);
// The code-point range of the screen name a reply starts with.
std::optional<std::pair<std::size_t, std::size_t>> scan_reply(const DecodedText& text);

// Keeps the earliest of overlapping matches (URLs win over the hashtags and mentions inside
// them), in text order; stable for equal starts.
void remove_overlaps(std::vector<Match>& matches);

}  // namespace td::text
