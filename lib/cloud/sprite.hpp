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
};

Sprite make_sprite(const Coverage& coverage, int margin);

// Grows set bits by `radius` pixels in every direction (a square brush).
void dilate(std::vector<std::uint64_t>& bits, int rows, int stride, int radius);

}  // namespace td::cloud
