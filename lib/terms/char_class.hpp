#pragma once
// Code point classes that drive tokenisation: which characters form Han runs, Latin-like words,
// other scripts' words, emoji, spaces and punctuation.

#include <cstdint>

namespace td::terms {

enum class CharClass : std::uint8_t {
    space,
    han,        // ideographs, plus the ideographic zeros 〇 and ○ used in Chinese numerals
    alnum,      // Latin, Greek, Cyrillic letters and digits (ASCII and full-width)
    hangul,
    kana,
    letter,     // letters of other scripts (Thai, Arabic, Devanagari, ...)
    mark,       // combining marks: extend the previous token
    emoji,
    emoji_joiner,  // ZWJ, variation selectors, skin tones, keycap, tags
    punctuation,   // everything else, including invalid bytes
};

CharClass classify(char32_t c) noexcept;
bool is_digit(char32_t c) noexcept;   // 0-9 and full-width ０-９
bool is_han(char32_t c) noexcept;
// Scripts written with spaces between words: adjacent tokens of these scripts join with a space.
bool is_spaced_script(char32_t c) noexcept;
// A script identifier for splitting `letter` runs (ICU UScriptCode).
int script_of(char32_t c) noexcept;

}  // namespace td::terms
