#include <tweetdigest/common.hpp>

#include <charconv>
#include <cstdio>

namespace td {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

LocalDate civil_from_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

bool parse_digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    for (std::size_t i = pos; i < pos + count; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    std::from_chars(text.data() + pos, text.data() + pos + count, value);
    return true;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool valid_date(int y, int m, int d) {
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

}  // namespace

LocalDate LocalDate::parse(std::string_view iso) {
    LocalDate date;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !parse_digits(iso, 0, 4, date.year) ||
        !parse_digits(iso, 5, 2, date.month) || !parse_digits(iso, 8, 2, date.day) ||
        !valid_date(date.year, date.month, date.day))
        throw Error(Error::Code::invalid_argument,
                    "invalid date '" + std::string(iso) + "' (expected YYYY-MM-DD)");
    return date;
}

std::string LocalDate::to_string() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string LocalDate::compact() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
    return buffer;
}

LocalDate LocalDate::next() const { return from_days_since_epoch(days_since_epoch() + 1); }

int LocalDate::days_since_epoch() const { return days_from_civil(year, month, day); }

LocalDate LocalDate::from_days_since_epoch(int days) { return civil_from_days(days); }

bool parse_iso8601(std::string_view text, std::int64_t& unix_seconds) {
    // YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM|+HHMM]
    int y, mo, d, h, mi, s;
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
        text[13] != ':' || text[16] != ':' || !parse_digits(text, 0, 4, y) ||
        !parse_digits(text, 5, 2, mo) || !parse_digits(text, 8, 2, d) ||
        !parse_digits(text, 11, 2, h) || !parse_digits(text, 14, 2, mi) ||
        !parse_digits(text, 17, 2, s))
        return false;
    if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 60) return false;
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t digits = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == digits) return false;
    }
    int offset = 0;
    if (pos < text.size()) {
        const char sign = text[pos];
        if (sign == 'Z' || sign == 'z') {
            ++pos;
        } else if (sign == '+' || sign == '-') {
            int oh, om;
            if (!parse_digits(text, pos + 1, 2, oh)) return false;
            std::size_t mpos = pos + 3;
            if (mpos < text.size() && text[mpos] == ':') ++mpos;
            if (!parse_digits(text, mpos, 2, om)) return false;
            if (oh > 23 || om > 59) return false;
            offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
            pos = mpos + 2;
        } else {
            return false;
        }
    }
    if (pos != text.size()) return false;
    unix_seconds = static_cast<std::int64_t>(days_from_civil(y, mo, d)) * 86400 + h * 3600 +
                   mi * 60 + s - offset;
    return true;
}

std::string format_iso8601_utc(std::int64_t unix_seconds) {
    std::int64_t days = unix_seconds / 86400;
    std::int64_t rest = unix_seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const LocalDate date = civil_from_days(static_cast<int>(days));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buffer;
}

}  // namespace td
