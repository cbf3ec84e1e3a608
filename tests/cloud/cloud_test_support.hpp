#pragma once
// Shared by the cloud tests: the system fonts (loaded once) and ink checks on layouts.

#include <tweetdigest/cloud.hpp>

#include <memory>
#include <string>
#include <vector>

namespace td_cloud_test {

inline constexpr const char* noto_cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

bool have_noto_cjk();
const std::shared_ptr<const td::FontSet>& fonts_sc();  // Noto Sans CJK SC (+ DejaVu)

std::vector<td::CloudWord> mixed_words(std::size_t count);

struct InkCheck {
    long overlapping = 0;  // pixels inked by two or more words
    long clipped = 0;      // ink outside the canvas or on forbidden mask pixels
    long inked = 0;
};
// Rasterises every placed word alone at its position and counts shared / clipped pixels.
InkCheck check_ink(const td::CloudLayout& layout, const td::FontSet& fonts,
                   const std::vector<std::uint8_t>& forbidden = {});

// Count of pixels differing from the background.
long ink_pixels(const td::Image& image, td::Rgba background);

}  // namespace td_cloud_test
