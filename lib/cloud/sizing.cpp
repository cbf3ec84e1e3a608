#include "cloud/sizing.hpp"

#include <algorithm>
#include <cmath>

namespace td::cloud {

int largest_fitting_size(const Occupancy& occupancy, WordCache& word, Orientation orientation,
                         int low, int high) {
    const auto fits = [&](int size) {
        return occupancy.has_free_box(word.estimated_width(size, orientation),
                                      word.estimated_height(size, orientation));
    };
    if (high <= low || !fits(low)) return low;
    while (low < high) {  // invariant: fits(low)
        const int middle = low + (high - low + 1) / 2;
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

int trial_max_font_size(const Occupancy& occupancy, const Placer& placer, WordCache& first,
                        WordCache* second, double second_relative_weight,
                        const CloudOptions& options, Rng& rng) {
    const Orientation horizontal = Orientation::horizontal;
    const int min_size = options.min_font_size;
    const int first_size =
        largest_fitting_size(occupancy, first, horizontal, min_size, options.height);
    if (!second || !second->shape(horizontal).has_ink) return first_size;
    Occupancy trial = occupancy;
    const Sprite& sprite = first.sprite(first_size, horizontal);
    int x = 0, y = 0;
    if (sprite.width > 0 && placer.find_position(trial, sprite, rng, x, y))
        trial.add(sprite, x, y);
    const double rs = options.relative_scaling;
    const int start = std::max(
        min_size, int(std::lround((rs * second_relative_weight + (1 - rs)) * first_size)));
    const int second_size = largest_fitting_size(trial, *second, horizontal, min_size, start);
    return std::max(min_size, int(2.0 * first_size * second_size / (first_size + second_size)));
}

}  // namespace td::cloud
