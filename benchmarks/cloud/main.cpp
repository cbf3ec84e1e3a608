// Word-cloud layout speed and quality on the word_cloud anchor's inputs.
// Usage: cloud_benchmark FREQS.tsv WIDTH HEIGHT SEED FONT FACE RUNS OUT_PREFIX
//   FACE: a face index of FONT, or -1 to pick the face for zh-Hans (Noto Sans CJK SC).
// Writes OUT_PREFIX.png / .svg / .json and prints one JSON line of measurements.
#include "metrics.hpp"

#include <tweetdigest/cloud.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

template <typename F>
double time_ms(F&& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 9) {
        std::fprintf(stderr, "usage: %s FREQS W H SEED FONT FACE RUNS OUT_PREFIX\n", argv[0]);
        return 2;
    }
    try {
        std::vector<td::Diagnostic> diagnostics;
        const std::vector<td::CloudWord> words = td::read_cloud_words(argv[1], diagnostics);
        td::CloudOptions options;
        options.width = std::atoi(argv[2]);
        options.height = std::atoi(argv[3]);
        options.seed = std::strtoull(argv[4], nullptr, 10);
        options.max_words = words.size();
        const auto fonts = td::FontSet::load({{argv[5], std::atoi(argv[6])}}, "zh-Hans");
        const int runs = std::max(1, std::atoi(argv[7]));
        const std::string prefix = argv[8];
        const double rss_before = peak_rss_mb();

        td::CloudLayout layout;
        std::vector<double> layout_ms, draw_ms, png_ms;
        td::Image image;
        std::string png;
        for (int i = 0; i < runs; ++i) {
            layout_ms.push_back(time_ms([&] { layout = td::layout_cloud(words, *fonts, options); }));
            draw_ms.push_back(time_ms([&] { image = td::render_cloud(layout, *fonts, options); }));
            png_ms.push_back(time_ms([&] { png = td::encode_png(image); }));
        }
        const double rss_peak = peak_rss_mb();
        std::ofstream(prefix + ".png", std::ios::binary) << png;
        std::ofstream(prefix + ".svg", std::ios::binary) << td::render_svg(layout, *fonts, options);
        std::ofstream(prefix + ".json", std::ios::binary) << td::layout_to_json(layout);

        const cloud_bench::InkCounts ink = cloud_bench::ink_counts(layout, *fonts);
        std::vector<double> weights, sizes;
        int vertical = 0, upright = 0;
        for (const td::PlacedWord& w : layout.words) {
            weights.push_back(w.weight);
            sizes.push_back(w.font_size);
            vertical += w.orientation != td::Orientation::horizontal;
            upright += w.orientation == td::Orientation::upright_vertical;
        }
        const double n = double(layout.words.size());
        std::printf(
            "{\"freqs\":\"%s\",\"width\":%d,\"height\":%d,\"seed\":%llu,\"font\":\"%s\","
            "\"n_input\":%zu,\"n_placed\":%zu,\"placement_rate\":%.4f,\"runs\":%d,"
            "\"layout_ms\":%.2f,\"layout_ms_min\":%.2f,\"draw_ms\":%.2f,\"png_ms\":%.2f,"
            "\"peak_rss_mb\":%.1f,\"rss_before_layout_mb\":%.1f,\"overlap_px\":%ld,"
            "\"clipped_px\":%ld,\"spearman\":%.4f,\"ink_coverage\":%.4f,\"vertical_fraction\":%.3f,"
            "\"upright_fraction\":%.3f,\"font_size_max\":%.0f,\"font_size_min\":%.0f,"
            "\"diagnostics\":%zu}\n",
            argv[1], options.width, options.height, static_cast<unsigned long long>(options.seed),
            fonts->describe()[0].c_str(), words.size(), layout.words.size(),
            n / double(words.size()), runs, median(layout_ms),
            *std::min_element(layout_ms.begin(), layout_ms.end()), median(draw_ms), median(png_ms),
            rss_peak, rss_before, ink.overlapping, ink.clipped,
            cloud_bench::spearman(weights, sizes), cloud_bench::ink_coverage(image),
            n ? vertical / n : 0, n ? upright / n : 0,
            sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end()),
            sizes.empty() ? 0 : *std::min_element(sizes.begin(), sizes.end()),
            layout.diagnostics.size());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cloud_benchmark: %s\n", e.what());
        return 1;
    }
    return 0;
}
