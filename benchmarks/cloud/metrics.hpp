#pragma once
// Quality measures of a layout, the same as the word_cloud anchor's (anchor.py).

#include <tweetdigest/cloud.hpp>

#include <vector>

namespace cloud_bench {

struct InkCounts {
    long overlapping = 0;  // pixels inked by two or more words, each word rasterised alone
    long clipped = 0;      // ink outside the canvas
};
InkCounts ink_counts(const td::CloudLayout& layout, const td::FontSet& fonts);

// Spearman's rho with average ranks for ties, like anchor.py.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// Share of pixels that are not pure white.
double ink_coverage(const td::Image& image);

}  // namespace cloud_bench
