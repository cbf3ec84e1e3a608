#include "ingest/timestamps.hpp"

#include <tweetdigest/common.hpp>

#include <array>
#include <charconv>
#include <cstdio>

namespace td::ingest {
namespace {

bool parse_number(std::string_view text, int& value) {
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

int month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i) + 1;
    return 0;
}

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

bool parse_v1_timestamp(std::string_view text, std::int64_t& unix_seconds) {
    // Www Mmm DD HH:MM:SS +HHMM YYYY
    if (text.size() != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[19] != ' ' ||
        text[25] != ' ')
        return false;
    const int month = month_number(text.substr(4, 3));
    int day, year, offset_hhmm;
    if (month == 0 || !parse_number(text.substr(8, 2), day) || !parse_number(text.substr(26, 4), year) ||
        (text[20] != '+' && text[20] != '-') || !parse_number(text.substr(21, 4), offset_hhmm))
        return false;
    char iso[64];
    const int sign = text[20] == '-' ? -1 : 1;
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%.8s%c%02d:%02d", year, month, day, text.data() + 11,
                  sign < 0 ? '-' : '+', offset_hhmm / 100, offset_hhmm % 100);
    return parse_iso8601(iso, unix_seconds);
}

bool parse_any_timestamp(std::string_view text, std::int64_t& unix_seconds) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.ends_with(" UTC") || text.ends_with(" GMT")) text.remove_suffix(4);
    if (parse_iso8601(text, unix_seconds) || parse_v1_timestamp(text, unix_seconds)) return true;
    if (is_digits(text) && (text.size() == 10 || text.size() == 13)) {
        std::int64_t value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        unix_seconds = text.size() == 13 ? value / 1000 : value;
        return true;
    }
    return false;
}

}  // namespace td::ingest
