#include "cloud/occupancy.hpp"

#include <algorithm>

namespace td::cloud {
namespace {

// The even bits of v packed into the low 32 bits.
std::uint64_t even_bits(std::uint64_t v) noexcept {
    v &= 0x5555555555555555ULL;
    v = (v | v >> 1) & 0x3333333333333333ULL;
    v = (v | v >> 2) & 0x0F0F0F0F0F0F0F0FULL;
    v = (v | v >> 4) & 0x00FF00FF00FF00FFULL;
    v = (v | v >> 8) & 0x0000FFFF0000FFFFULL;
    v = (v | v >> 16) & 0x00000000FFFFFFFFULL;
    return v;
}

// Sets the bits from `from` (a pixel count) up to the end of a row of `stride` words.
void set_tail(std::uint64_t* row, int stride, int from) {
    for (int x = from; x < stride * 64; ++x) row[x >> 6] |= std::uint64_t(1) << (x & 63);
}

// Row r's keep-out words shifted left by `shift` against the grid from `origin` (rows of
// `stride` words). The word after the last holding bits is zero (and a grid row has a spare
// word), so the carry needs no test; (p >> 1) >> (63 - shift) is p >> (64 - shift), 0 for 0.
bool row_hits(const Sprite& sprite, int r, const std::uint64_t* origin, std::size_t stride,
              int shift) noexcept {
    const std::uint64_t* grid = origin + std::size_t(r) * stride;
    const std::uint64_t* bits = &sprite.keep_out[std::size_t(r) * sprite.stride];
    std::uint64_t previous = 0;
    for (int m = sprite.first_word[std::size_t(r)], last = sprite.last_word[std::size_t(r)];
         m <= last + 1; ++m) {
        const std::uint64_t current = bits[m];
        if (grid[m] & (current << shift | (previous >> 1) >> (63 - shift))) return true;
        previous = current;
    }
    return false;
}

}  // namespace

Occupancy::Occupancy(int width, int height)
    : width_(width), height_(height), stride_((width + 63) / 64 + 1),
      fine_(std::size_t(stride_) * height, 0), coarse_width_(width / 2),
      coarse_height_(height / 2), free_(coarse_width_, coarse_height_),
      free_row_(std::size_t(free_.stride()), 0) {
    for (int y = 0; y < height_; ++y) set_tail(&fine_[std::size_t(y) * stride_], stride_, width_);
    refresh_coarse();
}

void Occupancy::forbid(int x, int y) noexcept {
    fine_[std::size_t(y) * stride_ + (x >> 6)] |= std::uint64_t(1) << (x & 63);
}

bool Occupancy::occupied(int x, int y) const noexcept {
    return fine_[std::size_t(y) * stride_ + (x >> 6)] >> (x & 63) & 1;
}

void Occupancy::refresh_coarse() {
    free_.forget_failures();  // forbid() may have come first; nothing was freed since
    refresh_coarse_rows(0, coarse_height_ - 1, 0, free_.stride() - 1);
}

// Coarse cell (cx, cy) is free when fine pixels 2cx, 2cx + 1 of rows 2cy, 2cy + 1 are.
void Occupancy::refresh_coarse_rows(int first_row, int last_row, int first_word, int last_word) {
    const int full_words = coarse_width_ >> 6, tail_bits = coarse_width_ & 63;
    for (int cy = first_row; cy <= last_row; ++cy) {
        const std::uint64_t* a = &fine_[std::size_t(2 * cy) * stride_];
        const std::uint64_t* b = a + stride_;
        for (int j = first_word; j <= last_word; ++j) {
            const auto pair = [&](int k) -> std::uint64_t {
                if (k >= stride_) return 0xFFFFFFFFULL;
                const std::uint64_t v = a[k] | b[k];
                return even_bits(v | v >> 1);
            };
            std::uint64_t free = ~(pair(2 * j) | pair(2 * j + 1) << 32);
            if (j > full_words) free = 0;
            else if (j == full_words) free &= (std::uint64_t(1) << tail_bits) - 1;
            free_row_[std::size_t(j)] = free;
        }
        free_.set_row(cy, free_row_.data(), first_word, last_word);
    }
}

bool Occupancy::collides(const Sprite& sprite, int x, int y, int& hint) const noexcept {
    const std::uint64_t* origin = &fine_[std::size_t(y) * stride_ + (x >> 6)];
    const int shift = x & 63;
    const auto stride = std::size_t(stride_);
    if (row_hits(sprite, hint, origin, stride, shift)) return true;
    for (const int r : sprite.test_order)
        if (r != hint && row_hits(sprite, r, origin, stride, shift)) {
            hint = r;
            return true;
        }
    return false;
}

void Occupancy::add(const Sprite& sprite, int x, int y) {
    const int shift = x & 63;
    const int words = (sprite.width + shift + 63) >> 6;
    for (int r = 0; r < sprite.height; ++r) {
        std::uint64_t* grid = &fine_[std::size_t(y + r) * stride_ + (x >> 6)];
        const std::uint64_t* bits = &sprite.ink[std::size_t(r) * sprite.stride];
        std::uint64_t previous = 0;
        for (int m = 0; m < words; ++m) {
            const std::uint64_t current = bits[m];
            grid[m] |= shift ? (current << shift | previous >> (64 - shift)) : current;
            previous = current;
        }
    }
    const int last_row = std::min(coarse_height_ - 1, (y + sprite.height - 1) / 2);
    if (y / 2 <= last_row)
        refresh_coarse_rows(y / 2, last_row, (x / 2) >> 6,
                            std::min(free_.stride() - 1, ((x + sprite.width - 1) / 2) >> 6));
}

bool Occupancy::has_free_box(int w, int h) const {
    return w > 0 && h > 0 && free_.exists((w + 1) / 2, (h + 1) / 2);
}

bool Occupancy::find_free_box(int w, int h, Rng& rng, int& x, int& y) const {
    if (w <= 0 || h <= 0 || !free_.pick((w + 1) / 2, (h + 1) / 2, rng, x, y)) return false;
    x *= 2;
    y *= 2;
    return true;
}

}  // namespace td::cloud
