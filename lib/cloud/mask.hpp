#pragma once
// The shape mask: a PNG scaled (nearest pixel) to the canvas; white or transparent = forbidden.

#include <tweetdigest/cloud.hpp>

namespace td::cloud {

// One byte a canvas pixel, 1 = forbidden; empty without options.mask_png. Throws Error(io) or
// Error(parse) for an unreadable mask.
std::vector<std::uint8_t> forbidden_pixels(const CloudOptions& options);

}  // namespace td::cloud
