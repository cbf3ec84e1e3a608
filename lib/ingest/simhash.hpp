#pragma once
// 64-bit SimHash signatures of texts and a bucketed search for near-duplicate pairs.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace td::ingest {

// Signature over case-folded code-point trigrams, so it works for spaced and unspaced scripts.
std::uint64_t simhash(std::string_view text);

inline int hamming_distance(std::uint64_t a, std::uint64_t b) noexcept {
    return __builtin_popcountll(a ^ b);
}

// Calls on_pair(i, j) for every pair of signatures within max_distance bits. Signatures are split
// into max_distance + 1 bands: two within the distance agree exactly on at least one band, so
// only signatures sharing a band are compared.
void for_each_near_pair(const std::vector<std::uint64_t>& signatures, int max_distance,
                        const std::function<void(std::size_t, std::size_t)>& on_pair);

}  // namespace td::ingest
