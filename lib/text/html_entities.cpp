// HTML character references, decoded in one pass so "&amp;lt;" becomes "&lt;".
#include "common/utf8.hpp"

#include <tweetdigest/text.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace td {
namespace {

struct NamedReference {
    std::string_view name;
    char32_t code_point;
};

// Sorted by name for binary search.
constexpr std::array named_references{
    NamedReference{"AElig", 0xC6},   NamedReference{"Aacute", 0xC1},  NamedReference{"Agrave", 0xC0},
    NamedReference{"Auml", 0xC4},    NamedReference{"Ccedil", 0xC7},  NamedReference{"Eacute", 0xC9},
    NamedReference{"Egrave", 0xC8},  NamedReference{"Ntilde", 0xD1},  NamedReference{"Oacute", 0xD3},
    NamedReference{"Ouml", 0xD6},    NamedReference{"Uuml", 0xDC},    NamedReference{"aacute", 0xE1},
    NamedReference{"aelig", 0xE6},   NamedReference{"agrave", 0xE0},  NamedReference{"amp", U'&'},
    NamedReference{"apos", U'\''},   NamedReference{"auml", 0xE4},    NamedReference{"bull", 0x2022},
    NamedReference{"ccedil", 0xE7},  NamedReference{"cent", 0xA2},    NamedReference{"copy", 0xA9},
    NamedReference{"deg", 0xB0},     NamedReference{"divide", 0xF7},  NamedReference{"eacute", 0xE9},
    NamedReference{"egrave", 0xE8},  NamedReference{"euro", 0x20AC},  NamedReference{"gt", U'>'},
    NamedReference{"hellip", 0x2026}, NamedReference{"iexcl", 0xA1},  NamedReference{"iquest", 0xBF},
    NamedReference{"laquo", 0xAB},   NamedReference{"ldquo", 0x201C}, NamedReference{"lsquo", 0x2018},
    NamedReference{"lt", U'<'},      NamedReference{"mdash", 0x2014}, NamedReference{"middot", 0xB7},
    NamedReference{"nbsp", 0xA0},    NamedReference{"ndash", 0x2013}, NamedReference{"ntilde", 0xF1},
    NamedReference{"oacute", 0xF3},  NamedReference{"ouml", 0xF6},    NamedReference{"para", 0xB6},
    NamedReference{"plusmn", 0xB1},  NamedReference{"pound", 0xA3},   NamedReference{"quot", U'"'},
    NamedReference{"raquo", 0xBB},   NamedReference{"rdquo", 0x201D}, NamedReference{"reg", 0xAE},
    NamedReference{"rsquo", 0x2019}, NamedReference{"sect", 0xA7},    NamedReference{"szlig", 0xDF},
    NamedReference{"times", 0xD7},   NamedReference{"trade", 0x2122}, NamedReference{"uuml", 0xFC},
    NamedReference{"yen", 0xA5},
};

constexpr std::size_t longest_reference = 10;  // "&#x10FFFF;" and longer names do not exist

std::optional<char32_t> named(std::string_view name) {
    const auto found = std::lower_bound(
        named_references.begin(), named_references.end(), name,
        [](const NamedReference& reference, std::string_view key) { return reference.name < key; });
    if (found == named_references.end() || found->name != name) return std::nullopt;
    return found->code_point;
}

std::optional<char32_t> numeric(std::string_view digits) {
    int base = 10;
    if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) {
        base = 16;
        digits.remove_prefix(1);
    }
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return static_cast<char32_t>(value);
}

// The character referenced by "&body;", if it is one.
std::optional<char32_t> referenced(std::string_view body) {
    if (!body.empty() && body.front() == '#') return numeric(body.substr(1));
    return named(body);
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t amp = text.find('&', pos);
        if (amp == text.npos) break;
        out.append(text, pos, amp - pos);
        const std::size_t semicolon = text.substr(amp, longest_reference + 1).find(';');
        const auto code_point =
            semicolon == text.npos ? std::nullopt : referenced(text.substr(amp + 1, semicolon - 1));
        if (code_point) {
            utf8::append(out, *code_point);
            pos = amp + semicolon + 1;
        } else {
            out += '&';
            pos = amp + 1;
        }
    }
    out.append(text, pos);
    return out;
}

}  // namespace td
