#include "net/http_attempt.hpp"
#include "net/retry.hpp"
#include "net/url.hpp"

#include <tweetdigest/net.hpp>

#include <boost/algorithm/string/predicate.hpp>

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace td {
namespace {

std::optional<net::Url> choose_proxy(const net::Url& url, const HttpOptions& options) {
    std::string proxy;
    if (options.proxy) {
        proxy = *options.proxy;
    } else if (url.is_https()) {
        for (const char* name : {"HTTPS_PROXY", "https_proxy"}) {
            if (const char* value = std::getenv(name); value && *value) {
                proxy = value;
                break;
            }
        }
    }
    if (proxy.empty()) return std::nullopt;
    if (proxy.find("://") == std::string::npos) proxy.insert(0, "http://");
    net::Url parsed = net::parse_url(proxy);
    if (parsed.is_https())
        throw Error(Error::Code::unsupported, "TLS to the proxy itself is not supported: " + redact_url(proxy));
    return parsed;
}

// Values that must never be shown: credentials sent in headers or in the URL's user info.
std::vector<std::string> secrets_of(const HttpRequest& request, const net::Url& url) {
    std::vector<std::string> secrets;
    for (const HttpHeader& header : request.headers) {
        if (!boost::iequals(header.name, "authorization") && !boost::iequals(header.name, "x-api-key") &&
            !boost::iequals(header.name, "api-key"))
            continue;
        std::string value = header.value;
        if (const std::size_t space = value.find(' '); space != std::string::npos)
            value.erase(0, space + 1);  // "Bearer xyz" -> "xyz"
        if (value.size() >= 4) secrets.push_back(value);
    }
    if (url.user_info.size() >= 4) secrets.push_back(url.user_info);
    return secrets;
}

std::string without_secrets(std::string text, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets) {
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
            text.replace(at, secret.size(), "REDACTED");
    }
    return text;
}

std::string body_excerpt(const std::string& body) {
    constexpr std::size_t limit = 300;
    std::string excerpt = body.substr(0, limit);
    for (char& c : excerpt)
        if (c == '\n' || c == '\r') c = ' ';
    return body.size() > limit ? excerpt + "..." : excerpt;
}

std::string seconds_text(std::chrono::milliseconds delay) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(delay.count()) / 1000.0);
    return text;
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const HttpHeader& h : headers)
        if (boost::iequals(h.name, name)) return h.value;
    return std::nullopt;
}

bool https_supported() noexcept {
#ifdef TD_HAVE_OPENSSL
    return true;
#else
    return false;
#endif
}

HttpResponse http_send(const HttpRequest& request, const HttpOptions& options) {
    const net::Url url = net::parse_url(request.url);
#ifndef TD_HAVE_OPENSSL
    if (url.is_https())
        throw Error(Error::Code::unsupported,
                    request.method + " " + redact_url(request.url) + ": https needs a tweetdigest built with OpenSSL");
#endif
    const std::optional<net::Url> proxy = choose_proxy(url, options);
    const std::vector<std::string> secrets = secrets_of(request, url);
    const std::string what = request.method + " " + redact_url(request.url);
    const auto fail = [&](const std::string& reason, int attempts) {
        std::string message = what + ": " + reason;
        if (attempts > 1) message += " (after " + std::to_string(attempts) + " attempts)";
        return Error(Error::Code::io, without_secrets(message, secrets));
    };
    const auto sleep = options.sleep ? options.sleep
                                     : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    const auto unix_now = options.unix_now ? options.unix_now : [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
    };

    net::Backoff backoff(options.retry);
    const int max_attempts = std::max(1, options.retry.max_attempts);
    for (int attempt = 1;; ++attempt) {
        std::string reason;  // for the log line: short, without the response body
        std::chrono::milliseconds wait = backoff.delay_before_retry(attempt);
        try {
            HttpResponse response = net::perform_attempt(request, url, proxy, options);
            response.attempts = attempt;
            if (response.status / 100 == 2) return response;
            reason = "HTTP " + std::to_string(response.status);
            if (!net::is_retryable_status(response.status) || attempt == max_attempts)
                throw fail(response.body.empty() ? reason : reason + ": " + body_excerpt(response.body),
                           attempt);
            if (const auto requested = net::server_requested_wait(response, unix_now()))
                wait = std::min(*requested, options.retry.max_rate_limit_wait);
        } catch (const net::AttemptError& error) {
            if (!error.retryable() || attempt == max_attempts) throw fail(error.what(), attempt);
            reason = error.what();
        }
        if (options.log)
            options.log(without_secrets(
                "retrying " + what + " in " + seconds_text(wait) + ": " + reason, secrets));
        sleep(wait);
    }
}

}  // namespace td
