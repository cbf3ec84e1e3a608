#pragma once
// How long to wait before retrying a request.

#include <tweetdigest/net.hpp>

#include <chrono>
#include <optional>
#include <random>

namespace td::net {

bool is_retryable_status(int status);

// Exponential back-off with jitter: initial_delay * 2^(retry-1), capped, times [0.5, 1].
class Backoff {
public:
    explicit Backoff(const RetryPolicy& policy);
    std::chrono::milliseconds delay_before_retry(int retry);

private:
    RetryPolicy policy_;
    std::mt19937_64 random_;
};

// The wait a 429/503 response asks for: Retry-After (seconds or an HTTP date), else
// x-rate-limit-reset (Unix seconds). nullopt when neither is present and valid.
std::optional<std::chrono::milliseconds> server_requested_wait(const HttpResponse& response,
                                                               std::int64_t unix_now);

}  // namespace td::net
