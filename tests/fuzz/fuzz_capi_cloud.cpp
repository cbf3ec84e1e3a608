// The C ABI's word clouds on fuzzed JSON: td_fonts_load (font options; font files may hold the
// input's bytes), td_fonts_describe, td_cloud_layout (words JSON and cloud options; the mask
// PNG may hold the input's bytes), td_cloud_layout_json and td_cloud_encode (PNG, SVG, JPEG or
// an unknown format).
// Input: a flags byte, then 0x1E-separated parts: font options JSON, words JSON, cloud options
// JSON, and the contents of the file a "mask_png" or font "path" may name (the rest).
// Canvases, word counts and font sizes are clamped small so each run stays fast.

#include "fuzz_capi.hpp"

#include <algorithm>

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

constexpr std::int64_t max_side = 128, max_words = 24, max_font_size = 64;

// The path of a font in the default chain, from its "family style (path#face)" description.
std::string font_path(std::string_view description) {
    const std::size_t open = description.rfind(" (");
    const std::size_t hash = description.rfind('#');
    if (open == std::string_view::npos || hash == std::string_view::npos || hash < open) return {};
    return std::string(description.substr(open + 2, hash - open - 2));
}

struct Fixtures {
    td_fonts* fonts = nullptr;  // the system default, kept for the process
    std::string small_font;     // the smallest file of the default chain
    std::string fuzzed = capi::scratch_path("fuzzed-file");
    std::string mask = capi::scratch_path("mask.png");
    std::string missing = capi::scratch_path("no-such-file.png");
    std::string folder = capi::scratch_dir().string();

    Fixtures() {
        if (td_fonts_load(nullptr, 0, &fonts) != TD_OK) capi::fixture_failed("td_fonts_load");
        capi::Buffer out;
        if (!out.check("td_fonts_describe", td_fonts_describe(fonts, out.out(), out.out_len()), {}))
            capi::fixture_failed("td_fonts_describe");
        std::uintmax_t smallest = UINTMAX_MAX;
        const json::value described = json::parse(out.view());
        for (const json::value& item : described.as_array()) {
            const std::string path = font_path(item.as_string());
            std::error_code error;
            const std::uintmax_t size = std::filesystem::file_size(path, error);
            if (!error && size < smallest) smallest = size, small_font = path;
        }
        if (small_font.empty()) capi::fail("fixture", "no font file in td_fonts_describe: " + std::string(out.view()));

        // A real PNG for masks: a tiny cloud, encoded.
        capi::Cloud cloud;
        const char* words = R"([{"text": "mask", "weight": 2}, {"text": "云", "weight": 1}])";
        if (td_cloud_layout(fonts, words, TD_NUL_TERMINATED, R"({"width": 32, "height": 24})", TD_NUL_TERMINATED,
                            cloud.out()) != TD_OK)
            capi::fixture_failed("td_cloud_layout");
        if (td_cloud_encode(cloud.get(), TD_IMAGE_PNG, out.out(), out.out_len()) != TD_OK)
            capi::fixture_failed("td_cloud_encode");
        capi::write_file(mask, out.view());
    }
};

const Fixtures& fixtures() {
    static const Fixtures f;
    return f;
}

bool fix_font_options(json::object& options) {
    const Fixtures& f = fixtures();
    json::value* fonts = capi::find(options, "fonts");
    if (!fonts) {  // not the system discovery on every run: it is loaded once, above
        options["fonts"] = json::array{json::object{{"path", f.small_font}}};
        return true;
    }
    if (!fonts->is_array()) return false;
    json::array& list = fonts->as_array();
    bool changed = false;
    if (list.size() > 3) list.resize(3), changed = true;
    for (json::value& item : list)
        if (item.is_object())
            changed = capi::map_path(item.as_object(), "path", {f.small_font, f.fuzzed, f.missing, f.folder}) || changed;
    return changed;
}

bool fix_cloud_options(json::object& options) {
    const Fixtures& f = fixtures();
    bool changed = capi::cap_integer(options, "width", 1, 16384, max_side);
    changed = capi::cap_integer(options, "height", 1, 16384, max_side) || changed;
    changed = capi::cap_integer(options, "max_words", 0, INT32_MAX, max_words) || changed;
    changed = capi::cap_integer(options, "min_font_size", 1, 4096, max_font_size, false) || changed;
    changed = capi::cap_integer(options, "max_font_size", 0, 4096, max_font_size, false) || changed;
    changed = capi::cap_integer(options, "margin", 0, 1024, 8, false) || changed;
    changed = capi::cap_integer(options, "contour_width", 0, 1024, 4, false) || changed;
    return capi::map_path(options, "mask_png", {f.fuzzed, f.mask, f.missing, f.folder}) || changed;
}

