#include "cloud/sprite.hpp"

#include "cloud/bits.hpp"

#include <algorithm>

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

namespace {

// Any radius: log(radius) smears a direction.
void dilate_doubling(std::vector<std::uint64_t>& bits, int rows, int stride, int radius) {
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

// Small radii (a word's margin): each shift applied directly, one pass a direction.
void dilate_small(std::vector<std::uint64_t>& bits, int rows, int stride, int radius) {
    std::vector<std::uint64_t> source(bits);
    for (int r = 0; r < rows; ++r) {
        const std::uint64_t* in = &source[std::size_t(r) * stride];
        std::uint64_t* out = &bits[std::size_t(r) * stride];
        for (int i = 0; i < stride; ++i) {
            const std::uint64_t w = in[i], previous = i ? in[i - 1] : 0;
            const std::uint64_t next = i + 1 < stride ? in[i + 1] : 0;
            if (!(w | previous | next)) continue;
            std::uint64_t v = w;
            for (int d = 1; d <= radius; ++d)
                v |= w << d | previous >> (64 - d) | w >> d | next << (64 - d);
            out[i] = v;
        }
    }
    source = bits;
    for (int r = 0; r < rows; ++r) {
        std::uint64_t* out = &bits[std::size_t(r) * stride];
        for (int d = -radius; d <= radius; ++d) {
            if (d == 0 || r + d < 0 || r + d >= rows) continue;
            const std::uint64_t* in = &source[std::size_t(r + d) * stride];
            for (int i = 0; i < stride; ++i) out[i] |= in[i];
        }
    }
}

}  // namespace

void dilate(std::vector<std::uint64_t>& bits, int rows, int stride, int radius) {
    if (radius <= 0) return;
    if (radius <= 8)
        dilate_small(bits, rows, stride, radius);
    else
        dilate_doubling(bits, rows, stride, radius);
}

Sprite make_sprite(InkBits ink, int margin) {
    Sprite sprite;
    sprite.width = ink.width + 2 * margin;
    sprite.height = ink.height + 2 * margin;
    sprite.stride = ink.stride;
    sprite.ink = std::move(ink.bits);
    sprite.keep_out = sprite.ink;
    dilate(sprite.keep_out, sprite.height, sprite.stride, margin);
    std::vector<std::pair<int, int>> rows;
    sprite.first_word.assign(std::size_t(sprite.height), sprite.stride);
    sprite.last_word.assign(std::size_t(sprite.height), -1);
    for (int r = 0; r < sprite.height; ++r) {
        int bits = 0;
        for (int i = 0; i < sprite.stride; ++i) {
            const std::uint64_t v = sprite.keep_out[std::size_t(r) * sprite.stride + i];
            if (!v) continue;
            bits += bit_count(v);
            if (bit_count(v) > bit_count(sprite.probe)) {
                sprite.probe = v;
                sprite.probe_row = r;
                sprite.probe_word = i;
            }
            sprite.first_word[std::size_t(r)] = std::min(sprite.first_word[std::size_t(r)], i);
            sprite.last_word[std::size_t(r)] = i;
        }
        if (bits) rows.emplace_back(-bits, r);
    }
    std::stable_sort(rows.begin(), rows.end());
    for (const auto& row : rows) sprite.test_order.push_back(row.second);
    return sprite;
}

}  // namespace td::cloud
