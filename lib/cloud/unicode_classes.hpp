#pragma once
// The few Unicode properties layout needs, by code point range.

namespace td::cloud {

// Joins the previous character's cluster: combining marks, ZWJ, variation selectors, emoji
// modifiers and tags, the keycap mark.
bool continues_cluster(char32_t c) noexcept;
// Stays upright in vertical text (Vertical_Orientation U/Tu: Han, kana, Hangul, full-width
// forms, CJK punctuation, emoji); everything else is set sideways.
bool upright_in_vertical(char32_t c) noexcept;
bool is_cjk(char32_t c) noexcept;
bool is_emoji(char32_t c) noexcept;

}  // namespace td::cloud
