#pragma once
// A word shaped with HarfBuzz into positioned glyphs, in em units (1 em = the font size), y up.

#include "cloud/font_session.hpp"

#include <string_view>

namespace td::cloud {

struct ShapedGlyph {
    std::uint16_t font = 0;
    std::uint32_t glyph = 0;
    // em point = [xx xy; yx yy] * font-unit point + (tx, ty)
    double xx = 0, xy = 0, yx = 0, yy = 0, tx = 0, ty = 0;
};

struct WordShape {
    std::vector<ShapedGlyph> glyphs;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // em box of the outlines' points
    bool has_ink = false;
    std::vector<char32_t> missing;  // characters no font has a glyph for (left out)
};

// horizontal: one line; rotated: that line turned 90° counter-clockwise; upright_vertical:
// a TTB column (HarfBuzz applies vert/vrt2) with non-CJK runs set sideways (90° clockwise).
WordShape shape_word(FontSession& session, std::string_view text, Orientation orientation);

// At least half of the word's non-space characters are CJK.
bool cjk_dominant(std::string_view text);

}  // namespace td::cloud
