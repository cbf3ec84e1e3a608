#include "cloud_test_support.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

using namespace td_cloud_test;
namespace fs = std::filesystem;

namespace {

td::CloudOptions small() {
    td::CloudOptions options;
    options.width = 400;
    options.height = 300;
    options.seed = 3;
    return options;
}

}  // namespace

TEST_CASE("render_cloud draws every word's ink in its colour over the background") {
    if (!have_noto_cjk()) return;
    const td::CloudOptions options = small();
    const td::CloudLayout layout = td::layout_cloud(mixed_words(40), *fonts_sc(), options);
    const td::Image image = td::render_cloud(layout, *fonts_sc(), options);
    CHECK(image.width == 400);
    CHECK(image.height == 300);
    CHECK(ink_pixels(image, options.background) == check_ink(layout, *fonts_sc()).inked);
}

TEST_CASE("transparent background: alpha 0 outside the words, RGBA PNG") {
    if (!have_noto_cjk()) return;
    td::CloudOptions options = small();
    options.background = {255, 255, 255, 0};
    const td::CloudLayout layout = td::layout_cloud(mixed_words(20), *fonts_sc(), options);
    const td::Image image = td::render_cloud(layout, *fonts_sc(), options);
    CHECK(image.rgba[3] == 0);
    const std::string png = td::encode_png(image);
    CHECK(png[25] == 6);
    const std::string svg = td::render_svg(layout, *fonts_sc(), options);
    CHECK(svg.find("<rect") == std::string::npos);
}

TEST_CASE("colour modes: palette, by weight, by kind") {
    if (!have_noto_cjk()) return;
    td::CloudOptions options = small();
    options.palette = {{200, 0, 0, 255}, {0, 0, 200, 255}, {0, 150, 0, 255}, {9, 9, 9, 255}};
    options.color_mode = td::ColorMode::by_weight;
    std::vector<td::CloudWord> words = {{"大", 10, "word"}, {"中", 5, "hashtag"}, {"小", 0.001, "word"}};
    td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
    REQUIRE(layout.words.size() == 3);
    CHECK(layout.words[0].color.r == 200);
    CHECK(layout.words[2].color.r <= 10);  // the far end of the gradient
    options.color_mode = td::ColorMode::by_kind;
    layout = td::layout_cloud(words, *fonts_sc(), options);
    CHECK(layout.words[0].color.r == layout.words[2].color.r);
    CHECK((layout.words[0].color.g != layout.words[1].color.g ||
           layout.words[0].color.b != layout.words[1].color.b));
    options.palette.clear();
    options.color_mode = td::ColorMode::palette;
    layout = td::layout_cloud(words, *fonts_sc(), options);
    for (const auto& w : layout.words) CHECK(w.color.a == 255);  // from resources/cloud/palette.txt
}

TEST_CASE("SVG: glyph outlines as paths inside each word's box, no text or fonts") {
    if (!have_noto_cjk()) return;
    const td::CloudOptions options = small();
    const td::CloudLayout layout = td::layout_cloud(mixed_words(30), *fonts_sc(), options);
    const std::string svg = td::render_svg(layout, *fonts_sc(), options);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<text") == std::string::npos);
    CHECK(svg.find("font-family") == std::string::npos);
    std::size_t paths = 0;
    for (std::size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1))
        ++paths;
    CHECK(paths == layout.words.size());
    // Every coordinate of the first word's path lies in its box (on-curve and control points).
    const std::size_t start = svg.find(" d=\"", svg.find("<path")) + 4;
    const std::string d = svg.substr(start, svg.find('"', start) - start);
    const std::regex pair(R"((-?[0-9.]+) (-?[0-9.]+))");
    const td::PlacedWord& w = layout.words[0];
    int checked = 0;
    for (auto it = std::sregex_iterator(d.begin(), d.end(), pair); it != std::sregex_iterator(); ++it) {
        const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
        CHECK(x >= w.x - 1);
        CHECK(x <= w.x + w.width + 1);
        CHECK(y >= w.y - 1);
        CHECK(y <= w.y + w.height + 1);
        ++checked;
    }
    CHECK(checked > 10);
}

TEST_CASE("layout JSON: words with box, orientation and colour; dropped; diagnostics") {
    if (!have_noto_cjk()) return;
    td::CloudOptions options = small();
    options.max_words = 10;
    const td::CloudLayout layout = td::layout_cloud(mixed_words(12), *fonts_sc(), options);
    const boost::json::object root = boost::json::parse(td::layout_to_json(layout)).as_object();
    CHECK(root.at("width").as_int64() == 400);
    const auto& words = root.at("words").as_array();
    REQUIRE(words.size() == layout.words.size());
    const auto& first = words[0].as_object();
    CHECK(first.at("text").as_string() == layout.words[0].text);
    for (const char* key : {"font_size", "x", "y", "width", "height", "orientation", "color", "box", "weight"})
        CHECK(first.contains(key));
    CHECK(root.at("dropped").as_array().size() == 2);
    CHECK(root.contains("diagnostics"));
}

TEST_CASE("write_cloud_file picks PNG, JPEG or SVG by extension, atomically") {
    if (!have_noto_cjk()) return;
    const td::CloudOptions options = small();
    const td::CloudLayout layout = td::layout_cloud(mixed_words(20), *fonts_sc(), options);
    const fs::path dir = td_test::output_dir() / "files";
    fs::remove_all(dir);
    fs::create_directories(dir);
    td::write_cloud_file((dir / "c.png").string(), layout, *fonts_sc(), options);
    CHECK(td::decode_png(td_test::read_file(dir / "c.png")).width == 400);
    td::write_cloud_file((dir / "c.SVG").string(), layout, *fonts_sc(), options);
    CHECK(td_test::read_file(dir / "c.SVG").find("<svg") != std::string::npos);
    if (td::jpeg_supported()) {
        td::write_cloud_file((dir / "c.jpg").string(), layout, *fonts_sc(), options);
        CHECK(td_test::read_file(dir / "c.jpg").substr(0, 2) == "\xFF\xD8");
    }
    CHECK_THROWS_AS(td::write_cloud_file((dir / "c.gif").string(), layout, *fonts_sc(), options),
                    td::Error);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    CHECK(files == (td::jpeg_supported() ? 3u : 2u));  // no temporary files left behind
    CHECK(std::string(td::to_string(td::Orientation::upright_vertical)) == "upright_vertical");
}
