#include "cloud/placement.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace td::cloud {

Placer::Placer(int width, int height, int max_tests) : max_tests_(max_tests) {
    const double stretch_x = std::sqrt(double(width) / height), stretch_y = 1.0 / stretch_x;
    const double max_radius = 0.7 * std::hypot(width, height) / std::min(stretch_x, stretch_y);
    constexpr double ring_gap = 3.0;  // pixels between turns
    const double b = ring_gap / (2 * std::numbers::pi);
    // Near the start the angle steps by about a pixel of arc (1 / r); from r = 10 on by a
    // fixed 0.1 rad, where cos and sin follow by rotation instead of libm calls.
    constexpr double step = 0.1;
    const double cos_step = std::cos(step), sin_step = std::sin(step);
    double c = 1, s = 0;
    for (double theta = 0;;) {
        const double r = b * theta;
        if (r > max_radius) break;
        const Offset offset{int(std::lround(stretch_x * r * c)), int(std::lround(stretch_y * r * s))};
        if (spiral_.empty() || offset.dx != spiral_.back().dx || offset.dy != spiral_.back().dy)
            spiral_.push_back(offset);
        const double d = std::max(1.0 / std::max(r, 1.0), step);
        theta += d;
        if (d == step) {
            const double next_c = c * cos_step - s * sin_step;
            s = s * cos_step + c * sin_step;
            c = next_c;
        } else {
            c = std::cos(theta);
            s = std::sin(theta);
        }
    }
}

bool Placer::find_position(const Occupancy& occupancy, const Sprite& sprite, Rng& rng, int& x,
                           int& y) const {
    const int width = occupancy.width(), height = occupancy.height();
    if (sprite.width > width || sprite.height > height) return false;
    const int start_x = int(width * (0.5 + (rng.uniform() - 0.5) * 0.3)) - sprite.width / 2;
    const int start_y = int(height * (0.5 + (rng.uniform() - 0.5) * 0.3)) - sprite.height / 2;
    const int direction = rng.uniform() < 0.5 ? 1 : -1;
    const int max_x = width - sprite.width, max_y = height - sprite.height;
    int tests = 0;
    int hint = sprite.test_order.empty() ? 0 : sprite.test_order[0];
    // Most positions that collide already do so in the sprite's probe word (see Sprite):
    // 64 pixels tested with two loads and no loop; only the others get the full test.
    const std::size_t stride = occupancy.stride();
    const std::uint64_t* probe_row = occupancy.bits() + std::size_t(sprite.probe_row) * stride;
    const int probe_x = sprite.probe_word * 64;
    const std::uint64_t probe = sprite.probe;
    const unsigned last_x = unsigned(max_x), last_y = unsigned(max_y);
    const int tests_allowed = max_tests_;
    const Offset* spiral = spiral_.data();
    const std::size_t count = spiral_.size();
    for (std::size_t i = 0; i < count; ++i) {
        // A tight scan (no calls, so all in registers) up to the next position whose probe
        // word meets no ink; every position inside the canvas is one test.
        int px = 0, py = 0;
        for (; i < count; ++i) {
            px = start_x + direction * spiral[i].dx;
            py = start_y + spiral[i].dy;
            if (unsigned(px) > last_x || unsigned(py) > last_y) continue;
            const int bit = px + probe_x, shift = bit & 63;
            const std::uint64_t* grid = probe_row + std::size_t(py) * stride + unsigned(bit >> 6);
            // (g << 1) << (63 - shift) is g << (64 - shift), and 0 for shift 0.
            if (!((grid[0] >> shift | (grid[1] << 1) << (63 - shift)) & probe)) break;
            if (++tests >= tests_allowed) i = count;  // ends both loops
        }
        if (i >= count) break;
        if (!occupancy.collides(sprite, px, py, hint)) {
            x = px;
            y = py;
            return true;
        }
        if (++tests >= tests_allowed) break;
    }
    return occupancy.find_free_box(sprite.width, sprite.height, rng, x, y);
}

}  // namespace td::cloud
