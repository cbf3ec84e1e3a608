#pragma once
// Emoji sequences, each counted as one character by the v3 weighting.

#include "text/decoded_text.hpp"

#include <cstddef>

namespace td::text {

// The end of the emoji sequence starting at pos (flags, keycaps, modifiers, tag sequences and
// ZWJ sequences included), or pos when none starts there.
std::size_t emoji_sequence_end(const DecodedText& text, std::size_t pos);

}  // namespace td::text
