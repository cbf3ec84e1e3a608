#include "cloud/colors.hpp"

#include "common/resources.hpp"

#include <algorithm>
#include <cmath>

namespace td::cloud {
namespace {

std::uint8_t mix(std::uint8_t a, std::uint8_t b, double t) {
    return std::uint8_t(std::lround(a + (b - a) * t));
}

std::size_t kind_slot(const std::string& kind) {
    static constexpr const char* known[] = {"word", "phrase", "hashtag", "cashtag", "mention"};
    for (std::size_t i = 0; i < std::size(known); ++i)
        if (kind == known[i]) return i;
    std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a: the same slot on every run
    for (unsigned char c : kind) hash = (hash ^ c) * 1099511628211ULL;
    return std::size(known) + std::size_t(hash % 251);
}

}  // namespace


std::vector<Rgba> default_palette() {
    std::vector<Rgba> palette;
    const std::string_view text = resources::get("cloud/palette.txt");
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (const auto color = parse_hex_color(line)) palette.push_back(*color);
        start = end + 1;
    }
    if (palette.empty()) palette.push_back({0, 0, 0, 255});
    return palette;
}

std::vector<Rgba> palette_of(const CloudOptions& options) {
    return options.palette.empty() ? default_palette() : options.palette;
}

Rgba word_color(const CloudOptions& options, const std::vector<Rgba>& palette,
                const CloudWord& word, double relative_weight, Rng& rng) {
    switch (options.color_mode) {
    case ColorMode::by_weight: {
        if (palette.size() == 1) return palette[0];
        const double t = std::clamp(1.0 - relative_weight, 0.0, 1.0) * double(palette.size() - 1);
        const auto i = std::min(std::size_t(t), palette.size() - 2);
        const double f = t - double(i);
        const Rgba a = palette[i], b = palette[i + 1];
        return {mix(a.r, b.r, f), mix(a.g, b.g, f), mix(a.b, b.b, f), mix(a.a, b.a, f)};
    }
    case ColorMode::by_kind:
        return palette[kind_slot(word.kind) % palette.size()];
    case ColorMode::palette:
        break;
    }
    return palette[rng.below(palette.size())];
}

}  // namespace td::cloud

namespace td {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<Rgba> parse_hex_color(std::string_view text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    std::uint8_t channels[4] = {0, 0, 0, 255};
    for (std::size_t i = 1, c = 0; i < text.size(); i += 2, ++c) {
        const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        channels[c] = std::uint8_t(hi * 16 + lo);
    }
    return Rgba{channels[0], channels[1], channels[2], channels[3]};
}

}  // namespace td
