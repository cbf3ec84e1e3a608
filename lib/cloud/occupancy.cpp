#include "cloud/occupancy.hpp"

#include <algorithm>
#include <bit>

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

}  // namespace

Occupancy::Occupancy(int width, int height)
    : width_(width), height_(height), stride_((width + 63) / 64 + 1),
      fine_(std::size_t(stride_) * height, 0), coarse_width_(width / 2),
      coarse_height_(height / 2), coarse_stride_((width / 2 + 63) / 64 + 1),
      coarse_(std::size_t(coarse_stride_) * coarse_height_, 0) {
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
    refresh_coarse_rows(0, coarse_height_ - 1, 0, coarse_stride_ - 1);
}

void Occupancy::refresh_coarse_rows(int first_row, int last_row, int first_word, int last_word) {
    for (int cy = first_row; cy <= last_row; ++cy) {
        const std::uint64_t* a = &fine_[std::size_t(2 * cy) * stride_];
        const std::uint64_t* b = a + stride_;
        std::uint64_t* row = &coarse_[std::size_t(cy) * coarse_stride_];
        for (int j = first_word; j <= last_word; ++j) {
            const auto pair = [&](int k) -> std::uint64_t {
                if (k >= stride_) return 0xFFFFFFFFULL;
                const std::uint64_t v = a[k] | b[k];
                return even_bits(v | v >> 1);
            };
            row[j] = pair(2 * j) | pair(2 * j + 1) << 32;
        }
        if (last_word >= (coarse_width_ >> 6)) set_tail(row, coarse_stride_, coarse_width_);
    }
}

bool Occupancy::collides(const Sprite& sprite, int x, int y) const noexcept {
    const int shift = x & 63;
    const int words = (sprite.width + shift + 63) >> 6;
    const std::uint64_t* origin = &fine_[std::size_t(y) * stride_ + (x >> 6)];
    for (const int r : sprite.test_order) {
        const std::uint64_t* grid = origin + std::size_t(r) * stride_;
        const std::uint64_t* bits = &sprite.keep_out[std::size_t(r) * sprite.stride];
        if (shift == 0) {
            for (int m = 0; m < words; ++m)
                if (grid[m] & bits[m]) return true;
        } else {
            std::uint64_t previous = 0;
            for (int m = 0; m < words; ++m) {
                const std::uint64_t current = bits[m];
                if (grid[m] & (current << shift | previous >> (64 - shift))) return true;
                previous = current;
            }
        }
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
                            std::min(coarse_stride_ - 1, ((x + sprite.width - 1) / 2) >> 6));
}

std::size_t Occupancy::erode(int w, int h) const {
    const int nx = (w + 1) / 2, ny = (h + 1) / 2;
    if (w <= 0 || h <= 0 || nx > coarse_width_ || ny > coarse_height_) return 0;
    const int stride = coarse_stride_;
    scratch_.resize(coarse_.size());
    for (std::size_t i = 0; i < coarse_.size(); ++i) scratch_[i] = ~coarse_[i];
    for (int done = 1; done < nx;) {
        const int k = std::min(done, nx - done), words = k >> 6, bits = k & 63;
        for (int y = 0; y < coarse_height_; ++y) {
            std::uint64_t* row = &scratch_[std::size_t(y) * stride];
            for (int i = 0; i < stride; ++i) {
                std::uint64_t v = i + words < stride ? row[i + words] >> bits : 0;
                if (bits && i + words + 1 < stride) v |= row[i + words + 1] << (64 - bits);
                row[i] &= v;
            }
        }
        done += k;
    }
    for (int done = 1; done < ny;) {
        const int k = std::min(done, ny - done);
        for (int y = 0; y + k < coarse_height_; ++y) {
            std::uint64_t* row = &scratch_[std::size_t(y) * stride];
            const std::uint64_t* below = row + std::size_t(k) * stride;
            for (int i = 0; i < stride; ++i) row[i] &= below[i];
        }
        done += k;
    }
    std::size_t count = 0;
    for (std::size_t i = 0; i < std::size_t(coarse_height_ - ny + 1) * stride; ++i)
        count += std::size_t(std::popcount(scratch_[i]));
    return count;
}

bool Occupancy::has_free_box(int w, int h) const { return erode(w, h) > 0; }

bool Occupancy::find_free_box(int w, int h, Rng& rng, int& x, int& y) const {
    const std::size_t count = erode(w, h);
    if (count == 0) return false;
    std::size_t pick = rng.below(count);
    for (std::size_t i = 0;; ++i) {
        const auto n = std::size_t(std::popcount(scratch_[i]));
        if (pick >= n) {
            pick -= n;
            continue;
        }
        std::uint64_t v = scratch_[i];
        for (; pick > 0; --pick) v &= v - 1;
        const int bit = std::countr_zero(v);
        x = 2 * (int(i % std::size_t(coarse_stride_)) * 64 + bit);
        y = 2 * int(i / std::size_t(coarse_stride_));
        return true;
    }
}

}  // namespace td::cloud
