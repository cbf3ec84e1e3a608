#include "cloud/raster.hpp"

#include "cloud/bits.hpp"

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

// std::lround without the libm call (the same result but for halves lost to rounding).
FT_Pos round_pos(double v) noexcept { return v >= 0 ? FT_Pos(v + 0.5) : -FT_Pos(-v + 0.5); }

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
            out.points.push_back({round_pos(s * x), round_pos(s * y)});
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

namespace {

// The outlines at a size in a frame of whole pixels around their points, ready for spans.
struct Frame {
    std::vector<ScaledOutline> scaled;
    long x0 = 0, y1 = 0, width = 0, height = 0;  // pixels; the frame's rows run down from y1
};

Frame frame_of(FontSession& session, const WordShape& shape, double size) {
    Frame frame;
    frame.scaled = scale_outlines(session, shape, size);
    FT_Pos min_x = std::numeric_limits<FT_Pos>::max(), min_y = min_x;
    FT_Pos max_x = std::numeric_limits<FT_Pos>::min(), max_y = max_x;
    for (const ScaledOutline& s : frame.scaled)
        for (const FT_Vector& v : s.points) {
            min_x = std::min(min_x, v.x);
            min_y = std::min(min_y, v.y);
            max_x = std::max(max_x, v.x);
            max_y = std::max(max_y, v.y);
        }
    if (frame.scaled.empty()) return frame;
    frame.x0 = long(std::floor(double(min_x) / 64));
    const long y0 = long(std::floor(double(min_y) / 64));
    const long x1 = long(std::ceil(double(max_x) / 64)) + 1;
    frame.y1 = long(std::ceil(double(max_y) / 64)) + 1;
    frame.width = x1 - frame.x0;
    frame.height = frame.y1 - y0;
    if (frame.width * frame.height > max_word_pixels)
        throw Error(Error::Code::invalid_argument, "a word is too large to draw at size " +
                                                       std::to_string(int(size)));
    return frame;
}

// Calls `spans` (FreeType's span callback, `user` its target) for the frame's anti-aliased
// coverage, rows numbered up from the frame's bottom.
void render_frame(FontSession& session, const Frame& frame, FT_SpanFunc spans, void* user) {
    FT_Raster_Params params{};
    params.flags = FT_RASTER_FLAG_AA | FT_RASTER_FLAG_DIRECT | FT_RASTER_FLAG_CLIP;
    params.gray_spans = spans;
    params.user = user;
    params.clip_box = {0, 0, FT_Pos(frame.width), FT_Pos(frame.height)};
    const long y0 = frame.y1 - frame.height;
    std::vector<FT_Vector> points;
    for (const ScaledOutline& s : frame.scaled) {
        points = s.points;
        for (FT_Vector& v : points) {
            v.x -= frame.x0 * 64;
            v.y -= y0 * 64;
        }
        FT_Outline outline = as_outline(s, points);
        FT_Outline_Render(session.library(), &outline, &params);
    }
}

// Like gray_spans, into one bit a pixel (coverage > 0).
struct BitTarget {
    std::uint64_t* bits;
    int stride, width, height;
    int min_x, max_x, min_row, max_row;
};

// Sets pixels start .. end - 1 of a bit row.
void set_run(std::uint64_t* row, int start, int end) noexcept {
    for (int w = start >> 6; w <= (end - 1) >> 6; ++w) {
        const int from = std::max(start - w * 64, 0), to = std::min(end - w * 64, 64);
        row[w] |= (~std::uint64_t(0) >> (64 - (to - from))) << from;
    }
}

// A row's spans come in x order, often touching: each run of touching ones is set at once.
void bit_spans(int y, int count, const FT_Span* spans, void* user) {
    auto* target = static_cast<BitTarget*>(user);
    if (y < 0 || y >= target->height) return;
    const int r = target->height - 1 - y;
    std::uint64_t* row = target->bits + std::size_t(r) * target->stride;
    int run_start = 0, run_end = -1;  // run_end < 0: no run yet
    for (int i = 0; i < count; ++i) {
        const int start = std::max(0, int(spans[i].x));
        const int end = std::min(target->width, int(spans[i].x) + int(spans[i].len));
        if (start >= end || spans[i].coverage == 0) continue;
        if (start != run_end) {
            if (run_end >= 0) set_run(row, run_start, run_end);
            else target->min_x = std::min(target->min_x, start);
            run_start = start;
        }
        run_end = end;
    }
    if (run_end < 0) return;
    set_run(row, run_start, run_end);
    target->max_x = std::max(target->max_x, run_end - 1);
    target->min_row = std::min(target->min_row, r);
    target->max_row = std::max(target->max_row, r);
}

}  // namespace

Coverage rasterize(FontSession& session, const WordShape& shape, double size) {
    Coverage coverage;
    const Frame frame = frame_of(session, shape, size);
    if (frame.scaled.empty()) return coverage;
    const long width = frame.width, height = frame.height;
    std::vector<std::uint8_t> pixels(std::size_t(width * height), 0);
    SpanTarget target{pixels.data(), int(width), int(height), int(width), -1, int(height), -1};
    render_frame(session, frame, gray_spans, &target);
    const int c0 = target.min_x, c1 = target.max_x, r0 = target.min_row, r1 = target.max_row;
    if (c1 < 0) return coverage;
    coverage.width = c1 - c0 + 1;
    coverage.height = r1 - r0 + 1;
    coverage.left = int(frame.x0) + c0;
    coverage.top = -int(frame.y1) + r0;
    coverage.pixels.resize(std::size_t(coverage.width) * coverage.height);
    for (int r = 0; r < coverage.height; ++r)
        std::copy_n(&pixels[std::size_t(r0 + r) * width + c0], coverage.width,
                    &coverage.pixels[std::size_t(r) * coverage.width]);
    return coverage;
}

InkBits rasterize_bits(FontSession& session, const WordShape& shape, double size, int pad) {
    InkBits ink;
    const Frame frame = frame_of(session, shape, size);
    if (frame.scaled.empty()) return ink;
    const int stride = int((frame.width + 63) / 64);
    std::vector<std::uint64_t> bits(std::size_t(stride) * std::size_t(frame.height), 0);
    BitTarget target{bits.data(), stride, int(frame.width), int(frame.height),
                     int(frame.width), -1, int(frame.height), -1};
    render_frame(session, frame, bit_spans, &target);
    const int c0 = target.min_x, c1 = target.max_x, r0 = target.min_row, r1 = target.max_row;
    if (c1 < 0) return ink;
    ink.width = c1 - c0 + 1;
    ink.height = r1 - r0 + 1;
    ink.stride = (ink.width + 2 * pad + 63) / 64 + 1;
    ink.bits.assign(std::size_t(ink.stride) * std::size_t(ink.height + 2 * pad), 0);
    // Output bit pad + j of a row is frame bit c0 + j: output word k starts at frame bit
    // c0 - pad + 64k, which may lie before the frame (those bits are zero).
    for (int r = 0; r < ink.height; ++r) {
        const std::uint64_t* source = &bits[std::size_t(r0 + r) * stride];
        std::uint64_t* out = &ink.bits[std::size_t(r + pad) * ink.stride];
        for (int k = 0; k < ink.stride; ++k) {
            const int from = c0 - pad + 64 * k;
            std::uint64_t v = 0;
            if (from >= 0) v = bits_from(source, stride, from);
            else if (from > -64) v = bits_from(source, stride, 0) << -from;
            out[k] = v;  // frame bits outside c0 .. c1 are clear in every row
        }
    }
    return ink;
}

}  // namespace td::cloud
