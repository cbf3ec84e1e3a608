#pragma once
// Bit helpers for the 64-pixel words of the occupancy grid and the sprites.

#include <cstdint>

namespace td::cloud {

// std::popcount becomes a libgcc call without -mpopcnt; this is a few inline instructions.
inline int bit_count(std::uint64_t v) noexcept {
    v = v - ((v >> 1) & 0x5555555555555555ULL);
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return int((v * 0x0101010101010101ULL) >> 56);
}

// The 64 bits of `row` (a row of `stride` words, zero past its end) from bit offset `bit`.
inline std::uint64_t bits_from(const std::uint64_t* row, int stride, int bit) noexcept {
    const int word = bit >> 6, shift = bit & 63;
    if (word >= stride) return 0;
    std::uint64_t v = row[word] >> shift;
    if (shift && word + 1 < stride) v |= row[word + 1] << (64 - shift);
    return v;
}

}  // namespace td::cloud
