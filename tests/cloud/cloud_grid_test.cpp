// The layout's bit-level machinery against plain per-pixel versions: ink bits, margins,
// collision tests and the free-box search.
#include "cloud_test_support.hpp"

#include "cloud/occupancy.hpp"
#include "cloud/raster.hpp"

#include <doctest/doctest.h>

using namespace td_cloud_test;
namespace cloud = td::cloud;

namespace {

bool bit(const std::vector<std::uint64_t>& bits, int stride, int x, int y) {
    return bits[std::size_t(y) * stride + (x >> 6)] >> (x & 63) & 1;
}

std::vector<std::uint64_t> random_bits(cloud::Rng& rng, int rows, int stride, int width, int density) {
    std::vector<std::uint64_t> bits(std::size_t(rows) * stride, 0);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < width; ++x)
            if (int(rng.below(100)) < density) bits[std::size_t(y) * stride + (x >> 6)] |= 1ULL << (x & 63);
    return bits;
}

}  // namespace

TEST_CASE("rasterize_bits sets exactly the pixels rasterize covers, padded") {
    if (!have_noto_cjk()) return;
    cloud::FontSession session(*fonts_sc());
    for (const char* text : {"世界模型", "Claude Code", "$NVDA", "人形机器人"})
        for (const auto o : {td::Orientation::horizontal, td::Orientation::rotated,
                             td::Orientation::upright_vertical})
            for (const double size : {5.0, 17.0, 64.0, 150.0})
                for (const int pad : {0, 2, 7}) {
                    const cloud::WordShape shape = cloud::shape_word(session, text, o);
                    const cloud::Coverage c = cloud::rasterize(session, shape, size);
                    const cloud::InkBits ink = cloud::rasterize_bits(session, shape, size, pad);
                    REQUIRE(ink.width == c.width);
                    REQUIRE(ink.height == c.height);
                    REQUIRE(ink.stride == (c.width + 2 * pad + 63) / 64 + 1);
                    long wrong = 0;
                    for (int y = 0; y < c.height + 2 * pad; ++y)
                        for (int x = 0; x < ink.stride * 64; ++x) {
                            const int cx = x - pad, cy = y - pad;
                            const bool inside = cx >= 0 && cy >= 0 && cx < c.width && cy < c.height;
                            const bool covered =
                                inside && c.pixels[std::size_t(cy) * c.width + cx] != 0;
                            wrong += covered != bit(ink.bits, ink.stride, x, y);
                        }
                    CHECK(wrong == 0);
                }
}

TEST_CASE("dilate grows bits by a square brush, small and large radii alike") {
    cloud::Rng rng(3);
    for (const int radius : {1, 2, 3, 8, 9, 20}) {
        const int rows = 37, width = 150, stride = (width + 63) / 64 + 1;
        const auto source = random_bits(rng, rows, stride, width, 2);
        auto grown = source;
        cloud::dilate(grown, rows, stride, radius);
        long wrong = 0;
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < stride * 64; ++x) {
                bool expected = false;
                for (int dy = -radius; dy <= radius && !expected; ++dy)
                    for (int dx = -radius; dx <= radius && !expected; ++dx) {
                        const int sx = x + dx, sy = y + dy;
                        expected = sx >= 0 && sy >= 0 && sx < stride * 64 && sy < rows &&
                                   bit(source, stride, sx, sy);
                    }
                wrong += expected != bit(grown, stride, x, y);
            }
        CHECK(wrong == 0);
    }
}

TEST_CASE("collides agrees with a pixel-by-pixel test, whatever the hint") {
    if (!have_noto_cjk()) return;
    cloud::FontSession session(*fonts_sc());
    cloud::Rng rng(11);
    const int width = 300, height = 200;
    cloud::Occupancy occupancy(width, height);
    for (int i = 0; i < 2500; ++i) {
        const int x = int(rng.below(width)), y = int(rng.below(height));
        occupancy.forbid(x, y);
    }
    occupancy.refresh_coarse();
    for (const double size : {9.0, 40.0, 90.0}) {
        const auto shape = cloud::shape_word(session, "具身 AI", td::Orientation::horizontal);
        const cloud::Sprite sprite = cloud::make_sprite(cloud::rasterize_bits(session, shape, size, 2), 2);
        REQUIRE(sprite.width <= width);
        for (int trial = 0; trial < 300; ++trial) {
            const int x = int(rng.below(std::uint64_t(width - sprite.width + 1)));
            const int y = int(rng.below(std::uint64_t(height - sprite.height + 1)));
            bool expected = false;
            for (int r = 0; r < sprite.height && !expected; ++r)
                for (int c = 0; c < sprite.width && !expected; ++c)
                    expected = bit(sprite.keep_out, sprite.stride, c, r) && occupancy.occupied(x + c, y + r);
            int hint = int(rng.below(std::uint64_t(sprite.height)));
            CHECK(occupancy.collides(sprite, x, y, hint) == expected);
        }
    }
}

TEST_CASE("the free-box search finds a box exactly when one of free 2x2 cells exists") {
    cloud::Rng rng(5);
    // Odd sizes: the last column and row are no cell's; 701 for runs past 128 cells.
    for (const int width : {203, 701})
    for (const int density : {0, 1, 5, 30}) {
        const int height = 97;
        cloud::Occupancy occupancy(width, height);
        for (int i = 0; i < width * height * density / 100; ++i)
            occupancy.forbid(int(rng.below(width)), int(rng.below(height)));
        occupancy.refresh_coarse();
        const auto cell_free = [&](int cx, int cy) {
            for (int y = 2 * cy; y < 2 * cy + 2; ++y)
                for (int x = 2 * cx; x < 2 * cx + 2; ++x)
                    if (occupancy.occupied(x, y)) return false;
            return true;
        };
        const auto box_free = [&](int cx, int cy, int nx, int ny) {
            if (cx + nx > width / 2 || cy + ny > height / 2) return false;
            for (int y = cy; y < cy + ny; ++y)
                for (int x = cx; x < cx + nx; ++x)
                    if (!cell_free(x, y)) return false;
            return true;
        };
        for (const auto& [w, h] : std::vector<std::pair<int, int>>{
                 {1, 1}, {3, 2}, {8, 5}, {20, 4}, {4, 20}, {63, 3}, {130, 9}, {203, 2}, {202, 96},
                 {300, 7}, {555, 11}, {700, 3}, {701, 96}}) {
            const int nx = (w + 1) / 2, ny = (h + 1) / 2;
            bool any = false;
            for (int cy = 0; cy + ny <= height / 2 && !any; ++cy)
                for (int cx = 0; cx + nx <= width / 2 && !any; ++cx) any = box_free(cx, cy, nx, ny);
            CHECK(occupancy.has_free_box(w, h) == any);
            int x = -1, y = -1;
            cloud::Rng pick_rng(std::uint64_t(w * 1000 + h));
            const bool found = occupancy.find_free_box(w, h, pick_rng, x, y);
            CHECK(found == any);
            if (found) CHECK(box_free(x / 2, y / 2, nx, ny));
        }
    }
}
