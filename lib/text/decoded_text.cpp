#include "text/decoded_text.hpp"

#include "common/utf8.hpp"

namespace td::text {

DecodedText::DecodedText(std::string_view utf8)
    : utf8_(utf8), code_points_(utf8.size()), byte_offsets_(utf8.size() + 1), utf16_offsets_(utf8.size() + 1) {
    std::size_t count = 0;
    std::size_t pos = 0;
    std::uint32_t utf16 = 0;
    while (pos < utf8.size()) {
        byte_offsets_[count] = static_cast<std::uint32_t>(pos);
        utf16_offsets_[count] = utf16;
        char32_t cp = utf8::decode(utf8, pos);
        if (cp == utf8::invalid) cp = invalid_byte;
        code_points_[count++] = cp;
        utf16 += (cp != invalid_byte && cp >= 0x10000) ? 2 : 1;
    }
    byte_offsets_[count] = static_cast<std::uint32_t>(utf8.size());
    utf16_offsets_[count] = utf16;
    code_points_.resize(count);
    byte_offsets_.resize(count + 1);
    utf16_offsets_.resize(count + 1);
}

Entity to_entity(const DecodedText& text, const Match& match) {
    Entity entity;
    entity.kind = match.kind;
    entity.value = std::string(text.slice(match.value_begin, match.value_end));
    if (match.kind == EntityKind::list) {
        entity.list_slug = std::string(text.slice(match.slug_begin, match.slug_end));
    }
    entity.begin = match.begin;
    entity.end = match.end;
    entity.byte_begin = text.byte_offset(match.begin);
    entity.byte_end = text.byte_offset(match.end);
    entity.begin_utf16 = text.utf16_offset(match.begin);
    entity.end_utf16 = text.utf16_offset(match.end);
    return entity;
}

std::vector<Entity> to_entities(const DecodedText& text, const std::vector<Match>& matches) {
    std::vector<Entity> entities;
    entities.reserve(matches.size());
    for (const Match& match : matches) entities.push_back(to_entity(text, match));
    return entities;
}

}  // namespace td::text
