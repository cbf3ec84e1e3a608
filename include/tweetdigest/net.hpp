#pragma once
// Network: an HTTP(S) client with deadlines and bounded retries, X API v2 fetching, and
// LLM-written prose for a Digest through an OpenAI-compatible chat-completions endpoint.
// Nothing here runs unless called: no other module touches the network.

#include <tweetdigest/common.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/export.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace td {

// ---------------------------------------------------------------------------------------------
// HTTP client

struct TD_API HttpHeader {
    std::string name;
    std::string value;
};

struct TD_API HttpRequest {
    std::string method = "GET";
    std::string url;  // http:// or https:// (https needs a build with OpenSSL)
    std::vector<HttpHeader> headers;
    std::string body;
    // When set, the body of a 2xx response is handed over piece by piece as it arrives
    // (HttpResponse::body stays empty); used for server-sent events.
    std::function<void(std::string_view)> on_body_data;
};

struct TD_API HttpResponse {
    int status = 0;
    std::vector<HttpHeader> headers;
    std::string body;
    int attempts = 1;  // how many tries the request took

    // The first header with this name (case-insensitive), or nullopt.
    std::optional<std::string> header(std::string_view name) const;
};

// Retries cover connection failures, responses cut short, HTTP 429 and 5xx. The wait before
// retry n is initial_delay * 2^(n-1), capped at max_delay, with jitter in [50%, 100%]; a
// server's Retry-After or x-rate-limit-reset replaces it, capped at max_rate_limit_wait.
struct TD_API RetryPolicy {
    int max_attempts = 4;
    std::chrono::milliseconds initial_delay{500};
    std::chrono::milliseconds max_delay{30'000};
    std::chrono::milliseconds max_rate_limit_wait{15 * 60'000};
    std::uint64_t jitter_seed = 0x7464;
};

struct TD_API HttpOptions {
    std::chrono::milliseconds connect_timeout{10'000};  // name resolution, TCP, proxy, TLS
    std::chrono::milliseconds read_timeout{30'000};     // longest silence while receiving
    std::chrono::milliseconds total_timeout{120'000};   // one attempt, first byte to last
    std::size_t max_response_bytes = 64u << 20;
    RetryPolicy retry;
    // "http://[user:password@]host:port". Unset: HTTPS_PROXY / https_proxy for https URLs.
    // Set (even to ""): used for every URL, "" meaning no proxy. Requests tunnel with CONNECT.
    std::optional<std::string> proxy;
    std::string user_agent = "tweetdigest";
    // Injectable time, so retries can be tested without waiting. Defaults: the real clocks.
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<std::int64_t()> unix_now;
    // Receives one line per retry ("retrying GET <url> in 2.0 s: HTTP 503"); secrets redacted.
    std::function<void(std::string_view)> log;
};

// Sends the request, retrying as the policy says. Returns the 2xx response; throws
// Error(io) for anything else, naming the method and the URL with secrets redacted, and
// Error(unsupported) for https without OpenSSL. Header values of Authorization, X-Api-Key and
// Api-Key, and URL credentials or key/token query parameters, never appear in messages.
TD_API HttpResponse http_send(const HttpRequest& request, const HttpOptions& options = {});

// Whether this build speaks https (was built with OpenSSL).
TD_API bool https_supported() noexcept;

// The URL with user info and secret-looking query values (token, key, secret, password,
// signature...) replaced by "REDACTED".
TD_API std::string redact_url(std::string_view url);

// ---------------------------------------------------------------------------------------------
// X API v2

enum class XFetchMode { recent_search, user_timeline };

struct TD_API XFetchProgress {
    std::uint64_t pages = 0;   // pages written so far, earlier runs included
    std::uint64_t tweets = 0;  // tweets in those pages
    bool finished = false;     // no next page, or max_tweets reached
};

struct TD_API XFetchOptions {
    XFetchMode mode = XFetchMode::recent_search;
    std::string query;    // recent_search: the search query
    std::string user_id;  // user_timeline: the numeric user id
    std::string start_time;  // ISO-8601, optional
    std::string end_time;    // ISO-8601, optional
    std::uint64_t max_tweets = 0;  // stop once this many are written (whole pages); 0: all
    int page_size = 100;           // max_results per request (10..100; 5..100 for timelines)
    std::string base_url = "https://api.x.com";
    std::string bearer_token;  // empty: TWEETDIGEST_X_BEARER_TOKEN
    std::string output_path;   // JSONL, one API page per line; state in output_path + ".state"
    bool resume = false;       // continue from the saved next_token instead of starting anew
    HttpOptions http;
    std::function<void(const XFetchProgress&)> on_progress;
};

struct TD_API XFetchResult {
    XFetchProgress progress;
    std::string next_token;  // where a resumed fetch would continue; empty when finished
    std::vector<Diagnostic> diagnostics;  // API-reported partial errors, per page
};

// Fetches pages and appends each as one JSONL line, saving the pagination state atomically
// after every page, so an interrupted fetch resumes without losing or repeating a page.
// Throws Error(invalid_argument) for bad options (no token, no query...), Error(io) for network
// failures, Error(parse) for a page that is not JSON; pages already written are kept.
TD_API XFetchResult fetch_x_tweets(const XFetchOptions& options);

// ---------------------------------------------------------------------------------------------
// LLM prose

struct TD_API ProseLimits {  // in code points
    std::size_t overview = 600;
    std::size_t core_point_summary = 240;
    std::size_t view = 300;
    std::size_t analysis = 400;  // each AI/finance analysis paragraph and conclusion
    std::size_t list_items = 6;  // paragraphs per analysis/conclusion list
};

struct TD_API LlmOptions {
    std::string base_url;  // up to /v1, e.g. "https://api.openai.com/v1"; required
    std::string model;     // required
    std::string api_key;   // empty: TWEETDIGEST_LLM_API_KEY (no Authorization header if unset)
    bool stream = false;   // request server-sent events
    double temperature = 0.2;
    int max_tokens = 4000;
    bool json_schema_response_format = true;  // send response_format json_schema
    ProseLimits limits;
    HttpOptions http;
    // Streaming only: receives the answer's text as it arrives.
    std::function<void(std::string_view)> on_text;
};

struct TD_API LlmUsage {
    std::uint64_t prompt_tokens = 0;
    std::uint64_t completion_tokens = 0;
    std::uint64_t total_tokens = 0;
};

struct TD_API LlmResult {
    Digest digest;  // the input with every validated rewrite applied
    std::vector<Diagnostic> diagnostics;  // each rejected rewrite, or the failed request
    LlmUsage usage;
    std::size_t accepted = 0;  // statements rewritten
    std::size_t rejected = 0;  // statements that kept their extractive text
};

// Asks the model to rewrite the prose (overview, core point summaries, views, AI and finance
// analysis, conclusions) from the digest's evidence only, in its language, as JSON following a
// schema sent with the request. Each statement is validated (cited ids exist in the evidence,
// no $TICKER or number the evidence lacks, length limits) and replaced only when valid.
// A failed request or unusable answer leaves the digest unchanged and is reported in the
// diagnostics. Throws only for a request that cannot be made: Error(invalid_argument) for a
// missing or malformed base_url or a missing model, Error(unsupported) for https without OpenSSL.
TD_API LlmResult improve_prose(const Digest& digest, const LlmOptions& options);

// The evidence JSON and the messages improve_prose sends (for review before sending).
TD_API std::string prose_request_body(const Digest& digest, const LlmOptions& options);

}  // namespace td
