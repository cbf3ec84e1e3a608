#pragma once
// A word's ink as bit rows (64 pixels a word, bit i = pixel i) for the occupancy grid.

#include "cloud/raster.hpp"

namespace td::cloud {

struct Sprite {
    int width = 0, height = 0;  // the box: the ink plus the margin on every side
    int stride = 0;             // words per row, one more than the box needs (shift carry)
    std::vector<std::uint64_t> ink;       // coverage > 0
    std::vector<std::uint64_t> keep_out;  // the ink grown by the margin
    std::vector<int> test_order;          // rows, the most inked first: collisions show early
    // Per row: the first and last word of keep_out holding bits (first > last: none).
    std::vector<int> first_word, last_word;
    // The keep_out word with the most bits: one 64-pixel test that rules out most positions.
    int probe_row = 0, probe_word = 0;
    std::uint64_t probe = 0;
};

// From ink rasterised with pad = margin.
Sprite make_sprite(InkBits ink, int margin);

// Grows set bits by `radius` pixels in every direction (a square brush).
void dilate(std::vector<std::uint64_t>& bits, int rows, int stride, int radius);

}  // namespace td::cloud
