#include "text/char_classes.hpp"

#include "text/decoded_text.hpp"

#include <unicode/uchar.h>

#include <string_view>

namespace td::text {
namespace {

bool in(char32_t c, std::u32string_view set) noexcept { return set.find(c) != set.npos; }

bool is_letter_or_mark(char32_t c) noexcept {
    if (c == invalid_byte) return false;
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

bool is_decimal_digit(char32_t c) noexcept {
    return c != invalid_byte && u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

}  // namespace

bool is_ascii_alpha(char32_t c) noexcept { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }
bool is_ascii_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
bool is_ascii_alnum(char32_t c) noexcept { return is_ascii_alpha(c) || is_ascii_digit(c); }

bool is_ascii_punctuation(char32_t c) noexcept {
    return (c >= U'!' && c <= U'/') || (c >= U':' && c <= U'@') || (c >= U'[' && c <= U'`') ||
           (c >= U'{' && c <= U'~');
}

bool is_java_space(char32_t c) noexcept { return c == U' ' || (c >= U'\t' && c <= U'\r'); }

bool is_latin_accent(char32_t c) noexcept {
    if (c < 0x00C0 || c > 0x1EFF) return false;  // outside every range below
    return (c >= 0x00C0 && c <= 0x00D6) || (c >= 0x00D8 && c <= 0x00F6) ||
           (c >= 0x00F8 && c <= 0x024F) ||
           in(c, U"\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb") ||
           (c >= 0x0300 && c <= 0x036F) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_cyrillic(char32_t c) noexcept { return c >= 0x0400 && c <= 0x04FF; }

bool is_unicode_space(char32_t c) noexcept {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           c == 0x180E || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_directional_mark(char32_t c) noexcept {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool is_invalid_tweet_char(char32_t c) noexcept { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }
bool is_at_sign(char32_t c) noexcept { return c == U'@' || c == U'＠'; }
bool is_hash_sign(char32_t c) noexcept { return c == U'#' || c == U'＃'; }

bool is_hashtag_letter(char32_t c) noexcept { return is_letter_or_mark(c); }

bool is_hashtag_char(char32_t c) noexcept {
    if (c < 0x80) return is_ascii_alnum(c) || c == U'_';
    return is_letter_or_mark(c) || is_decimal_digit(c) ||
           in(c, U"\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003"
                 U"\u0f0b\u0f0c\u00b7");
}

bool is_username_char(char32_t c) noexcept { return is_ascii_alnum(c) || c == U'_'; }
bool is_list_slug_char(char32_t c) noexcept { return is_username_char(c) || c == U'-'; }

bool is_domain_char(char32_t c) noexcept {
    if (c < 0x80) return is_ascii_alnum(c);  // no Latin accent is ASCII
    return is_latin_accent(c);
}

bool is_unicode_domain_char(char32_t c) noexcept {
    if (c < 0x80) return !is_ascii_punctuation(c) && !is_java_space(c) && c != U' ';
    if (c == invalid_byte || (c >= 0x2000 && c <= 0x206F)) return false;
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & U_GC_Z_MASK) == 0;
}

bool is_path_char(char32_t c) noexcept {
    return is_ascii_alnum(c) || in(c, U"!*';:=+,.$/%#[]-\u2013_~|&@") || is_latin_accent(c) ||
           is_cyrillic(c);
}

bool is_path_ending_char(char32_t c) noexcept {
    return is_ascii_alnum(c) || in(c, U"=_#/-+") || is_latin_accent(c) || is_cyrillic(c);
}

bool is_query_char(char32_t c) noexcept {
    return is_ascii_alnum(c) || in(c, U"!?*'();:&=+$/%#[]-_.,~|@");
}

bool is_query_ending_char(char32_t c) noexcept { return is_ascii_alnum(c) || in(c, U"-_&=#/"); }

}  // namespace td::text
