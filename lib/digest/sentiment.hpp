#pragma once
// Lexicon sentiment with negation: "不看好" and "not good" count as negative.

#include "digest/lexicons.hpp"

#include <string_view>

namespace td::digest {

// Positive minus negative words (a negated word counts for the other side).
int sentiment_score(const Lexicons& lexicons, std::string_view text);

}  // namespace td::digest
