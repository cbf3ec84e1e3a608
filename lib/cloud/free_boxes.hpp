#pragma once
// Where a box of nx x ny free cells fits, answered for every position at once. Each cell row
// keeps a doubling table: at level k bit x is set when cells x .. x + 2^k - 1 are all free, so
// the positions where a run of nx free cells starts come from two shifted table words (a few
// past 64 cells) rather than from log(nx) erosion passes, and an update recomputes only the
// words a new word touched. Each level also keeps a bitmask of its non-zero rows, and the
// search visits only rows that can still hold a box. Cells only ever fill up, so a box size
// found not to fit is remembered and any box at least as large in both directions is
// answered at once. Whether a box fits anywhere is first asked of random positions.

#include "cloud/rng.hpp"

#include <cstdint>
#include <vector>

namespace td::cloud {

class FreeBoxes {
public:
    FreeBoxes(int width, int height);  // in cells; every cell starts occupied

    // Row `row`'s free cells as bits (bits past the width clear); words first_word ..
    // last_word changed. Cells may only become occupied.
    void set_row(int row, const std::uint64_t* free_bits, int first_word, int last_word);
    int stride() const noexcept { return stride_; }  // words a row of cells needs
    void forget_failures() { failed_.clear(); }      // for when cells became free again

    // Whether some position holds an nx x ny box of free cells.
    bool exists(int nx, int ny) const;
    // A seeded, uniformly chosen such position (in cells): the rng.below(count)-th in row-major
    // order, so one draw per pick.
    bool pick(int nx, int ny, Rng& rng, int& cx, int& cy) const;

private:
    static constexpr int levels = 7;  // runs of 1, 2, 4, ..., 64 cells
    // Table rows have a spare zero word past the width, for shifted reads without tests.
    std::size_t row_words() const noexcept { return std::size_t(stride_) + 1; }
    const std::uint64_t* level_row(int level, int row) const noexcept {
        return &table_[(std::size_t(level) * std::size_t(height_) + std::size_t(row)) * row_words()];
    }
    std::uint64_t* level_row(int level, int row) noexcept {
        return &table_[(std::size_t(level) * std::size_t(height_) + std::size_t(row)) * row_words()];
    }
    std::size_t fill_scratch(int nx, int ny) const;  // box starts into scratch_, their count
    bool sample(int nx, int ny, Rng& rng) const;     // random tries
    bool known_to_fail(int nx, int ny) const noexcept;

    int width_, height_, stride_, rows_stride_;
    std::vector<std::uint64_t> table_;  // [level][row][word]
    std::vector<std::uint64_t> rows_;   // [level][row / 64]: bit set for non-zero rows
    // The last search's box starts and their rows; rows not in used_rows_ are stale.
    mutable std::vector<std::uint64_t> scratch_, used_rows_, next_rows_;
    struct Size {
        int nx, ny;
    };
    mutable std::vector<Size> failed_;  // box sizes that found no room
};

}  // namespace td::cloud
