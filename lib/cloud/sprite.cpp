#include "cloud/sprite.hpp"

#include <algorithm>
#include <bit>

namespace td::cloud {
namespace {

// row |= row shifted by k pixels towards higher and lower indices.
void smear_row(std::uint64_t* row, int stride, int k, std::vector<std::uint64_t>& tmp) {
    tmp.assign(row, row + stride);
    const int words = k / 64, bits = k % 64;
    for (int i = 0; i < stride; ++i) {
        std::uint64_t up = 0, down = 0;
        if (i - words >= 0) {
            up = tmp[i - words] << bits;
            if (bits && i - words - 1 >= 0) up |= tmp[i - words - 1] >> (64 - bits);
        }
        if (i + words < stride) {
            down = tmp[i + words] >> bits;
            if (bits && i + words + 1 < stride) down |= tmp[i + words + 1] << (64 - bits);
        }
        row[i] |= up | down;
    }
}

}  // namespace

void dilate(std::vector<std::uint64_t>& bits, int rows, int stride, int radius) {
    std::vector<std::uint64_t> tmp;
    for (int r = 0; r < rows; ++r)
        for (int done = 0; done < radius;) {
            const int k = std::min(done + 1, radius - done);
            smear_row(&bits[std::size_t(r) * stride], stride, k, tmp);
            done += k;
        }
    std::vector<std::uint64_t> before;
    for (int done = 0; done < radius;) {
        const int k = std::min(done + 1, radius - done);
        before = bits;
        for (int r = 0; r < rows; ++r) {
            std::uint64_t* row = &bits[std::size_t(r) * stride];
            if (r - k >= 0)
                for (int i = 0; i < stride; ++i) row[i] |= before[std::size_t(r - k) * stride + i];
            if (r + k < rows)
                for (int i = 0; i < stride; ++i) row[i] |= before[std::size_t(r + k) * stride + i];
        }
        done += k;
    }
}

Sprite make_sprite(const Coverage& coverage, int margin) {
    Sprite sprite;
    sprite.width = coverage.width + 2 * margin;
    sprite.height = coverage.height + 2 * margin;
    sprite.stride = (sprite.width + 63) / 64 + 1;
    sprite.ink.assign(std::size_t(sprite.stride) * sprite.height, 0);
    for (int r = 0; r < coverage.height; ++r) {
        std::uint64_t* row = &sprite.ink[std::size_t(r + margin) * sprite.stride];
        const std::uint8_t* source = &coverage.pixels[std::size_t(r) * coverage.width];
        for (int c = 0; c < coverage.width; ++c)
            if (source[c]) row[(c + margin) >> 6] |= std::uint64_t(1) << ((c + margin) & 63);
    }
    sprite.keep_out = sprite.ink;
    dilate(sprite.keep_out, sprite.height, sprite.stride, margin);
    std::vector<std::pair<int, int>> rows;
    for (int r = 0; r < sprite.height; ++r) {
        int bits = 0;
        for (int i = 0; i < sprite.stride; ++i)
            bits += std::popcount(sprite.keep_out[std::size_t(r) * sprite.stride + i]);
        if (bits) rows.emplace_back(-bits, r);
    }
    std::stable_sort(rows.begin(), rows.end());
    for (const auto& row : rows) sprite.test_order.push_back(row.second);
    return sprite;
}

}  // namespace td::cloud
