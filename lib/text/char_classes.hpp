#pragma once
// The character classes of twitter-text's patterns. ASCII letters match in either case, as the
// patterns are case-insensitive for ASCII only.

namespace td::text {

bool is_ascii_alpha(char32_t c) noexcept;
bool is_ascii_digit(char32_t c) noexcept;
bool is_ascii_alnum(char32_t c) noexcept;
bool is_ascii_punctuation(char32_t c) noexcept;  // !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
bool is_java_space(char32_t c) noexcept;         // space, \t \n \v \f \r
bool is_latin_accent(char32_t c) noexcept;
bool is_cyrillic(char32_t c) noexcept;

bool is_unicode_space(char32_t c) noexcept;
bool is_directional_mark(char32_t c) noexcept;
bool is_invalid_tweet_char(char32_t c) noexcept;  // U+FFFE, U+FEFF, U+FFFF
bool is_at_sign(char32_t c) noexcept;             // @ and its full-width form
bool is_hash_sign(char32_t c) noexcept;           // # and its full-width form

bool is_hashtag_letter(char32_t c) noexcept;  // letters and marks
bool is_hashtag_char(char32_t c) noexcept;    // letters, marks, digits and joiners

bool is_username_char(char32_t c) noexcept;  // [a-z0-9_]
bool is_list_slug_char(char32_t c) noexcept;  // [a-z0-9_-]

bool is_domain_char(char32_t c) noexcept;          // [a-z0-9] and Latin accents
bool is_unicode_domain_char(char32_t c) noexcept;  // anything but spaces and punctuation
bool is_path_char(char32_t c) noexcept;
bool is_path_ending_char(char32_t c) noexcept;
bool is_query_char(char32_t c) noexcept;
bool is_query_ending_char(char32_t c) noexcept;

}  // namespace td::text
