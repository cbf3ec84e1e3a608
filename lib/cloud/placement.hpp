#pragma once
// Where a word goes: an Archimedean spiral from a seeded start near the centre (seeded
// direction), testing the word's own ink mask, so small words nestle into the gaps of big ones;
// when the spiral finds nothing, a seeded pick among all positions where the word's whole box
// is free (exhaustive, on the coarse grid).

#include "cloud/occupancy.hpp"

namespace td::cloud {

class Placer {
public:
    // The spiral's offsets are computed once for the canvas and reused for every word.
    Placer(int width, int height, int max_tests = 3000);

    // True with the box position in x, y; the occupancy is not changed.
    bool find_position(const Occupancy& occupancy, const Sprite& sprite, Rng& rng, int& x,
                       int& y) const;

private:
    struct Offset {
        int dx, dy;
    };
    std::vector<Offset> spiral_;
    int max_tests_;
};

}  // namespace td::cloud
