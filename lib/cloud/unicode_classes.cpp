#include "cloud/unicode_classes.hpp"

#include <hb.h>

namespace td::cloud {

bool continues_cluster(char32_t c) noexcept {
    if (c == 0x200D || c == 0x20E3 || (c >= 0xFE00 && c <= 0xFE0F) ||
        (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
        (c >= 0xE0020 && c <= 0xE007F))
        return true;
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return true;
    default:
        return false;
    }
}

bool is_cjk(char32_t c) noexcept {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) ||
           (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_emoji(char32_t c) noexcept {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
           (c >= 0x2B00 && c <= 0x2BFF);
}

bool upright_in_vertical(char32_t c) noexcept {
    return is_cjk(c) || is_emoji(c) || (c >= 0x2460 && c <= 0x24FF) || c == 0x00A7 ||
           c == 0x00A9 || c == 0x00AE || c == 0x00B1 || c == 0x00BC || c == 0x00BD ||
           c == 0x00BE || c == 0x00D7 || c == 0x00F7;
}

}  // namespace td::cloud
