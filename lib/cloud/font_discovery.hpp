#pragma once
// Finding the system's fonts: fontconfig when built with it, else well-known Debian paths.

#include <tweetdigest/cloud.hpp>

#include <string>
#include <vector>

namespace td::cloud {

// CJK font for the language first, then a Latin/symbol font. Empty when nothing is found.
std::vector<FontSet::FontSpec> find_system_fonts(const std::string& language);

}  // namespace td::cloud
