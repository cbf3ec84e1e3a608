#include <tweetdigest/common.hpp>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <mutex>

namespace td {

struct TimeZone::Impl {
    std::string name;
    std::unique_ptr<icu::TimeZone> zone;
    // icu::TimeZone::getOffset is const but not documented as thread-safe; serialise it.
    mutable std::mutex mutex;
};

TimeZone::TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

TimeZone TimeZone::load(const std::string& iana_name) {
    auto zone = std::unique_ptr<icu::TimeZone>(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana_name)));
    if (!zone || *zone == icu::TimeZone::getUnknown())
        throw Error(Error::Code::invalid_argument, "unknown time zone '" + iana_name + "'");
    auto impl = std::make_shared<Impl>();
    impl->name = iana_name;
    impl->zone = std::move(zone);
    return TimeZone(std::move(impl));
}

const std::string& TimeZone::name() const noexcept { return impl_->name; }

int TimeZone::offset_seconds_at(std::int64_t unix_seconds) const {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->zone->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, false, raw, dst, status);
    }
    if (U_FAILURE(status))
        throw Error(Error::Code::internal, "ICU could not compute the offset of " + impl_->name);
    return (raw + dst) / 1000;
}

LocalDate TimeZone::local_date(std::int64_t unix_seconds) const {
    std::int64_t local = unix_seconds + offset_seconds_at(unix_seconds);
    std::int64_t days = local / 86400;
    if (local % 86400 < 0) --days;
    return LocalDate::from_days_since_epoch(static_cast<int>(days));
}

std::int64_t TimeZone::start_of_day(const LocalDate& date) const {
    // The smallest instant whose local date is `date`: binary search around UTC midnight (zone
    // offsets stay within ±15 h). Handles days that start after a skipped midnight.
    const std::int64_t midnight_utc = static_cast<std::int64_t>(date.days_since_epoch()) * 86400;
    std::int64_t low = midnight_utc - 15 * 3600, high = midnight_utc + 15 * 3600;
    while (low < high) {
        const std::int64_t mid = low + (high - low) / 2;
        if (local_date(mid) < date)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

std::string TimeZone::format_local(std::int64_t unix_seconds) const {
    const int offset = offset_seconds_at(unix_seconds);
    const std::int64_t local = unix_seconds + offset;
    std::int64_t days = local / 86400;
    std::int64_t rest = local % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const LocalDate date = LocalDate::from_days_since_epoch(static_cast<int>(days));
    const int abs_offset = offset < 0 ? -offset : offset;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d %c%02d%02d", date.year,
                  date.month, date.day, static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60),
                  offset < 0 ? '-' : '+', abs_offset / 3600, abs_offset / 60 % 60);
    return buffer;
}

}  // namespace td
