#include "cloud/word_ink.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace td {
namespace {

using namespace cloud;

struct PathWriter {
    std::string& d;
    double x0, y0;  // canvas position of the frame's origin
    bool open = false;

    void number(double v) {
        std::array<char, 32> buffer{};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v,
                                          std::chars_format::fixed, 2);
        std::string_view text(buffer.data(), std::size_t(result.ptr - buffer.data()));
        while (text.back() == '0') text.remove_suffix(1);
        if (text.back() == '.') text.remove_suffix(1);
        if (text == "-0") text = "0";
        d.append(text);
    }
    void point(const FT_Vector* v) {
        number(x0 + double(v->x) / 64);
        d += ' ';
        number(y0 - double(v->y) / 64);
    }
};

int move_to(const FT_Vector* to, void* user) {
    auto* w = static_cast<PathWriter*>(user);
    if (w->open) w->d += 'Z';
    w->d += 'M';
    w->point(to);
    w->open = true;
    return 0;
}
int line_to(const FT_Vector* to, void* user) {
    auto* w = static_cast<PathWriter*>(user);
    w->d += 'L';
    w->point(to);
    return 0;
}
int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
    auto* w = static_cast<PathWriter*>(user);
    w->d += 'Q';
    w->point(control);
    w->d += ' ';
    w->point(to);
    return 0;
}
int cubic_to(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
    auto* w = static_cast<PathWriter*>(user);
    w->d += 'C';
    w->point(c1);
    w->d += ' ';
    w->point(c2);
    w->d += ' ';
    w->point(to);
    return 0;
}

std::string hex(Rgba c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
    return buffer;
}

std::string opacity(const char* attribute, std::uint8_t alpha) {
    if (alpha == 255) return {};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, " %s=\"%.3f\"", attribute, alpha / 255.0);
    return buffer;
}

std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
        }
    }
    return out;
}

}  // namespace

std::string render_svg(const CloudLayout& layout, const FontSet& fonts, const CloudOptions& options) {
    const std::string w = std::to_string(layout.width), h = std::to_string(layout.height);
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" +
                      h + "\" viewBox=\"0 0 " + w + " " + h + "\">\n";
    if (options.background.a > 0)
        svg += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"" + hex(options.background) +
               "\"" + opacity("fill-opacity", options.background.a) + "/>\n";
    FontSession session(fonts);
    const FT_Outline_Funcs funcs{move_to, line_to, conic_to, cubic_to, 0, 0};
    for (const PlacedWord& word : layout.words) {
        const WordInk ink = word_ink(session, word);
        std::string d;
        PathWriter writer{d, double(ink.x - ink.coverage.left), double(ink.y - ink.coverage.top)};
        for_each_outline(session, ink.shape, word.font_size, [&](const FT_Outline& outline) {
            FT_Outline copy = outline;
            writer.open = false;
            FT_Outline_Decompose(&copy, &funcs, &writer);
            if (writer.open) d += 'Z';
        });
        if (d.empty()) continue;
        svg += "<path aria-label=\"" + escape(word.text) + "\" fill=\"" + hex(word.color) + "\"" +
               opacity("fill-opacity", word.color.a) + " d=\"" + d + "\"/>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace td
