#pragma once
// Which canvas pixels hold ink (or are forbidden by the mask): one bit a pixel, 64 a word, plus
// the free 2x2-pixel cells on which "is there room for a w x h box anywhere?" is answered for
// all positions at once (FreeBoxes).

#include "cloud/free_boxes.hpp"
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
    // inside the canvas. Row `hint` is tested first and becomes the row that met ink: nearby
    // positions tend to collide on the same row. Start it at sprite.test_order[0].
    bool collides(const Sprite& sprite, int x, int y, int& hint) const noexcept;
    void add(const Sprite& sprite, int x, int y);
    // The pixel rows: row y starts at bits() + y * stride(); bit i of word j is x = 64 j + i.
    const std::uint64_t* bits() const noexcept { return fine_.data(); }
    std::size_t stride() const noexcept { return std::size_t(stride_); }

    // A seeded, uniformly chosen position (even coordinates) where a w x h box meets no ink.
    bool find_free_box(int w, int h, Rng& rng, int& x, int& y) const;
    bool has_free_box(int w, int h) const;

private:
    void refresh_coarse_rows(int first_row, int last_row, int first_word, int last_word);

    int width_, height_, stride_;
    std::vector<std::uint64_t> fine_;
    int coarse_width_, coarse_height_;
    FreeBoxes free_;
    std::vector<std::uint64_t> free_row_;
};

}  // namespace td::cloud
