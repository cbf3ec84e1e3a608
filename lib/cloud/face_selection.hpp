#pragma once
// Picks the face of a font collection whose family name matches a language (Noto Sans CJK SC
// for zh-Hans, TC for zh-Hant, ...): face 0 of NotoSansCJK-Regular.ttc is the Japanese one.

#include <string>
#include <vector>

namespace td::cloud {

// Family-name tokens that mark a face as made for the language, best first ("SC", "TC", ...).
std::vector<std::string> language_face_tokens(const std::string& language);

// The index of the face to use among `families` (one per face, in file order).
int choose_face(const std::vector<std::string>& families, const std::string& language);

}  // namespace td::cloud