// At most max_words words are given.
std::string fix_words(std::string_view text) {
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    if (error || !value.is_array() || value.as_array().size() <= std::size_t(max_words)) return std::string(text);
    value.as_array().resize(std::size_t(max_words));
    return json::serialize(value);
}

void check_layout(const td_cloud* cloud) {
    capi::Buffer out;
    const json::value layout = out.check_json(
        "td_cloud_layout_json", td_cloud_layout_json(cloud, out.out(), out.out_len()), documented::cloud_layout_json);
    if (layout.is_null()) return;
    const json::object& l = layout.as_object();
    const double width = l.at("width").to_number<double>(), height = l.at("height").to_number<double>();
    if (width < 1 || width > max_side || height < 1 || height > max_side)
        capi::fail("td_cloud_layout_json", "canvas " + std::to_string(width) + "x" + std::to_string(height));
    for (const json::value& item : l.at("words").as_array()) {
        const json::object& w = item.as_object();
        const double x = w.at("x").to_number<double>(), y = w.at("y").to_number<double>();
        if (x < 0 || y < 0 || x + w.at("width").to_number<double>() > width ||
            y + w.at("height").to_number<double>() > height)
            capi::fail("td_cloud_layout_json", "a word outside the canvas: " + json::serialize(item));
    }
}

void encode(const td_cloud* cloud, std::uint8_t which) {
    const td_image_format format = which == 0 ? TD_IMAGE_PNG
                                   : which == 1 ? TD_IMAGE_SVG
                                   : which == 2 ? TD_IMAGE_JPEG
                                                : static_cast<td_image_format>(3);  // no such format
    capi::Buffer out;
    const td_status status = td_cloud_encode(cloud, format, out.out(), out.out_len());
    if (which == 3 && status != TD_ERR_INVALID_ARGUMENT) capi::fail("td_cloud_encode", "unknown format accepted");
    if (which == 2 && (status == TD_ERR_UNSUPPORTED) != (td_jpeg_supported() == 0))
        capi::fail("td_cloud_encode", "JPEG support differs from td_jpeg_supported()");
    if (!out.check("td_cloud_encode", status, documented::cloud_encode)) return;
    const std::string_view bytes = out.view();
    const bool looks_right = which == 0   ? bytes.starts_with("\x89PNG\r\n\x1a\n")
                             : which == 1 ? bytes.find("<svg") != std::string_view::npos
                                          : bytes.starts_with("\xFF\xD8");
    if (!looks_right) capi::fail("td_cloud_encode", "output is not the image format asked for");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Fixtures& f = fixtures();
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view font_options = td_fuzz::take_part(input);
    const std::string_view words = td_fuzz::take_part(input);
    const std::string_view cloud_options = td_fuzz::take_part(input);
    const std::string_view file = input;
    const std::uint8_t format = flags & 3, mode = (flags >> 2) & 3;
    td_clear_error();
    capi::write_file(f.fuzzed, file);

    // Fonts from the options when flagged, else the default chain.
    capi::Fonts loaded;
    const td_fonts* fonts = f.fonts;
    if (flags & 0x10) {
        const std::string options = capi::rewrite_object(capi::effective(font_options, mode), fix_font_options);
        const capi::Text arg(options, mode);
        if (loaded.check("td_fonts_load", td_fonts_load(arg.data(), arg.len(), loaded.out()), documented::fonts_load)) {
            capi::Buffer out;
            const json::value names = out.check_json(
                "td_fonts_describe", td_fonts_describe(loaded.get(), out.out(), out.out_len()), documented::fonts_describe);
            if (!names.is_null() && (!names.is_array() || names.as_array().empty()))
                capi::fail("td_fonts_describe", "not a non-empty array");
            fonts = loaded.get();
        }
    }

    const std::uint8_t words_mode = (flags >> 5) & 3;
    const std::string words_text = fix_words(capi::effective(words, words_mode));
    const std::string options = capi::rewrite_object(capi::effective(cloud_options, mode), fix_cloud_options);
    // Without an options document the defaults (800x600, 200 words) would apply: give small ones.
    const std::string small = R"({"width": 64, "height": 48, "max_words": 12})";
    const capi::Text words_arg(words_text, words_mode);
    const capi::Text options_arg(capi::effective(cloud_options, mode).empty() ? small : options, mode == 2 ? 0 : mode);
    capi::Cloud cloud;
    const td_status status =
        td_cloud_layout(fonts, words_arg.data(), words_arg.len(), options_arg.data(), options_arg.len(), cloud.out());
    if (!cloud.check("td_cloud_layout", status, documented::cloud_layout)) return 0;
    check_layout(cloud.get());
    if (flags & 0x80) encode(cloud.get(), format);
    return 0;
}
