#pragma once
// Tweet text made quotable: no retweet prefix, links or leading mentions, one short sentence.

#include <tweetdigest/ingest.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace td::digest {

// The first sentence of the tweet (or its first max_chars code points, ending in "…"), with
// URLs, "RT @user:" and the leading reply mentions removed and whitespace collapsed.
std::string quotable_sentence(std::string_view text, std::size_t max_chars = 120);

// Log-damped engagement of one tweet: likes, retweets, quotes and replies, and collapsed copies.
double engagement(const Tweet& tweet);
// How many times the tweet was seen: itself, its duplicates and collapsed retweets.
std::uint64_t copies(const Tweet& tweet);

}  // namespace td::digest
