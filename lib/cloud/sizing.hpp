#pragma once
// The largest font size when CloudOptions::max_font_size is 0, found like amueller/word_cloud
// does: size the two heaviest words as big as they fit (the second scaled by
// relative_scaling) and take the harmonic mean of the two sizes.

#include "cloud/placement.hpp"
#include "cloud/word_cache.hpp"

namespace td::cloud {

// The largest size in [low, high] whose estimated box fits somewhere; low when none does.
int largest_fitting_size(const Occupancy& occupancy, WordCache& word, Orientation orientation,
                         int low, int high);

int trial_max_font_size(const Occupancy& occupancy, const Placer& placer, WordCache& first,
                        WordCache* second, double second_relative_weight,
                        const CloudOptions& options, Rng& rng);

}  // namespace td::cloud
