#include "cloud/word_shape.hpp"

#include "cloud/unicode_classes.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <limits>

namespace td::cloud {
namespace {

struct Item {
    std::size_t start = 0, end = 0;
    std::size_t font = 0;
    bool upright = false;
};

struct Affine {
    double xx, xy, yx, yy, tx, ty;
};

bool is_space(char32_t c) { return c == ' ' || c == 0xA0 || c == 0x3000 || c == '\t'; }

bool has_glyph(FontSession& session, std::size_t font, char32_t c) {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(session.hb_font(font), c, &glyph) && glyph != 0;
}

// Splits the word into runs of one font (and, for vertical text, one orientation); characters
// without a glyph in any font are dropped and reported.
std::vector<Item> itemize(FontSession& session, std::string_view text, bool vertical,
                          std::u32string& kept, std::vector<char32_t>& missing) {
    std::vector<Item> items;
    std::size_t pos = 0;
    bool dropping = false;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos);
        Item* last = items.empty() ? nullptr : &items.back();
        if (c != utf8::invalid && continues_cluster(c) && (last || dropping)) {
            if (!dropping) {
                kept.push_back(c);
                last->end = kept.size();
            }
            continue;
        }
        std::size_t font = session.font_count();
        bool upright = vertical && upright_in_vertical(c);
        if (c != utf8::invalid && is_space(c) && last) {
            font = last->font;
            upright = last->upright;
        } else if (c != utf8::invalid) {
            for (std::size_t f = 0; f < session.font_count(); ++f)
                if (has_glyph(session, f, c)) {
                    font = f;
                    break;
                }
        }
        dropping = font == session.font_count();
        if (dropping) {
            missing.push_back(c == utf8::invalid ? U'\uFFFD' : c);
            continue;
        }
        kept.push_back(c);
        if (last && last->font == font && last->upright == upright)
            last->end = kept.size();
        else
            items.push_back({kept.size() - 1, kept.size(), font, upright});
    }
    return items;
}

void transform(Affine& a, double lxx, double lxy, double lyx, double lyy) {
    const Affine m = a;
    a.xx = lxx * m.xx + lxy * m.yx;
    a.xy = lxx * m.xy + lxy * m.yy;
    a.yx = lyx * m.xx + lyy * m.yx;
    a.yy = lyx * m.xy + lyy * m.yy;
    a.tx = lxx * m.tx + lxy * m.ty;
    a.ty = lyx * m.tx + lyy * m.ty;
}

}  // namespace

WordShape shape_word(FontSession& session, std::string_view text, Orientation orientation) {
    WordShape shape;
    const bool vertical = orientation == Orientation::upright_vertical;
    std::u32string kept;
    const std::vector<Item> items = itemize(session, text, vertical, kept, shape.missing);
    hb_buffer_t* buffer = hb_buffer_create();
    const hb_language_t language = session.language();
    double pen_x = 0, pen_y = 0;
    for (const Item& item : items) {
        hb_buffer_clear_contents(buffer);
        hb_buffer_add_utf32(buffer, reinterpret_cast<const std::uint32_t*>(kept.data()),
                            int(kept.size()), unsigned(item.start), int(item.end - item.start));
        hb_buffer_set_language(buffer, language);
        if (item.upright) hb_buffer_set_direction(buffer, HB_DIRECTION_TTB);
        hb_buffer_guess_segment_properties(buffer);
        hb_font_t* font = session.hb_font(item.font);
        hb_shape(font, buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
        const double unit = 1.0 / session.units_per_em(item.font);
        double center = 0;  // of a sideways run's line box, so it sits on the column's axis
        if (vertical && !item.upright) {
            hb_font_extents_t extents{};
            hb_font_get_h_extents(font, &extents);
            center = (extents.ascender + extents.descender) * unit / 2;
        }
        double run_x = 0;
        for (unsigned i = 0; i < count; ++i) {
            const hb_glyph_position_t& p = positions[i];
            if (infos[i].codepoint == 0) {  // .notdef: never draw a tofu box
                const char32_t c = kept[infos[i].cluster];
                if (std::find(shape.missing.begin(), shape.missing.end(), c) == shape.missing.end())
                    shape.missing.push_back(c);
                continue;
            }
            Affine a{unit, 0, 0, unit, 0, 0};
            if (item.upright) {
                a.tx = p.x_offset * unit;
                a.ty = pen_y + p.y_offset * unit;
                pen_y += p.y_advance * unit;
            } else if (vertical) {
                a.tx = run_x + p.x_offset * unit;
                a.ty = p.y_offset * unit;
                transform(a, 0, 1, -1, 0);
                a.tx -= center;
                a.ty += pen_y;
                run_x += p.x_advance * unit;
            } else {
                a.tx = pen_x + p.x_offset * unit;
                a.ty = p.y_offset * unit;
                pen_x += p.x_advance * unit;
            }
            if (orientation == Orientation::rotated) transform(a, 0, -1, 1, 0);
            shape.glyphs.push_back({std::uint16_t(item.font), infos[i].codepoint, a.xx, a.xy,
                                    a.yx, a.yy, a.tx, a.ty});
        }
        pen_y -= run_x;
    }
    hb_buffer_destroy(buffer);

    double min_x = std::numeric_limits<double>::max(), min_y = min_x;
    double max_x = -min_x, max_y = -min_x;
    for (const ShapedGlyph& g : shape.glyphs) {
        for (const FT_Vector& v : session.outline(g.font, g.glyph).points) {
            const double x = g.xx * double(v.x) + g.xy * double(v.y) + g.tx;
            const double y = g.yx * double(v.x) + g.yy * double(v.y) + g.ty;
            min_x = std::min(min_x, x);
            max_x = std::max(max_x, x);
            min_y = std::min(min_y, y);
            max_y = std::max(max_y, y);
            shape.has_ink = true;
        }
    }
    if (shape.has_ink) {
        shape.min_x = min_x;
        shape.min_y = min_y;
        shape.max_x = max_x;
        shape.max_y = max_y;
    }
    return shape;
}

bool cjk_dominant(std::string_view text) {
    std::size_t cjk = 0, other = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos);
        if (c == ' ' || c == 0x3000) continue;
        (is_cjk(c) ? cjk : other) += 1;
    }
    return cjk > 0 && cjk >= other;
}

}  // namespace td::cloud
