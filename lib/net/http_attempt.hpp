#pragma once
// One HTTP exchange over a fresh connection, every step bounded by a deadline.

#include "net/url.hpp"

#include <tweetdigest/net.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace td::net {

// Why an attempt produced no response, and whether trying again may help.
class AttemptError : public std::runtime_error {
public:
    AttemptError(const std::string& reason, bool retryable)
        : std::runtime_error(reason), retryable_(retryable) {}
    bool retryable() const noexcept { return retryable_; }

private:
    bool retryable_;
};

// Connects (through the proxy's CONNECT tunnel when given, with TLS for https), sends the
// request and reads the response. Throws AttemptError for network failures and Error for
// requests that can never succeed (https without OpenSSL, an unknown method).
HttpResponse perform_attempt(const HttpRequest& request, const Url& url,
                             const std::optional<Url>& proxy, const HttpOptions& options);

}  // namespace td::net
