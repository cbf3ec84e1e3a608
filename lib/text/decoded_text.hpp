#pragma once
// A text decoded once into code points, with the byte and UTF-16 offset of every code point, so
// scanners work on characters and entities report all three index kinds.

#include <tweetdigest/text.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace td::text {

// Stands for an invalid UTF-8 byte: a character that belongs to no character class.
constexpr char32_t invalid_byte = 0xFFFFFFFF;

class DecodedText {
public:
    explicit DecodedText(std::string_view utf8);

    std::size_t size() const noexcept { return code_points_.size(); }
    // The code point at i, or 0 past the end (0 belongs to no class the scanners look for).
    char32_t operator[](std::size_t i) const noexcept { return i < size() ? code_points_[i] : 0; }
    std::string_view bytes() const noexcept { return utf8_; }
    std::size_t byte_offset(std::size_t i) const noexcept { return byte_offsets_[i]; }
    std::size_t utf16_offset(std::size_t i) const noexcept { return utf16_offsets_[i]; }
    std::string_view slice(std::size_t begin, std::size_t end) const noexcept {
        return utf8_.substr(byte_offsets_[begin], byte_offsets_[end] - byte_offsets_[begin]);
    }

private:
    std::string_view utf8_;
    std::vector<char32_t> code_points_;
    std::vector<std::uint32_t> byte_offsets_;   // size() + 1 entries
    std::vector<std::uint32_t> utf16_offsets_;  // size() + 1 entries
};

// An entity found by a scanner, in code-point indices.
struct Match {
    EntityKind kind = EntityKind::url;
    std::size_t begin = 0, end = 0;              // the whole entity, sigil included
    std::size_t value_begin = 0, value_end = 0;  // the value (without sigil)
    std::size_t slug_begin = 0, slug_end = 0;    // lists only
};

Entity to_entity(const DecodedText& text, const Match& match);
std::vector<Entity> to_entities(const DecodedText& text, const std::vector<Match>& matches);

}  // namespace td::text
