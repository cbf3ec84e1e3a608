#include "cloud/colors.hpp"
#include "cloud/mask.hpp"
#include "cloud/sizing.hpp"

#include <algorithm>
#include <cmath>

namespace td {
namespace {

using namespace cloud;

void require(bool ok, const char* message) {
    if (!ok) throw Error(Error::Code::invalid_argument, std::string("cloud options: ") + message);
}

void validate(const CloudOptions& o) {
    require(o.width >= 1 && o.width <= 16384 && o.height >= 1 && o.height <= 16384,
            "width and height must be between 1 and 16384");
    require(o.prefer_horizontal >= 0 && o.prefer_horizontal <= 1,
            "prefer_horizontal must be between 0 and 1");
    require(o.relative_scaling >= 0 && o.relative_scaling <= 1,
            "relative_scaling must be between 0 and 1");
    require(o.min_font_size >= 1 && o.min_font_size <= 4096, "min_font_size must be 1..4096");
    require(o.max_font_size >= 0 && o.max_font_size <= 4096, "max_font_size must be 0..4096");
    require(o.margin >= 0 && o.margin <= 1024, "margin must be 0..1024");
    require(o.contour_width >= 0 && o.contour_width <= 1024, "contour_width must be 0..1024");
}

Occupancy make_occupancy(const CloudOptions& options) {
    Occupancy occupancy(options.width, options.height);
    const std::vector<std::uint8_t> forbidden = forbidden_pixels(options);
    if (!forbidden.empty()) {
        for (int y = 0; y < options.height; ++y)
            for (int x = 0; x < options.width; ++x)
                if (forbidden[std::size_t(y) * options.width + x]) occupancy.forbid(x, y);
        occupancy.refresh_coarse();
    }
    return occupancy;
}

struct Candidate {
    const CloudWord* word;
    double relative;  // weight / heaviest weight
};

}  // namespace

CloudLayout layout_cloud(const std::vector<CloudWord>& words, const FontSet& fonts,
                         const CloudOptions& options) {
    validate(options);
    CloudLayout layout;
    layout.width = options.width;
    layout.height = options.height;

    std::vector<const CloudWord*> valid;
    for (const CloudWord& word : words) {
        if (word.text.empty())
            layout.dropped.push_back({word.text, "empty text"});
        else if (!(word.weight > 0) || !std::isfinite(word.weight))
            layout.dropped.push_back({word.text, "weight is not a positive number"});
        else
            valid.push_back(&word);
    }
    std::stable_sort(valid.begin(), valid.end(),
                     [](const CloudWord* a, const CloudWord* b) { return a->weight > b->weight; });
    for (std::size_t i = options.max_words; i < valid.size(); ++i)
        layout.dropped.push_back(
            {valid[i]->text, "beyond max_words (" + std::to_string(options.max_words) + ")"});
    if (valid.size() > options.max_words) valid.resize(options.max_words);
    if (valid.empty()) return layout;

    std::vector<Candidate> candidates;
    for (const CloudWord* word : valid) candidates.push_back({word, word->weight / valid[0]->weight});

    FontSession session(fonts);
    Occupancy occupancy = make_occupancy(options);
    const Placer placer(options.width, options.height);
    Rng rng(options.seed);
    const std::vector<Rgba> palette = palette_of(options);
    const int min_size = options.min_font_size;
    const double rs = options.relative_scaling;

    int max_size = options.max_font_size;
    if (max_size == 0) {
        std::vector<Diagnostic> ignored;  // reported again when the words are placed
        WordCache first(session, candidates[0].word->text, options.margin, ignored);
        std::optional<WordCache> second;
        if (candidates.size() > 1)
            second.emplace(session, candidates[1].word->text, options.margin, ignored);
        Rng trial_rng(options.seed ^ 0xA5A5A5A5ULL);
        max_size = trial_max_font_size(occupancy, placer, first, second ? &*second : nullptr,
                                       candidates.size() > 1 ? candidates[1].relative : 1,
                                       options, trial_rng);
    }
    max_size = std::max(max_size, min_size);

    double size_goal = max_size;
    double last_relative = 1;
    for (const Candidate& candidate : candidates) {
        const CloudWord& word = *candidate.word;
        if (rs != 0) size_goal *= rs * candidate.relative / last_relative + (1 - rs);
        size_goal = std::clamp(size_goal, double(min_size), double(max_size));
        Orientation preferred = Orientation::horizontal, other = Orientation::horizontal;
        if (options.orientation != OrientationMode::horizontal_only) {
            other = options.orientation == OrientationMode::upright_vertical && cjk_dominant(word.text)
                        ? Orientation::upright_vertical
                        : Orientation::rotated;
            if (rng.uniform() >= options.prefer_horizontal) std::swap(preferred, other);
        }
        const bool try_other = other != preferred;
        WordCache cache(session, word.text, options.margin, layout.diagnostics);
        if (!cache.shape(preferred).has_ink) {
            layout.dropped.push_back({word.text, "no font has glyphs for it"});
            continue;
        }
        bool placed = false;
        int size = int(std::lround(size_goal));
        int failed_sizes = 0;
        while (size >= min_size && !placed) {
            // Like word_cloud: the other orientation is tried at the first size only.
            for (int attempt = 0; attempt < (try_other && failed_sizes == 0 ? 2 : 1); ++attempt) {
                const Orientation orientation = attempt == 0 ? preferred : other;
                if (cache.estimated_width(size, orientation) * 0.85 > options.width ||
                    cache.estimated_height(size, orientation) * 0.85 > options.height)
                    continue;
                const Sprite& sprite = cache.sprite(size, orientation);
                int x = 0, y = 0;
                if (sprite.width == 0 || !placer.find_position(occupancy, sprite, rng, x, y))
                    continue;
                occupancy.add(sprite, x, y);
                PlacedWord out;
                out.text = word.text;
                out.weight = word.weight;
                out.font_size = size;
                out.x = x;
                out.y = y;
                out.width = sprite.width;
                out.height = sprite.height;
                out.orientation = orientation;
                out.color = word_color(options, palette, word, candidate.relative, rng);
                layout.words.push_back(std::move(out));
                placed = true;
                break;
            }
            if (placed) break;
            // After three sizes fail, skip to the largest size whose whole box still fits
            // somewhere: the sizes in between could only nestle, and rarely do.
            if (++failed_sizes >= 3 && size - 1 > min_size)
                size = largest_fitting_size(occupancy, cache, preferred, min_size, size - 1) + 1;
            --size;
        }
        if (!placed) {
            layout.dropped.push_back({word.text, "no room left at min_font_size " +
                                                     std::to_string(min_size)});
            size_goal = min_size;
            continue;
        }
        if (size < std::lround(size_goal)) size_goal = size;
        last_relative = candidate.relative;
    }
    return layout;
}

const char* to_string(Orientation orientation) noexcept {
    switch (orientation) {
    case Orientation::horizontal: return "horizontal";
    case Orientation::rotated: return "rotated";
    case Orientation::upright_vertical: return "upright_vertical";
    }
    return "horizontal";
}

}  // namespace td
