#include "cloud_test_support.hpp"
#include "test_support.hpp"

#include "cloud/mask.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace td_cloud_test;

namespace {

td::CloudOptions canvas(int w, int h, td::OrientationMode mode = td::OrientationMode::upright_vertical) {
    td::CloudOptions options;
    options.width = w;
    options.height = h;
    options.orientation = mode;
    return options;
}

void check_complete(const td::CloudLayout& layout, std::size_t requested, const td::CloudOptions& o) {
    CHECK(layout.words.size() + layout.dropped.size() == requested);
    for (const td::PlacedWord& w : layout.words) {
        CHECK(w.x >= 0);
        CHECK(w.y >= 0);
        CHECK(w.x + w.width <= o.width);
        CHECK(w.y + w.height <= o.height);
    }
}

}  // namespace

TEST_CASE("200 mixed words: all placed, no shared ink, nothing clipped, in every mode") {
    if (!have_noto_cjk()) return;
    const auto words = mixed_words(200);
    for (const auto mode : {td::OrientationMode::horizontal_only, td::OrientationMode::rotate,
                            td::OrientationMode::upright_vertical}) {
        const td::CloudOptions options = canvas(800, 600, mode);
        const td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
        check_complete(layout, words.size(), options);
        CHECK(layout.words.size() == 200);
        const InkCheck ink = check_ink(layout, *fonts_sc());
        CHECK(ink.overlapping == 0);
        CHECK(ink.clipped == 0);
        CHECK(ink.inked > 800 * 600 / 5);
        int upright = 0, rotated = 0;
        for (const td::PlacedWord& w : layout.words) {
            upright += w.orientation == td::Orientation::upright_vertical;
            rotated += w.orientation == td::Orientation::rotated;
            if (mode == td::OrientationMode::horizontal_only)
                CHECK(w.orientation == td::Orientation::horizontal);
            if (w.orientation == td::Orientation::upright_vertical)
                CHECK(w.text.find("Claude") == std::string::npos);  // only CJK-dominant words
        }
        if (mode == td::OrientationMode::upright_vertical) CHECK(upright > 0);
        if (mode == td::OrientationMode::rotate) CHECK(upright == 0);
        if (mode != td::OrientationMode::horizontal_only) CHECK(rotated > 0);
        if (mode == td::OrientationMode::upright_vertical)
            td::write_file_atomically((td_test::output_dir() / "cloud_upright.png").string(),
                                      td::encode_png(td::render_cloud(layout, *fonts_sc(), options)));
    }
}

TEST_CASE("font sizes follow the weights; the largest fits the canvas") {
    if (!have_noto_cjk()) return;
    const td::CloudLayout layout = td::layout_cloud(mixed_words(120), *fonts_sc(), canvas(800, 600));
    REQUIRE(layout.words.size() == 120);
    for (std::size_t i = 1; i < layout.words.size(); ++i)
        CHECK(layout.words[i].font_size <= layout.words[i - 1].font_size);
    CHECK(layout.words.front().font_size > 60);
    CHECK(layout.words.back().font_size >= 4);

    td::CloudOptions fixed = canvas(800, 600);
    fixed.max_font_size = 50;
    fixed.relative_scaling = 1;
    const td::CloudLayout proportional = td::layout_cloud(mixed_words(5), *fonts_sc(), fixed);
    REQUIRE(proportional.words.size() == 5);
    CHECK(proportional.words[0].font_size == 50);
    CHECK(std::abs(proportional.words[1].font_size - 25) <= 1);  // weight 1/2
}

TEST_CASE("the same seed gives byte-identical output; another seed another layout") {
    if (!have_noto_cjk()) return;
    const auto words = mixed_words(80);
    td::CloudOptions options = canvas(500, 400);
    options.seed = 7;
    const td::CloudLayout a = td::layout_cloud(words, *fonts_sc(), options);
    const td::CloudLayout b = td::layout_cloud(words, *fonts_sc(), options);
    CHECK(td::layout_to_json(a) == td::layout_to_json(b));
    CHECK(td::encode_png(td::render_cloud(a, *fonts_sc(), options)) ==
          td::encode_png(td::render_cloud(b, *fonts_sc(), options)));
    CHECK(td::render_svg(a, *fonts_sc(), options) == td::render_svg(b, *fonts_sc(), options));
    options.seed = 8;
    CHECK(td::layout_to_json(td::layout_cloud(words, *fonts_sc(), options)) != td::layout_to_json(a));
}

