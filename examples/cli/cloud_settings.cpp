#include "cloud_settings.hpp"

#include <algorithm>

namespace td::cli {

std::vector<OptionSpec> cloud_options() {
    return {
        {"width", "PX", "image width"},
        {"height", "PX", "image height"},
        {"seed", "N", "layout seed; the same seed gives the same image (default 1)"},
        {"font", "PATH", "font file (.ttf/.otf/.ttc; default: the system's CJK font)"},
        {"orientation", "MODE", "horizontal|rotate|upright (default upright: CJK set vertically)"},
        {"prefer-horizontal", "SHARE", "share of horizontal words (default 0.9)"},
        {"relative-scaling", "R", "0 sizes by rank, 1 by weight (default 0.5)"},
        {"min-font-size", "PX", "smallest font size (default 4)"},
        {"max-font-size", "PX", "largest font size (default: fitted to the canvas)"},
        {"max-words", "N", "words to place at most (default 200)"},
        {"margin", "PX", "free pixels around each word (default 2)"},
        {"mask", "PNG", "shape mask: white or transparent pixels stay empty"},
        {"contour", "PX", "with --mask: draw a line this wide around the shape"},
        {"colors", "MODE", "palette|weight|kind: seeded palette picks, a gradient by weight, or "
                           "one colour per term kind (default palette)"},
        {"palette", "LIST", "comma-separated #rrggbb colours"},
        {"background", "COLOR", "#rrggbb or #rrggbbaa (default white)"},
        {"transparent", "", "transparent background (PNG and SVG)"},
        {"font-language", "TAG", "face of a font collection: zh-Hans|zh-Hant|ja|ko (default: "
                                 "from the report language)"},
    };
}

namespace {

Rgba parse_color(const std::string& text, const char* option) {
    if (const auto color = parse_hex_color(text)) return *color;
    throw UsageError(std::string("--") + option + ": '" + text + "' is not #rrggbb or #rrggbbaa");
}

ColorMode parse_color_mode(const std::string& mode) {
    if (mode == "palette") return ColorMode::palette;
    if (mode == "weight") return ColorMode::by_weight;
    if (mode == "kind") return ColorMode::by_kind;
    throw UsageError("--colors must be palette, weight or kind");
}

}  // namespace

CloudOptions cloud_settings(const Arguments& args, int default_width, int default_height) {
    CloudOptions options;
    options.width = static_cast<int>(args.integer_or("width", default_width));
    options.height = static_cast<int>(args.integer_or("height", default_height));
    if (options.width <= 0 || options.height <= 0 || options.width > 16384 || options.height > 16384)
        throw UsageError("--width and --height must be between 1 and 16384");
    options.seed = static_cast<std::uint64_t>(args.integer_or("seed", 1));
    const std::string orientation = args.value_or("orientation", "upright");
    if (orientation == "horizontal")
        options.orientation = OrientationMode::horizontal_only;
    else if (orientation == "rotate")
        options.orientation = OrientationMode::rotate;
    else if (orientation == "upright")
        options.orientation = OrientationMode::upright_vertical;
    else
        throw UsageError("--orientation must be horizontal, rotate or upright");
    options.prefer_horizontal = args.number_or("prefer-horizontal", options.prefer_horizontal);
    options.relative_scaling = args.number_or("relative-scaling", options.relative_scaling);
    options.min_font_size = static_cast<int>(args.integer_or("min-font-size", options.min_font_size));
    options.max_font_size = static_cast<int>(args.integer_or("max-font-size", options.max_font_size));
    options.max_words = static_cast<std::size_t>(args.integer_or("max-words", 200));
    options.margin = static_cast<int>(args.integer_or("margin", options.margin));
    options.mask_png = args.value_or("mask", "");
    options.contour_width = static_cast<int>(args.integer_or("contour", 0));
    options.color_mode = parse_color_mode(args.value_or("colors", "palette"));
    if (const auto list = args.value("palette")) {
        std::size_t start = 0;
        while (start <= list->size()) {
            const std::size_t end = std::min(list->find(',', start), list->size());
            options.palette.push_back(parse_color(list->substr(start, end - start), "palette"));
            start = end + 1;
        }
    }
    if (const auto color = args.value("background")) options.background = parse_color(*color, "background");
    if (args.has("transparent")) options.background.a = 0;
    return options;
}

std::shared_ptr<const FontSet> load_fonts(const Arguments& args, const std::string& report_language) {
    const std::string language = args.value_or("font-language", report_language);
    if (const auto path = args.value("font")) return FontSet::load({{*path, -1}}, language);
    return FontSet::system_default(language);
}

}  // namespace td::cli
