#pragma once
// Helpers for fuzz harnesses.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace td_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Splits the first byte off as a small integer for choosing options.
inline std::uint8_t take_byte(std::string_view& input) {
    if (input.empty()) return 0;
    const auto value = static_cast<std::uint8_t>(input.front());
    input.remove_prefix(1);
    return value;
}

// Splits off the input up to its first record separator (0x1E, dropped with it); without one,
// the whole rest. Harnesses that take several texts (options JSON, then data) join them with it:
// JSON never holds a raw 0x1E, so an options part loses nothing.
inline std::string_view take_part(std::string_view& input) {
    const std::size_t end = input.find('\x1e');
    const std::string_view part = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    return part;
}

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
inline bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        std::uint32_t cp = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            cp = cp << 6 | (next & 0x3F);
        }
        static constexpr std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

}  // namespace td_fuzz
