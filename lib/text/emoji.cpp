#include "text/emoji.hpp"

#include <unicode/uchar.h>

namespace td::text {
namespace {

constexpr char32_t zero_width_joiner = 0x200D;
constexpr char32_t text_style = 0xFE0E;
constexpr char32_t emoji_style = 0xFE0F;
constexpr char32_t combining_keycap = 0x20E3;

bool has(char32_t c, UProperty property) {
    return c != invalid_byte && u_hasBinaryProperty(static_cast<UChar32>(c), property);
}

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool is_tag(char32_t c) { return c >= 0xE0020 && c <= 0xE007E; }
constexpr char32_t cancel_tag = 0xE007F;

// One emoji without joiners: keycap, flag, or a pictograph with its modifiers and tags.
std::size_t element_end(const DecodedText& text, std::size_t pos) {
    const char32_t c = text[pos];
    if ((c >= U'0' && c <= U'9') || c == U'#' || c == U'*') {
        std::size_t next = pos + 1;
        if (text[next] == emoji_style) ++next;
        return text[next] == combining_keycap ? next + 1 : pos;
    }
    if (is_regional_indicator(c)) return is_regional_indicator(text[pos + 1]) ? pos + 2 : pos;
    const bool pictographic = has(c, UCHAR_EXTENDED_PICTOGRAPHIC) || has(c, UCHAR_EMOJI_PRESENTATION);
    if (!pictographic || (c < 0x2000 && text[pos + 1] != emoji_style)) return pos;
    std::size_t end = pos + 1;
    if (text[end] == emoji_style || text[end] == text_style) {
        ++end;
    } else if (has(text[end], UCHAR_EMOJI_MODIFIER)) {
        ++end;
    }
    std::size_t tags = end;
    while (is_tag(text[tags])) ++tags;
    if (tags > end && text[tags] == cancel_tag) end = tags + 1;
    return end;
}

}  // namespace

std::size_t emoji_sequence_end(const DecodedText& text, std::size_t pos) {
    std::size_t end = element_end(text, pos);
    if (end == pos) return pos;
    while (text[end] == zero_width_joiner) {
        const std::size_t next = element_end(text, end + 1);
        if (next == end + 1) break;
        end = next;
    }
    return end;
}

}  // namespace td::text
