#include "cloud/mask.hpp"
#include "cloud/sprite.hpp"
#include "cloud/word_ink.hpp"

#include <algorithm>

namespace td {
namespace {

using namespace cloud;

// Source-over compositing of one colour at `alpha` (0..1) onto an RGBA pixel.
void blend(std::uint8_t* pixel, Rgba color, double alpha) {
    if (alpha <= 0) return;
    const double da = pixel[3] / 255.0;
    const double out_a = alpha + da * (1 - alpha);
    const auto channel = [&](std::uint8_t source, std::uint8_t destination) {
        return std::uint8_t((source * alpha + destination * da * (1 - alpha)) / out_a + 0.5);
    };
    pixel[0] = channel(color.r, pixel[0]);
    pixel[1] = channel(color.g, pixel[1]);
    pixel[2] = channel(color.b, pixel[2]);
    pixel[3] = std::uint8_t(out_a * 255 + 0.5);
}

// The forbidden pixels within contour_width of the allowed region: a line words never touch.
void draw_contour(Image& image, const CloudOptions& options) {
    const std::vector<std::uint8_t> forbidden = forbidden_pixels(options);
    if (forbidden.empty() || options.contour_width <= 0) return;
    const int stride = (image.width + 63) / 64 + 1;
    std::vector<std::uint64_t> allowed(std::size_t(stride) * image.height, 0);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (!forbidden[std::size_t(y) * image.width + x])
                allowed[std::size_t(y) * stride + (x >> 6)] |= std::uint64_t(1) << (x & 63);
    dilate(allowed, image.height, stride, options.contour_width);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (forbidden[std::size_t(y) * image.width + x] &&
                (allowed[std::size_t(y) * stride + (x >> 6)] >> (x & 63) & 1))
                blend(&image.rgba[(std::size_t(y) * image.width + x) * 4], options.contour_color,
                      options.contour_color.a / 255.0);
}

}  // namespace

Image render_cloud(const CloudLayout& layout, const FontSet& fonts, const CloudOptions& options) {
    if (layout.width <= 0 || layout.height <= 0 || layout.width > 16384 || layout.height > 16384)
        throw Error(Error::Code::invalid_argument, "cloud layout has no valid canvas size");
    Image image;
    image.width = layout.width;
    image.height = layout.height;
    image.rgba.resize(std::size_t(image.width) * image.height * 4);
    const Rgba bg = options.background;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        image.rgba[i] = bg.r;
        image.rgba[i + 1] = bg.g;
        image.rgba[i + 2] = bg.b;
        image.rgba[i + 3] = bg.a;
    }
    FontSession session(fonts);
    for (const PlacedWord& word : layout.words) {
        const WordInk ink = word_ink(session, word);
        const Coverage& c = ink.coverage;
        for (int r = 0; r < c.height; ++r) {
            const int y = ink.y + r;
            if (y < 0 || y >= image.height) continue;
            for (int col = 0; col < c.width; ++col) {
                const int x = ink.x + col;
                const std::uint8_t value = c.pixels[std::size_t(r) * c.width + col];
                if (!value || x < 0 || x >= image.width) continue;
                blend(&image.rgba[(std::size_t(y) * image.width + x) * 4], word.color,
                      value / 255.0 * (word.color.a / 255.0));
            }
        }
    }
    if (options.width == layout.width && options.height == layout.height)
        draw_contour(image, options);
    return image;
}

}  // namespace td
