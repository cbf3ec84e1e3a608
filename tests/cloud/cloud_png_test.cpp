#include "cloud_test_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdio>
#include <memory>

namespace {

td::Image gradient(int w, int h, bool alpha) {
    td::Image image{w, h, std::vector<std::uint8_t>(std::size_t(w) * h * 4)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &image.rgba[(std::size_t(y) * w + x) * 4];
            p[0] = std::uint8_t(x * 7 + y);
            p[1] = std::uint8_t(y * 5);
            p[2] = std::uint8_t((x ^ y) * 3);
            p[3] = alpha ? std::uint8_t(x * 11) : 255;
        }
    return image;
}

std::uint64_t fnv(const td::Image& image) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (std::uint8_t v : image.rgba) h = (h ^ v) * 0x100000001B3ULL;
    return h;
}

void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += char(v >> shift);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    put32(png, std::uint32_t(data.size()));
    std::string body = std::string(type, 4) + data;
    png += body;
    put32(png, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

// A PNG of any colour type / depth from unfiltered rows.
std::string make_png(int w, int h, int depth, int color, const std::string& rows,
                     const std::string& palette = {}, const std::string& trns = {}) {
    std::string png("\x89PNG\r\n\x1a\n", 8), ihdr;
    put32(ihdr, std::uint32_t(w));
    put32(ihdr, std::uint32_t(h));
    ihdr += char(depth);
    ihdr += char(color);
    ihdr += std::string(3, '\0');
    chunk(png, "IHDR", ihdr);
    if (!palette.empty()) chunk(png, "PLTE", palette);
    if (!trns.empty()) chunk(png, "tRNS", trns);
    uLongf size = compressBound(uLong(rows.size()));
    std::string z(size, '\0');
    compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(rows.data()),
             uLong(rows.size()));
    z.resize(size);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return out;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    return out;
}

}  // namespace

TEST_CASE("encode_png round-trips through decode_png, RGB and RGBA") {
    for (bool alpha : {false, true}) {
        const td::Image image = gradient(37, 23, alpha);
        const std::string png = td::encode_png(image);
        CHECK(png[25] == (alpha ? 6 : 2));  // colour type in IHDR
        const td::Image back = td::decode_png(png);
        CHECK(back.width == 37);
        CHECK(back.height == 23);
        CHECK(back.rgba == image.rgba);
    }
}

TEST_CASE("an independent stdlib-only decoder (python3 zlib+struct) reads our PNGs") {
    if (std::system("python3 -c 'import zlib, struct' >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: no python3");
        return;
    }
    const std::string script = (td_test::source_dir() / "tests/cloud/png_check.py").string();
    for (bool alpha : {false, true}) {
        const td::Image image = gradient(61, 17, alpha);
        const auto path = td_test::output_dir() / (alpha ? "check_rgba.png" : "check_rgb.png");
        td::write_file_atomically(path.string(), td::encode_png(image));
        const std::string expected = "61 17 " + std::to_string(alpha ? 6 : 2) + " " +
                                     std::to_string(fnv(image)) + "\n";
        CHECK(run("python3 '" + script + "' '" + path.string() + "'") == expected);
    }
}

TEST_CASE("decode_png reads gray, gray+alpha, palette (with tRNS) and low bit depths") {
    {  // 8-bit gray, two rows
        const td::Image g = td::decode_png(make_png(2, 2, 8, 0, std::string("\0\x10\xF0\0\0\xFF", 6)));
        CHECK(g.rgba[0] == 0x10);
        CHECK(g.rgba[4] == 0xF0);
        CHECK(g.rgba[8] == 0);
        CHECK(g.rgba[15] == 255);
    }
    {  // gray + alpha
        const td::Image g = td::decode_png(make_png(1, 1, 8, 4, std::string("\0\x80\x00", 3)));
        CHECK(g.rgba[0] == 0x80);
        CHECK(g.rgba[3] == 0);
    }
    {  // palette with transparency for entry 1
        const std::string palette("\xFF\0\0\0\0\xFF", 6);
        const td::Image p = td::decode_png(
            make_png(2, 1, 8, 3, std::string("\0\0\1", 3), palette, std::string("\xFF\x00", 2)));
        CHECK(p.rgba[0] == 255);
        CHECK(p.rgba[3] == 255);
        CHECK(p.rgba[6] == 255);
        CHECK(p.rgba[7] == 0);
    }
    {  // 1-bit gray: 10100000
        const td::Image g = td::decode_png(make_png(3, 1, 1, 0, std::string("\0\xA0", 2)));
        CHECK(g.rgba[0] == 255);
        CHECK(g.rgba[4] == 0);
        CHECK(g.rgba[8] == 255);
    }
    {  // 8-bit RGB with the Paeth and Sub filters
        const td::Image rgb = td::decode_png(make_png(2, 1, 8, 2, std::string("\1\x10\x20\x30\x01\x01\x01", 7)));
        CHECK(rgb.rgba[4] == 0x11);
        CHECK(rgb.rgba[5] == 0x21);
    }
}

TEST_CASE("decode_png throws Error(parse) on bad input and never crashes") {
    const std::string good = td::encode_png(gradient(9, 7, true));
    const auto parse_error = [](const std::string& bytes) {
        try {
            td::decode_png(bytes);
        } catch (const td::Error& e) {
            return e.code() == td::Error::Code::parse || e.code() == td::Error::Code::unsupported;
        }
        return false;
    };
    CHECK(parse_error(""));
    CHECK(parse_error("not a png at all"));
    CHECK(parse_error(good.substr(0, good.size() / 2)));
    std::string bad_crc = good;
    bad_crc[30] ^= 1;
    CHECK(parse_error(bad_crc));
    CHECK(parse_error(make_png(2, 2, 8, 2, "short")));
    CHECK(parse_error(make_png(1, 1, 8, 3, std::string("\0\5", 2), std::string(3, '\0'))));
    CHECK(parse_error(make_png(1, 1, 3, 2, std::string("\0\0\0\0", 4))));
    // Every single-byte corruption either decodes or throws td::Error.
    int thrown = 0;
    for (std::size_t i = 8; i < good.size(); i += 3) {
        std::string mutated = good;
        mutated[i] = char(mutated[i] ^ 0x5A);
        try {
            td::decode_png(mutated);
        } catch (const td::Error&) {
            ++thrown;
        }
    }
    CHECK(thrown > 0);
}

TEST_CASE("JPEG: SOI/EOI markers when libjpeg is built in, Error(unsupported) otherwise") {
    const td::Image image = gradient(40, 30, false);
    if (td::jpeg_supported()) {
        const std::string jpeg = td::encode_jpeg(image, 85);
        REQUIRE(jpeg.size() > 100);
        CHECK(static_cast<unsigned char>(jpeg[0]) == 0xFF);
        CHECK(static_cast<unsigned char>(jpeg[1]) == 0xD8);
        CHECK(static_cast<unsigned char>(jpeg[jpeg.size() - 1]) == 0xD9);
        CHECK_THROWS_AS(td::encode_jpeg(image, 0), td::Error);
    } else {
        try {
            td::encode_jpeg(image);
            FAIL("expected Error(unsupported)");
        } catch (const td::Error& e) {
            CHECK(e.code() == td::Error::Code::unsupported);
        }
    }
}
