#include "metrics.hpp"

#include "cloud/font_session.hpp"
#include "cloud/word_ink.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cloud_bench {

InkCounts ink_counts(const td::CloudLayout& layout, const td::FontSet& fonts) {
    InkCounts counts;
    std::vector<std::uint8_t> hits(std::size_t(layout.width) * layout.height, 0);
    td::cloud::FontSession session(fonts);
    for (const td::PlacedWord& word : layout.words) {
        const td::cloud::WordInk ink = td::cloud::word_ink(session, word);
        for (int r = 0; r < ink.coverage.height; ++r)
            for (int c = 0; c < ink.coverage.width; ++c) {
                if (!ink.coverage.pixels[std::size_t(r) * ink.coverage.width + c]) continue;
                const int x = ink.x + c, y = ink.y + r;
                if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) {
                    ++counts.clipped;
                    continue;
                }
                if (hits[std::size_t(y) * layout.width + x]++ == 1) ++counts.overlapping;
            }
    }
    return counts;
}

namespace {

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = double(i + j) / 2 + 1;
        i = j + 1;
    }
    return r;
}

}  // namespace

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() < 2) return 1;
    const std::vector<double> rx = ranks(x), ry = ranks(y);
    const double n = double(x.size());
    const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n;
    const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 1;
}

double ink_coverage(const td::Image& image) {
    long ink = 0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        if (image.rgba[i] != 255 || image.rgba[i + 1] != 255 || image.rgba[i + 2] != 255) ++ink;
    return double(ink) / (double(image.width) * image.height);
}

}  // namespace cloud_bench
