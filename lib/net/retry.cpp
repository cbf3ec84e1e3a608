#include "net/retry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>

namespace td::net {
namespace {

std::optional<std::int64_t> parse_integer(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate) -> Unix seconds.
std::optional<std::int64_t> parse_http_date(const std::string& text) {
    std::tm parts{};
    char weekday[4] = {}, month[4] = {}, zone[4] = {};
    if (std::sscanf(text.c_str(), "%3s %d %3s %d %d:%d:%d %3s", weekday, &parts.tm_mday, month,
                    &parts.tm_year, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, zone) != 8)
        return std::nullopt;
    static constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const std::size_t index = months.find(month);
    if (index == std::string_view::npos || index % 3 != 0 || std::string_view(zone) != "GMT")
        return std::nullopt;
    parts.tm_mon = static_cast<int>(index / 3);
    parts.tm_year -= 1900;
    return static_cast<std::int64_t>(timegm(&parts));
}

}  // namespace

bool is_retryable_status(int status) { return status == 429 || (status >= 500 && status <= 599); }

Backoff::Backoff(const RetryPolicy& policy) : policy_(policy), random_(policy.jitter_seed) {}

std::chrono::milliseconds Backoff::delay_before_retry(int retry) {
    const double base = static_cast<double>(policy_.initial_delay.count()) *
                        std::pow(2.0, std::max(0, retry - 1));
    const double capped = std::min(base, static_cast<double>(policy_.max_delay.count()));
    const double jitter = std::uniform_real_distribution<double>(0.5, 1.0)(random_);
    return std::chrono::milliseconds(static_cast<std::int64_t>(capped * jitter));
}

std::optional<std::chrono::milliseconds> server_requested_wait(const HttpResponse& response,
                                                               std::int64_t unix_now) {
    using std::chrono::seconds;
    if (const auto retry_after = response.header("retry-after")) {
        if (const auto delay = parse_integer(*retry_after); delay && *delay >= 0)
            return seconds(*delay);
        if (const auto date = parse_http_date(*retry_after))
            return seconds(std::max<std::int64_t>(0, *date - unix_now));
    }
    if (const auto reset = response.header("x-rate-limit-reset")) {
        if (const auto at = parse_integer(*reset))
            return seconds(std::max<std::int64_t>(0, *at - unix_now));
    }
    return std::nullopt;
}

}  // namespace td::net
