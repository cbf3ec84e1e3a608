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
    for (double theta = 0;;) {
        const double r = b * theta;
        if (r > max_radius) break;
        const Offset offset{int(std::lround(stretch_x * r * std::cos(theta))),
                            int(std::lround(stretch_y * r * std::sin(theta)))};
        if (spiral_.empty() || offset.dx != spiral_.back().dx || offset.dy != spiral_.back().dy)
            spiral_.push_back(offset);
        // About a pixel apart near the start; 0.1 rad apart further out.
        theta += std::max(1.0 / std::max(r, 1.0), 0.1);
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
    for (const Offset& offset : spiral_) {
        const int px = start_x + direction * offset.dx, py = start_y + offset.dy;
        if (px < 0 || py < 0 || px > max_x || py > max_y) continue;
        if (!occupancy.collides(sprite, px, py)) {
            x = px;
            y = py;
            return true;
        }
        if (++tests >= max_tests_) break;
    }
    return occupancy.find_free_box(sprite.width, sprite.height, rng, x, y);
}

}  // namespace td::cloud
