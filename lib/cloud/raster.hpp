#pragma once
// A shaped word at a pixel size: its outlines, and their anti-aliased coverage (FreeType).

#include "cloud/word_shape.hpp"

#include <functional>

namespace td::cloud {

// Grey coverage of the word's ink, trimmed to the ink. Pixel (c, r) covers
// [left + c, left + c + 1) x [top + r, top + r + 1) of the word's frame (pixels, y down,
// origin at the pen's start).
struct Coverage {
    int width = 0, height = 0;
    int left = 0, top = 0;
    std::vector<std::uint8_t> pixels;
};

Coverage rasterize(FontSession& session, const WordShape& shape, double size);

// The same ink (coverage > 0) as one bit a pixel: rows of `stride` words (bit i = pixel i),
// with `pad` empty pixels on every side, so the ink is pixel (pad + c, pad + r). The stride
// has a spare word past the padded width.
struct InkBits {
    int width = 0, height = 0;  // the ink's, as Coverage's
    int stride = 0;
    std::vector<std::uint64_t> bits;  // (height + 2 pad) rows
};
InkBits rasterize_bits(FontSession& session, const WordShape& shape, double size, int pad);

// Each glyph's outline at the size, in 26.6 pixels of the frame with y UP (FreeType's way).
void for_each_outline(FontSession& session, const WordShape& shape, double size,
                      const std::function<void(const FT_Outline&)>& visit);

}  // namespace td::cloud
