#pragma once
// Word colours: the palette (given or built in) and the colour functions of ColorMode.

#include "cloud/rng.hpp"

#include <tweetdigest/cloud.hpp>

#include <optional>
#include <string_view>

namespace td::cloud {

std::vector<Rgba> default_palette();                          // resources/cloud/palette.txt
std::vector<Rgba> palette_of(const CloudOptions& options);

// `relative_weight` is weight / heaviest weight, in (0, 1].
Rgba word_color(const CloudOptions& options, const std::vector<Rgba>& palette,
                const CloudWord& word, double relative_weight, Rng& rng);

}  // namespace td::cloud
