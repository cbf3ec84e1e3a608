#include "cloud_test_support.hpp"
#include "test_support.hpp"

#include "cloud/face_selection.hpp"
#include "cloud/raster.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace td_cloud_test;
namespace cloud = td::cloud;

namespace {

constexpr const char* dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

cloud::Coverage draw(const td::FontSet& fonts, const char* text, td::Orientation o, double size) {
    cloud::FontSession session(fonts);
    return cloud::rasterize(session, cloud::shape_word(session, text, o), size);
}

}  // namespace

TEST_CASE("choose_face picks the collection face by family name, not face 0") {
    const std::vector<std::string> noto = {
        "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC",
        "Noto Sans CJK HK", "Noto Sans Mono CJK JP", "Noto Sans Mono CJK KR",
        "Noto Sans Mono CJK SC"};
    CHECK(cloud::choose_face(noto, "zh-Hans") == 2);
    CHECK(cloud::choose_face(noto, "zh") == 2);
    CHECK(cloud::choose_face(noto, "zh-Hant") == 3);
    CHECK(cloud::choose_face(noto, "zh-TW") == 3);
    CHECK(cloud::choose_face(noto, "zh-HK") == 4);
    CHECK(cloud::choose_face(noto, "ja") == 0);
    CHECK(cloud::choose_face(noto, "ko") == 1);
    CHECK(cloud::choose_face({"Some Font"}, "zh-Hans") == 0);
}

TEST_CASE("FontSet loads the SC face of Noto Sans CJK for zh-Hans, TC/JP/KR/HK on request") {
    if (!have_noto_cjk()) return;
    CHECK(td::FontSet::load({{noto_cjk, -1}}, "zh-Hans")->describe()[0].find("Noto Sans CJK SC") == 0);
    CHECK(td::FontSet::load({{noto_cjk, -1}}, "zh-Hant")->describe()[0].find("CJK TC") != std::string::npos);
    CHECK(td::FontSet::load({{noto_cjk, -1}}, "ja")->describe()[0].find("CJK JP") != std::string::npos);
    CHECK(td::FontSet::load({{noto_cjk, -1}}, "ko")->describe()[0].find("CJK KR") != std::string::npos);
    CHECK(td::FontSet::load({{noto_cjk, -1}}, "zh-HK")->describe()[0].find("CJK HK") != std::string::npos);
    CHECK(td::FontSet::load({{noto_cjk, 0}}, "zh-Hans")->describe()[0].find("#0)") != std::string::npos);
    const auto system = fonts_sc()->describe();
    REQUIRE(!system.empty());
    CHECK(system[0].find("Noto Sans CJK SC") != std::string::npos);
}

TEST_CASE("FontSet::load errors") {
    CHECK_THROWS_AS(td::FontSet::load({}, "en"), td::Error);
    try {
        td::FontSet::load({{"/no/such/font.ttf", -1}});
        FAIL("expected an error");
    } catch (const td::Error& e) {
        CHECK(e.code() == td::Error::Code::io);
    }
    const auto junk = td_test::output_dir() / "junk.ttf";
    td::write_file_atomically(junk.string(), "this is not a font");
    try {
        td::FontSet::load({{junk.string(), -1}});
        FAIL("expected an error");
    } catch (const td::Error& e) {
        CHECK(e.code() == td::Error::Code::parse);
    }
}

TEST_CASE("SC and JP faces draw 骨, 写 and 门 differently") {
    if (!have_noto_cjk()) return;
    const auto sc = td::FontSet::load({{noto_cjk, -1}}, "zh-Hans");
    const auto jp = td::FontSet::load({{noto_cjk, -1}}, "ja");
    for (const char* glyph : {"骨", "写", "门"}) {
        const auto a = draw(*sc, glyph, td::Orientation::horizontal, 64);
        const auto b = draw(*jp, glyph, td::Orientation::horizontal, 64);
        CHECK((a.pixels != b.pixels || a.width != b.width || a.height != b.height));
    }
}

