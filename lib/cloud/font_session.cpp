#include "cloud/font_session.hpp"

namespace td::cloud {

FontSession::FontSession(const FontSet& fonts) : language_(fonts.impl().hb_language) {
    if (FT_Init_FreeType(&library_) != 0)
        throw Error(Error::Code::internal, "cannot initialise FreeType");
    for (const LoadedFont& loaded : fonts.impl().fonts) {
        unsigned length = 0;
        const char* data = hb_blob_get_data(loaded.blob, &length);
        Font font;
        if (FT_New_Memory_Face(library_, reinterpret_cast<const FT_Byte*>(data), FT_Long(length),
                               loaded.face_index, &font.ft) != 0) {
            release();
            throw Error(Error::Code::internal, "cannot open font " + loaded.path);
        }
        font.hb = hb_font_create(loaded.face);
        font.upem = hb_face_get_upem(loaded.face);
        hb_font_set_scale(font.hb, int(font.upem), int(font.upem));
        fonts_.push_back(font);
    }
}

FontSession::~FontSession() { release(); }

void FontSession::release() noexcept {
    for (Font& font : fonts_) {
        hb_font_destroy(font.hb);
        FT_Done_Face(font.ft);
    }
    fonts_.clear();
    if (library_) FT_Done_FreeType(library_);
    library_ = nullptr;
}

const GlyphOutline& FontSession::outline(std::size_t font, std::uint32_t glyph) {
    const std::uint64_t key = std::uint64_t(font) << 32 | glyph;
    if (auto found = outlines_.find(key); found != outlines_.end()) return found->second;
    FT_Face face = fonts_[font].ft;
    GlyphOutline outline;
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING) != 0)
        throw Error(Error::Code::internal, "cannot load glyph " + std::to_string(glyph));
    if (face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        const FT_Outline& source = face->glyph->outline;
        outline.points.assign(source.points, source.points + source.n_points);
        outline.tags.assign(source.tags, source.tags + source.n_points);
        outline.contours.assign(source.contours, source.contours + source.n_contours);
        outline.flags = source.flags;
    }
    return outlines_.emplace(key, std::move(outline)).first->second;
}

}  // namespace td::cloud
