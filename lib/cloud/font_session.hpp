#pragma once
// One call's working copy of a FontSet: its own FreeType library, faces and HarfBuzz fonts
// (neither is safe to share between threads) and a cache of unscaled glyph outlines.

#include "cloud/font_set_impl.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace td::cloud {

// A glyph outline in font units, as FreeType loaded it (FT_LOAD_NO_SCALE).
struct GlyphOutline {
    std::vector<FT_Vector> points;
    std::vector<char> tags;
    std::vector<short> contours;
    int flags = 0;
};

class FontSession {
public:
    explicit FontSession(const FontSet& fonts);
    ~FontSession();
    FontSession(const FontSession&) = delete;
    FontSession& operator=(const FontSession&) = delete;

    std::size_t font_count() const noexcept { return fonts_.size(); }
    hb_font_t* hb_font(std::size_t font) const noexcept { return fonts_[font].hb; }
    double units_per_em(std::size_t font) const noexcept { return fonts_[font].upem; }
    hb_language_t language() const noexcept { return language_; }
    FT_Library library() const noexcept { return library_; }
    // Throws Error(internal) when FreeType cannot load the glyph.
    const GlyphOutline& outline(std::size_t font, std::uint32_t glyph);

private:
    void release() noexcept;
    struct Font {
        FT_Face ft = nullptr;
        hb_font_t* hb = nullptr;
        double upem = 1000;
    };
    FT_Library library_ = nullptr;
    std::vector<Font> fonts_;
    hb_language_t language_ = HB_LANGUAGE_INVALID;
    std::unordered_map<std::uint64_t, GlyphOutline> outlines_;
};

}  // namespace td::cloud
