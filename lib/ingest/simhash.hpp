#pragma once
// 64-bit SimHash signatures of texts and a bucketed search for near-duplicate pairs.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace td::ingest {

// Signature over case-folded code-point trigrams, so it works for spaced and unspaced scripts.
std::uint64_t simhash(std::string_view text);

inline int hamming_distance(std::uint64_t a, std::uint64_t b) noexcept {
    return __builtin_popcountll(a ^ b);
}

// Every pair (i, j) of signatures within max_distance bits, once. Signatures are split into
// max_distance + 1 bands: two within the distance agree exactly on at least one band, so only
// signatures sharing a band are compared. Bands are searched on `threads` threads (0: one per
// core); the result does not depend on it.
std::vector<std::pair<std::size_t, std::size_t>> near_pairs(const std::vector<std::uint64_t>& signatures, int max_distance,
                                                            std::size_t threads = 1);

}  // namespace td::ingest