TEST_CASE("HarfBuzz shaping: kerning and ligatures") {
    if (!std::filesystem::exists(dejavu)) return;
    const auto fonts = td::FontSet::load({{dejavu, -1}}, "en");
    cloud::FontSession session(*fonts);
    const auto av = cloud::shape_word(session, "AV", td::Orientation::horizontal);
    const auto a = cloud::shape_word(session, "A", td::Orientation::horizontal);
    const auto v = cloud::shape_word(session, "V", td::Orientation::horizontal);
    // Kerning pulls V under A: its pen position is less than A's advance alone would put it.
    REQUIRE(av.glyphs.size() == 2);
    hb_position_t advance = hb_font_get_glyph_h_advance(session.hb_font(0), a.glyphs[0].glyph);
    CHECK(av.glyphs[1].tx < advance / session.units_per_em(0));
    (void)v;
    const auto fi = cloud::shape_word(session, "fi", td::Orientation::horizontal);
    CHECK(fi.glyphs.size() == 1);  // the fi ligature
}

TEST_CASE("upright vertical: CJK glyphs stacked upright, vert forms, Latin set sideways") {
    if (!have_noto_cjk()) return;
    cloud::FontSession session(*fonts_sc());
    const auto column = cloud::shape_word(session, "世界模型", td::Orientation::upright_vertical);
    REQUIRE(column.glyphs.size() == 4);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(column.glyphs[i].ty < column.glyphs[i - 1].ty);  // each below the previous
        CHECK(column.glyphs[i].xy == 0);                       // not rotated
    }
    CHECK(column.max_y - column.min_y > 3 * (column.max_x - column.min_x));
    // 「 has a vertical form (vert) in TTB.
    const auto h = cloud::shape_word(session, "「", td::Orientation::horizontal);
    const auto vtb = cloud::shape_word(session, "「", td::Orientation::upright_vertical);
    REQUIRE(h.glyphs.size() == 1);
    REQUIRE(vtb.glyphs.size() == 1);
    CHECK(h.glyphs[0].glyph != vtb.glyphs[0].glyph);
    // AI代理: A and I rotated clockwise (x' depends on y), 代理 upright.
    const auto mixed = cloud::shape_word(session, "AI代理", td::Orientation::upright_vertical);
    REQUIRE(mixed.glyphs.size() == 4);
    CHECK(mixed.glyphs[0].xy > 0);
    CHECK(mixed.glyphs[0].yx < 0);
    CHECK(mixed.glyphs[2].xy == 0);
    CHECK(mixed.glyphs[2].ty < mixed.glyphs[0].ty);
    // Rotated (word_cloud style): the whole line turned counter-clockwise.
    const auto rotated = cloud::shape_word(session, "Claude", td::Orientation::rotated);
    CHECK(rotated.glyphs[0].xy < 0);
    CHECK(rotated.max_y - rotated.min_y > rotated.max_x - rotated.min_x);
}

TEST_CASE("a character no font has (an emoji newer than DejaVu) is left out with a diagnostic, never drawn as tofu") {
    if (!have_noto_cjk()) return;
    cloud::FontSession session(*fonts_sc());
    const auto shape = cloud::shape_word(session, "开源\U0001FAE0", td::Orientation::horizontal);
    CHECK(shape.glyphs.size() == 2);
    for (const auto& g : shape.glyphs) CHECK(g.glyph != 0);
    REQUIRE(shape.missing.size() == 1);
    CHECK(shape.missing[0] == U'\U0001FAE0');

    td::CloudOptions options;
    options.width = 300;
    options.height = 200;
    const td::CloudLayout layout = td::layout_cloud(
        {{"开源\U0001FAE0", 10, ""}, {"\U0001FAE8", 5, ""}, {"模型", 3, ""}}, *fonts_sc(), options);
    CHECK(layout.words.size() == 2);
    REQUIRE(layout.dropped.size() == 1);
    CHECK(layout.dropped[0].text == "\U0001FAE8");
    REQUIRE(layout.diagnostics.size() == 2);
    CHECK(layout.diagnostics[0].message.find("U+1FAE0") != std::string::npos);
}
