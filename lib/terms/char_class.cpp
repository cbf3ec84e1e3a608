#include "terms/char_class.hpp"

#include "common/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace td::terms {
namespace {

bool in(char32_t c, char32_t first, char32_t last) noexcept { return c >= first && c <= last; }

bool is_emoji(char32_t c) noexcept {
    return in(c, 0x1F000, 0x1FAFF) || in(c, 0x2600, 0x27BF) || in(c, 0x2B00, 0x2BFF) ||
           in(c, 0x2190, 0x21FF) || in(c, 0x2300, 0x23FF) || in(c, 0x25A0, 0x25CA) ||
           in(c, 0x25CC, 0x25FF) || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 ||
           c == 0x2122 || c == 0x2139 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

bool is_emoji_joiner(char32_t c) noexcept {
    return c == 0x200D || c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || in(c, 0xE0020, 0xE007F);
}

}  // namespace

bool is_digit(char32_t c) noexcept { return in(c, '0', '9') || in(c, 0xFF10, 0xFF19); }

bool is_han(char32_t c) noexcept {
    return in(c, 0x4E00, 0x9FFF) || in(c, 0x3400, 0x4DBF) || in(c, 0x20000, 0x323AF) ||
           in(c, 0xF900, 0xFAFF) || in(c, 0x2F800, 0x2FA1F) || c == 0x3007 || c == 0x25CB;
}

CharClass classify(char32_t c) noexcept {
    if (c < 0x80) {
        if (in(c, 'a', 'z') || in(c, 'A', 'Z') || in(c, '0', '9')) return CharClass::alnum;
        if (c == ' ' || in(c, '\t', '\r')) return CharClass::space;
        return CharClass::punctuation;
    }
    if (c == utf8::invalid) return CharClass::punctuation;
    if (is_han(c)) return CharClass::han;
    if (in(c, 0xFF10, 0xFF19) || in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A)) return CharClass::alnum;
    if (in(c, 0x3000, 0x303F) || in(c, 0xFF00, 0xFF65) || in(c, 0x2000, 0x206F)) {
        if (c == 0x3000 || in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
            c == 0x205F)
            return CharClass::space;
        if (c == 0x200D) return CharClass::emoji_joiner;
        if (c == 0x303D || c == 0x3030 || c == 0x203C || c == 0x2049) return CharClass::emoji;
        return CharClass::punctuation;
    }
    if (in(c, 0x3040, 0x30FF) || in(c, 0x31F0, 0x31FF) || in(c, 0xFF66, 0xFF9F)) {
        if (c == 0x30FB) return CharClass::punctuation;  // katakana middle dot
        return CharClass::kana;
    }
    if (in(c, 0xAC00, 0xD7AF) || in(c, 0x1100, 0x11FF) || in(c, 0x3130, 0x318F)) return CharClass::hangul;
    if (in(c, 0x1F3FB, 0x1F3FF) || is_emoji_joiner(c)) return CharClass::emoji_joiner;
    if (is_emoji(c)) return CharClass::emoji;
    const auto u = static_cast<UChar32>(c);
    if (u_isUWhiteSpace(u)) return CharClass::space;
    const std::int8_t type = u_charType(u);
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK)
        return CharClass::mark;
    if (u_isalnum(u)) {
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(u, &status);
        if (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC ||
            script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
            return CharClass::alnum;
        if (script == USCRIPT_HAN) return CharClass::han;
        return CharClass::letter;
    }
    if (type == U_OTHER_SYMBOL) return CharClass::emoji;
    return CharClass::punctuation;
}

bool is_spaced_script(char32_t c) noexcept {
    const CharClass k = classify(c);
    return k == CharClass::alnum || k == CharClass::hangul || k == CharClass::letter;
}

int script_of(char32_t c) noexcept {
    UErrorCode status = U_ZERO_ERROR;
    return static_cast<int>(uscript_getScript(static_cast<UChar32>(c), &status));
}

}  // namespace td::terms
