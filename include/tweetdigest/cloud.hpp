#pragma once
// Word clouds: HarfBuzz-shaped, FreeType-rasterised words placed on an occupancy grid.

#include <tweetdigest/common.hpp>
#include <tweetdigest/export.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace td {

struct TD_API CloudWord {
    std::string text;
    double weight = 1;
    std::string kind;  // optional: "word", "phrase", "hashtag", "cashtag", "mention" (for colours)
};

// Reads "term<TAB>weight" lines; bad lines become diagnostics with their line number.
TD_API std::vector<CloudWord> read_cloud_words(const std::string& path,
                                               std::vector<Diagnostic>& diagnostics);

// Fonts by path (a .ttc face picked by language) with a fallback chain. Immutable; share it.
class TD_API FontSet {
public:
    struct FontSpec {
        std::string path;
        int face_index = -1;  // -1: choose the face matching `language` in a collection
    };
    // language: BCP-47 like "zh-Hans", "zh-Hant", "ja", "ko", "en".
    static std::shared_ptr<const FontSet> load(const std::vector<FontSpec>& fonts,
                                               const std::string& language = "zh-Hans");
    // The system's CJK + Latin fonts (fontconfig when available, else well-known paths).
    static std::shared_ptr<const FontSet> system_default(const std::string& language = "zh-Hans");

    std::vector<std::string> describe() const;  // "family style (path#face)" per font, in order
    ~FontSet();

    struct Impl;
    const Impl& impl() const noexcept { return *impl_; }

private:
    explicit FontSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

enum class Orientation { horizontal, rotated, upright_vertical };
enum class OrientationMode { horizontal_only, rotate, upright_vertical };
TD_API const char* to_string(Orientation orientation) noexcept;

struct TD_API Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

// How words get their colours: a seeded pick from the palette, a gradient over the palette by
// weight (heaviest = first colour), or one palette colour per CloudWord::kind.
enum class ColorMode { palette, by_weight, by_kind };

// "#rrggbb" or "#rrggbbaa" (hex digits in either case); nullopt for anything else.
TD_API std::optional<Rgba> parse_hex_color(std::string_view text);

struct TD_API CloudOptions {
    int width = 800;
    int height = 600;
    std::uint64_t seed = 1;
    OrientationMode orientation = OrientationMode::upright_vertical;
    double prefer_horizontal = 0.9;  // share of words kept horizontal when vertical is allowed
    double relative_scaling = 0.5;   // 0: size by rank only; 1: size proportional to weight
    int min_font_size = 4;
    int max_font_size = 0;           // 0: chosen from the canvas and the top word
    int margin = 2;                  // pixels kept free around each word
    std::size_t max_words = 200;
    Rgba background{255, 255, 255, 255};
    std::vector<Rgba> palette;       // empty: the built-in palette
    std::string mask_png;            // optional PNG: white (or transparent) pixels are forbidden
    ColorMode color_mode = ColorMode::palette;
    int contour_width = 0;           // with a mask: a line this wide around its allowed region
    Rgba contour_color{40, 40, 40, 255};
};

struct TD_API PlacedWord {
    std::string text;
    double weight = 0;
    int font_size = 0;
    int x = 0, y = 0;           // top-left of the word's box on the canvas
    int width = 0, height = 0;  // the box (ink bounds plus margin)
    Orientation orientation = Orientation::horizontal;
    Rgba color;
};

struct TD_API DroppedWord {
    std::string text;
    std::string reason;
};

struct TD_API CloudLayout {
    int width = 0, height = 0;
    std::vector<PlacedWord> words;
    std::vector<DroppedWord> dropped;
    std::vector<Diagnostic> diagnostics;
};

// Lays out the words (largest first). Deterministic for a given seed, fonts and options.
TD_API CloudLayout layout_cloud(const std::vector<CloudWord>& words, const FontSet& fonts,
                                const CloudOptions& options = {});

// An RGBA image of the layout.
struct TD_API Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4
};
TD_API Image render_cloud(const CloudLayout& layout, const FontSet& fonts,
                          const CloudOptions& options = {});

TD_API std::string encode_png(const Image& image);
TD_API Image decode_png(std::string_view png);  // for masks; throws Error(parse)
TD_API bool jpeg_supported() noexcept;
TD_API std::string encode_jpeg(const Image& image, int quality = 90);  // Error(unsupported) without libjpeg
// SVG with each word's glyph outlines as paths (FreeType's outlines, decomposed into
// M/L/Q/C commands), so it renders identically without the font and needs no font on the
// viewer's system. Each word is one <path> with an aria-label holding its text.
TD_API std::string render_svg(const CloudLayout& layout, const FontSet& fonts,
                              const CloudOptions& options = {});
TD_API std::string layout_to_json(const CloudLayout& layout);

// Writes PNG, JPEG or SVG by the file's extension, atomically (temporary file + rename).
TD_API void write_cloud_file(const std::string& path, const CloudLayout& layout,
                             const FontSet& fonts, const CloudOptions& options = {});

}  // namespace td