TEST_CASE("a full canvas drops words with a reason; every word is accounted for") {
    if (!have_noto_cjk()) return;
    const auto words = mixed_words(150);
    td::CloudOptions options = canvas(120, 80);
    options.min_font_size = 10;
    const td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
    check_complete(layout, words.size(), options);
    CHECK(!layout.dropped.empty());
    CHECK(layout.dropped.back().reason.find("min_font_size") != std::string::npos);
    CHECK(check_ink(layout, *fonts_sc()).overlapping == 0);
}

TEST_CASE("bad words are dropped, max_words is honoured, bad options throw") {
    if (!have_noto_cjk()) return;
    std::vector<td::CloudWord> words = {{"", 3, ""}, {"负", -1, ""}, {"NaN", std::nan(""), ""},
                                        {"ok", 2, ""}, {"好", 1, ""}, {"\x01\x02", 1, ""}};
    td::CloudOptions options = canvas(200, 100);
    options.max_words = 2;
    const td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
    check_complete(layout, words.size(), options);
    CHECK(layout.words.size() == 2);
    CHECK(td::layout_cloud({}, *fonts_sc(), options).words.empty());
    for (auto change : std::vector<void (*)(td::CloudOptions&)>{
             [](td::CloudOptions& o) { o.width = 0; }, [](td::CloudOptions& o) { o.height = 20000; },
             [](td::CloudOptions& o) { o.prefer_horizontal = 2; },
             [](td::CloudOptions& o) { o.relative_scaling = -1; },
             [](td::CloudOptions& o) { o.margin = -1; }}) {
        td::CloudOptions bad = options;
        change(bad);
        try {
            td::layout_cloud(words, *fonts_sc(), bad);
            FAIL("expected Error(invalid_argument)");
        } catch (const td::Error& e) {
            CHECK(e.code() == td::Error::Code::invalid_argument);
        }
    }
}

TEST_CASE("tiny canvases and odd sizes never place outside the canvas") {
    if (!have_noto_cjk()) return;
    const auto words = mixed_words(30);
    for (int w : {16, 17, 63, 65, 129})
        for (int margin : {0, 3}) {
            td::CloudOptions options = canvas(w, 31);
            options.margin = margin;
            const td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
            check_complete(layout, words.size(), options);
            const InkCheck ink = check_ink(layout, *fonts_sc());
            CHECK(ink.overlapping == 0);
            CHECK(ink.clipped == 0);
        }
}

TEST_CASE("a mask keeps every word inside its shape") {
    if (!have_noto_cjk()) return;
    td::Image mask{400, 300, std::vector<std::uint8_t>(400 * 300 * 4, 255)};
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x)
            if ((x - 200) * (x - 200) / 190.0 / 190.0 + (y - 150) * (y - 150) / 140.0 / 140.0 < 1)
                for (int c = 0; c < 3; ++c) mask.rgba[(std::size_t(y) * 400 + x) * 4 + c] = 0;
    const auto path = (td_test::output_dir() / "ellipse_mask.png").string();
    td::write_file_atomically(path, td::encode_png(mask));
    td::CloudOptions options = canvas(400, 300);
    options.mask_png = path;
    options.contour_width = 2;
    const auto words = mixed_words(100);
    const td::CloudLayout layout = td::layout_cloud(words, *fonts_sc(), options);
    check_complete(layout, words.size(), options);
    CHECK(layout.words.size() > 50);
    const std::vector<std::uint8_t> forbidden = td::cloud::forbidden_pixels(options);
    const InkCheck ink = check_ink(layout, *fonts_sc(), forbidden);
    CHECK(ink.overlapping == 0);
    CHECK(ink.clipped == 0);
    const td::Image image = td::render_cloud(layout, *fonts_sc(), options);
    CHECK(image.rgba[(std::size_t(150) * 400 + 9) * 4] < 100);  // the contour, left of the ellipse
    td::write_file_atomically((td_test::output_dir() / "cloud_mask.png").string(), td::encode_png(image));

    options.mask_png = (td_test::output_dir() / "missing.png").string();
    CHECK_THROWS_AS(td::layout_cloud(words, *fonts_sc(), options), td::Error);
}
