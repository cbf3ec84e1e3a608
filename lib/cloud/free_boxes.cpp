#include "cloud/free_boxes.hpp"

#include "cloud/bits.hpp"

#include <algorithm>
#include <bit>

namespace td::cloud {
namespace {

// Bits x .. x + 63 from bit offset `bit` (< 64) of word i: the row's spare word makes i + 1
// readable; (w << 1) << (63 - bit) is w << (64 - bit), and 0 for bit 0.
std::uint64_t shifted(const std::uint64_t* row, int i, int bit) noexcept {
    return row[i] >> bit | (row[i + 1] << 1) << (63 - bit);
}

// Calls visit(row) for the set bits of a row mask, in order.
template <typename Visit>
void for_each_row(const std::uint64_t* mask, int words, Visit&& visit) {
    for (int s = 0; s < words; ++s)
        for (std::uint64_t m = mask[s]; m; m &= m - 1) visit(s * 64 + std::countr_zero(m));
}

}  // namespace

FreeBoxes::FreeBoxes(int width, int height)
    : width_(width), height_(height), stride_((std::max(width, 1) + 63) / 64),
      rows_stride_((std::max(height, 0) + 63) / 64),
      table_(std::size_t(levels) * std::size_t(std::max(height, 0)) * row_words(), 0),
      rows_(std::size_t(levels) * std::size_t(rows_stride_), 0) {}

void FreeBoxes::set_row(int row, const std::uint64_t* free_bits, int first_word, int last_word) {
    std::copy(free_bits + first_word, free_bits + last_word + 1, level_row(0, row) + first_word);
    // A level-k bit depends on the 2^k - 1 <= 63 bits after it: one word before the change.
    const int from = std::max(0, first_word - 1);
    for (int level = 1; level < levels; ++level) {
        const std::uint64_t* below = level_row(level - 1, row);
        std::uint64_t* out = level_row(level, row);
        const int half = 1 << (level - 1);
        for (int i = from; i <= last_word; ++i) out[i] = below[i] & shifted(below, i, half);
    }
    for (int level = 0; level < levels; ++level) {
        const std::uint64_t* bits = level_row(level, row);
        const bool any = std::any_of(bits, bits + stride_, [](std::uint64_t v) { return v != 0; });
        std::uint64_t& word = rows_[std::size_t(level) * rows_stride_ + std::size_t(row >> 6)];
        const std::uint64_t bit = std::uint64_t(1) << (row & 63);
        word = any ? word | bit : word & ~bit;
    }
}

bool FreeBoxes::known_to_fail(int nx, int ny) const noexcept {
    for (const Size& s : failed_)
        if (nx >= s.nx && ny >= s.ny) return true;
    return false;
}

std::size_t FreeBoxes::fill_scratch(int nx, int ny) const {
    if (nx < 1 || ny < 1 || nx > width_ || ny > height_ || known_to_fail(nx, ny)) return 0;
    const int level = std::min(levels - 1, int(std::bit_width(unsigned(nx))) - 1);
    const int span = 1 << level;
    scratch_.resize(std::size_t(height_) * std::size_t(stride_));
    const std::uint64_t* level_rows = &rows_[std::size_t(level) * rows_stride_];
    used_rows_.assign(level_rows, level_rows + rows_stride_);
    // Horizontal: cells x .. x + nx - 1 free, as runs of `span` at offsets 0, span, ... and
    // nx - span (overlapping the one before).
    for_each_row(level_rows, rows_stride_, [&](int y) {
        const std::uint64_t* run = level_row(level, y);
        std::uint64_t* out = &scratch_[std::size_t(y) * stride_];
        std::uint64_t any = 0;
        for (int i = 0; i < stride_; ++i) {
            std::uint64_t v = run[i];
            if (v) {
                for (int offset = span; offset < nx - span; offset += span)
                    v &= bits_from(run, stride_, i * 64 + offset);
                const int last = i * 64 + nx - span, word = last >> 6;  // past the row: none
                v &= word < stride_ ? shifted(run, word, last & 63) : 0;
            }
            out[i] = v;
            any |= v;
        }
        if (!any) used_rows_[std::size_t(y >> 6)] &= ~(std::uint64_t(1) << (y & 63));
    });
    // Vertical: rows y .. y + ny - 1 all fit, by doubling (row y + k is not yet updated).
    for (int done = 1; done < ny;) {
        const int k = std::min(done, ny - done);
        next_rows_.resize(used_rows_.size());
        for (int s = 0; s < rows_stride_; ++s)
            next_rows_[std::size_t(s)] =
                used_rows_[std::size_t(s)] & bits_from(used_rows_.data(), rows_stride_, s * 64 + k);
        for_each_row(next_rows_.data(), rows_stride_, [&](int y) {
            std::uint64_t* row = &scratch_[std::size_t(y) * stride_];
            const std::uint64_t* below = row + std::size_t(k) * stride_;
            std::uint64_t any = 0;
            for (int i = 0; i < stride_; ++i) any |= row[i] &= below[i];
            if (!any) next_rows_[std::size_t(y >> 6)] &= ~(std::uint64_t(1) << (y & 63));
        });
        used_rows_.swap(next_rows_);
        done += k;
    }
    std::size_t count = 0;
    for_each_row(used_rows_.data(), rows_stride_, [&](int y) {
        if (y + ny > height_) return;
        const std::uint64_t* row = &scratch_[std::size_t(y) * stride_];
        for (int i = 0; i < stride_; ++i)
            if (row[i]) count += std::size_t(bit_count(row[i]));
    });
    if (count == 0) failed_.push_back({nx, ny});
    return count;
}

bool FreeBoxes::sample(int nx, int ny, Rng& rng) const {
    if (nx < 1 || ny < 1 || nx > width_ || ny > height_ || known_to_fail(nx, ny)) return false;
    const int level = std::min(levels - 1, int(std::bit_width(unsigned(nx))) - 1);
    const int span = 1 << level;
    const auto free_run = [&](const std::uint64_t* run, int x) { return run[x >> 6] >> (x & 63) & 1; };
    // Runs of `span` free cells at x, x + nx - span and (past 2 span) the offsets between.
    const auto fits = [&](int x, int y) {
        for (int row = y; row < y + ny; ++row) {
            const std::uint64_t* run = level_row(level, row);
            if (!(free_run(run, x) & free_run(run, x + nx - span))) return false;
            for (int offset = span; offset < nx - span; offset += span)
                if (!free_run(run, x + offset)) return false;
        }
        return true;
    };
    // About as many tries as the full search has words to visit: a tenth of its cost or so.
    const int tries = std::max(256, stride_ * height_ / 2);
    const auto columns = std::uint64_t(width_ - nx + 1), rows = std::uint64_t(height_ - ny + 1);
    for (int i = 0; i < tries; ++i) {
        // Column and row from the two halves of one draw, by multiply and shift (no division).
        const std::uint64_t draw = rng.next();
        if (fits(int(((draw >> 32) * columns) >> 32), int(((draw & 0xFFFFFFFFULL) * rows) >> 32)))
            return true;
    }
    return false;
}

bool FreeBoxes::exists(int nx, int ny) const {
    Rng rng(std::uint64_t(nx) << 32 | std::uint64_t(ny));  // any fixed sequence will do
    return sample(nx, ny, rng) || fill_scratch(nx, ny) > 0;
}

bool FreeBoxes::pick(int nx, int ny, Rng& rng, int& cx, int& cy) const {
    const std::size_t count = fill_scratch(nx, ny);
    if (count == 0) return false;
    std::size_t pick = rng.below(count);
    bool found = false;
    // Row by row, word by word, like the count: the pick-th set bit.
    for_each_row(used_rows_.data(), rows_stride_, [&](int y) {
        if (found || y + ny > height_) return;
        const std::uint64_t* row = &scratch_[std::size_t(y) * stride_];
        for (int i = 0; i < stride_ && !found; ++i) {
            const auto n = std::size_t(bit_count(row[i]));
            if (pick >= n) {
                pick -= n;
                continue;
            }
            std::uint64_t v = row[i];
            for (; pick > 0; --pick) v &= v - 1;
            cx = i * 64 + std::countr_zero(v);
            cy = y;
            found = true;
        }
    });
    return found;
}

}  // namespace td::cloud
