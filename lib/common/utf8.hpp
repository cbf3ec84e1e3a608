#pragma once
// UTF-8 decoding and index conversions shared by the text, terms and cloud modules.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace td::utf8 {

constexpr char32_t invalid = 0xFFFFFFFF;

// decode() of a sequence whose lead byte is not ASCII.
char32_t decode_multibyte(std::string_view text, std::size_t& pos) noexcept;

// Decodes the code point at text[pos] and advances pos. Invalid or truncated sequences,
// overlong forms and surrogates return `invalid` and advance by one byte.
inline char32_t decode(std::string_view text, std::size_t& pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    return decode_multibyte(text, pos);
}
void append(std::string& out, char32_t code_point);

// Byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
std::size_t find_invalid(std::string_view text) noexcept;
// Replaces every invalid sequence with U+FFFD.
std::string make_valid(std::string_view text);

std::size_t count_code_points(std::string_view text) noexcept;
std::size_t count_utf16_units(std::string_view text) noexcept;

}  // namespace td::utf8
