#pragma once
// Which canvas pixels hold ink (or are forbidden by the mask): one bit a pixel, 64 a word, plus
// a 2x2-pixel coarse copy on which "is there room for a w x h box anywhere?" is answered for
// all positions at once by bit-parallel erosion.

#include "cloud/rng.hpp"
#include "cloud/sprite.hpp"

namespace td::cloud {

class Occupancy {
public:
    Occupancy(int width, int height);

    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }
    void forbid(int x, int y) noexcept;  // then call refresh_coarse()
    void refresh_coarse();
    bool occupied(int x, int y) const noexcept;

    // Whether the sprite's keep-out bits at box position (x, y) meet ink; the box must be
    // inside the canvas.
    bool collides(const Sprite& sprite, int x, int y) const noexcept;
    void add(const Sprite& sprite, int x, int y);

    // A seeded, uniformly chosen position (even coordinates) where a w x h box meets no ink.
    bool find_free_box(int w, int h, Rng& rng, int& x, int& y) const;
    bool has_free_box(int w, int h) const;

private:
    std::size_t erode(int w, int h) const;  // free positions into scratch_, returns their count
    void refresh_coarse_rows(int first_row, int last_row, int first_word, int last_word);

    int width_, height_, stride_;
    std::vector<std::uint64_t> fine_;
    int coarse_width_, coarse_height_, coarse_stride_;
    std::vector<std::uint64_t> coarse_;
    mutable std::vector<std::uint64_t> scratch_;
};

}  // namespace td::cloud
