#include "cloud/raster.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace td::cloud {
namespace {

constexpr long max_word_pixels = 1L << 26;

struct SpanTarget {
    std::uint8_t* pixels;
    int width, height;
    int min_x, max_x, min_row, max_row;  // the inked pixels' bounds
};

void gray_spans(int y, int count, const FT_Span* spans, void* user) {
    auto* target = static_cast<SpanTarget*>(user);
    if (y < 0 || y >= target->height) return;
    std::uint8_t* row = target->pixels + std::size_t(target->height - 1 - y) * target->width;
    for (int i = 0; i < count; ++i) {
        const int start = std::max(0, int(spans[i].x));
        const int end = std::min(target->width, int(spans[i].x) + int(spans[i].len));
        if (start >= end || spans[i].coverage == 0) continue;
        for (int x = start; x < end; ++x) row[x] = std::max(row[x], spans[i].coverage);
        const int r = target->height - 1 - y;
        target->min_x = std::min(target->min_x, start);
        target->max_x = std::max(target->max_x, end - 1);
        target->min_row = std::min(target->min_row, r);
        target->max_row = std::max(target->max_row, r);
    }
}

// Glyph points in 26.6 pixels, y up, with every glyph's outline structure.
struct ScaledOutline {
    std::vector<FT_Vector> points;
    const GlyphOutline* source = nullptr;
};

std::vector<ScaledOutline> scale_outlines(FontSession& session, const WordShape& shape,
                                          double size) {
    std::vector<ScaledOutline> scaled;
    const double s = 64.0 * size;
    for (const ShapedGlyph& g : shape.glyphs) {
        const GlyphOutline& outline = session.outline(g.font, g.glyph);
        if (outline.points.empty()) continue;
        ScaledOutline out;
        out.source = &outline;
        out.points.reserve(outline.points.size());
        for (const FT_Vector& v : outline.points) {
            const double x = g.xx * double(v.x) + g.xy * double(v.y) + g.tx;
            const double y = g.yx * double(v.x) + g.yy * double(v.y) + g.ty;
            out.points.push_back({FT_Pos(std::lround(s * x)), FT_Pos(std::lround(s * y))});
        }
        scaled.push_back(std::move(out));
    }
    return scaled;
}

FT_Outline as_outline(const ScaledOutline& scaled, std::vector<FT_Vector>& points) {
    FT_Outline outline{};
    outline.n_contours = short(scaled.source->contours.size());
    outline.n_points = short(points.size());
    outline.points = points.data();
    outline.tags = const_cast<char*>(scaled.source->tags.data());
    outline.contours = const_cast<short*>(scaled.source->contours.data());
    outline.flags = scaled.source->flags;
    return outline;
}

}  // namespace

void for_each_outline(FontSession& session, const WordShape& shape, double size,
                      const std::function<void(const FT_Outline&)>& visit) {
    for (ScaledOutline& scaled : scale_outlines(session, shape, size)) {
        std::vector<FT_Vector> points = scaled.points;
        visit(as_outline(scaled, points));
    }
}

Coverage rasterize(FontSession& session, const WordShape& shape, double size) {
    Coverage coverage;
    std::vector<ScaledOutline> scaled = scale_outlines(session, shape, size);
    FT_Pos min_x = std::numeric_limits<FT_Pos>::max(), min_y = min_x;
    FT_Pos max_x = std::numeric_limits<FT_Pos>::min(), max_y = max_x;
    for (const ScaledOutline& s : scaled)
        for (const FT_Vector& v : s.points) {
            min_x = std::min(min_x, v.x);
            min_y = std::min(min_y, v.y);
            max_x = std::max(max_x, v.x);
            max_y = std::max(max_y, v.y);
        }
    if (scaled.empty()) return coverage;
    const long x0 = long(std::floor(double(min_x) / 64)), y0 = long(std::floor(double(min_y) / 64));
    const long x1 = long(std::ceil(double(max_x) / 64)) + 1, y1 = long(std::ceil(double(max_y) / 64)) + 1;
    const long width = x1 - x0, height = y1 - y0;
    if (width * height > max_word_pixels)
        throw Error(Error::Code::invalid_argument, "a word is too large to draw at size " +
                                                       std::to_string(int(size)));
    std::vector<std::uint8_t> pixels(std::size_t(width * height), 0);
    SpanTarget target{pixels.data(), int(width), int(height), int(width), -1, int(height), -1};
    FT_Raster_Params params{};
    params.flags = FT_RASTER_FLAG_AA | FT_RASTER_FLAG_DIRECT | FT_RASTER_FLAG_CLIP;
    params.gray_spans = gray_spans;
    params.user = &target;
    params.clip_box = {0, 0, FT_Pos(width), FT_Pos(height)};
    std::vector<FT_Vector> points;
    for (const ScaledOutline& s : scaled) {
        points = s.points;
        for (FT_Vector& v : points) {
            v.x -= x0 * 64;
            v.y -= y0 * 64;
        }
        FT_Outline outline = as_outline(s, points);
        FT_Outline_Render(session.library(), &outline, &params);
    }
    const int c0 = target.min_x, c1 = target.max_x, r0 = target.min_row, r1 = target.max_row;
    if (c1 < 0) return coverage;
    coverage.width = c1 - c0 + 1;
    coverage.height = r1 - r0 + 1;
    coverage.left = int(x0) + c0;
    coverage.top = -int(y1) + r0;
    coverage.pixels.resize(std::size_t(coverage.width) * coverage.height);
    for (int r = 0; r < coverage.height; ++r)
        std::copy_n(&pixels[std::size_t(r0 + r) * width + c0], coverage.width,
                    &coverage.pixels[std::size_t(r) * coverage.width]);
    return coverage;
}

}  // namespace td::cloud
