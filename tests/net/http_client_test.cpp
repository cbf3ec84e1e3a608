#include "loopback_server.hpp"

#include <tweetdigest/net.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <doctest/doctest.h>

#include <chrono>

using namespace std::chrono_literals;
using td_test::LoopbackServer;
using td_test::ReceivedRequest;
using td_test::Reply;
using td_test::reply;

namespace {

// Options whose sleeps are recorded instead of waited, so retry tests run instantly.
struct FastClock {
    std::vector<std::chrono::milliseconds> sleeps;
    std::int64_t now = 1'700'000'000;

    td::HttpOptions options() {
        td::HttpOptions options;
        options.connect_timeout = 2s;
        options.read_timeout = 2s;
        options.total_timeout = 4s;
        options.proxy = "";
        options.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
        options.unix_now = [this] { return now; };
        return options;
    }
};

td::HttpRequest get(std::string url) {
    td::HttpRequest request;
    request.url = std::move(url);
    return request;
}

std::string error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const td::Error& error) {
        return error.what();
    }
    return "";
}

std::uint16_t closed_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(
        io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();  // closed again when acceptor goes away
}

}  // namespace

TEST_CASE("a GET returns status, headers and body, and sends the request headers") {
    LoopbackServer server([](const ReceivedRequest&, int) {
        return reply(200, "hello", {{"X-Answer", "42"}});
    });
    FastClock clock;
    td::HttpRequest request;
    request.url = server.url() + "/path?q=1";
    request.headers = {{"Authorization", "Bearer abc"}};
    const td::HttpResponse response = td::http_send(request, clock.options());
    CHECK(response.status == 200);
    CHECK(response.body == "hello");
    CHECK(response.header("x-answer") == "42");
    CHECK(response.attempts == 1);
    const auto received = server.requests();
    REQUIRE(received.size() == 1);
    CHECK(received[0].target == "/path?q=1");
    CHECK(received[0].headers.at("authorization") == "Bearer abc");
    CHECK(received[0].headers.at("host") == "127.0.0.1:" + std::to_string(server.port()));
}

TEST_CASE("a POST carries its body") {
    LoopbackServer server([](const ReceivedRequest& request, int) {
        return reply(200, "got " + request.body);
    });
    FastClock clock;
    td::HttpRequest request = get(server.url());
    request.method = "POST";
    request.body = "{\"a\":1}";
    request.headers = {{"Content-Type", "application/json"}};
    CHECK(td::http_send(request, clock.options()).body == "got {\"a\":1}");
}

TEST_CASE("a 503 is retried after an exponential back-off with jitter") {
    LoopbackServer server([](const ReceivedRequest&, int n) {
        return n < 2 ? reply(503, "busy") : reply(200, "ok");
    });
    FastClock clock;
    std::vector<std::string> log;
    td::HttpOptions options = clock.options();
    options.retry.initial_delay = 400ms;
    options.log = [&](std::string_view line) { log.emplace_back(line); };
    const td::HttpResponse response = td::http_send(get(server.url()), options);
    CHECK(response.body == "ok");
    CHECK(response.attempts == 3);
    REQUIRE(clock.sleeps.size() == 2);
    CHECK(clock.sleeps[0] >= 200ms);
    CHECK(clock.sleeps[0] <= 400ms);
    CHECK(clock.sleeps[1] >= 400ms);
    CHECK(clock.sleeps[1] <= 800ms);
    REQUIRE(log.size() == 2);
    CHECK(log[0].find("HTTP 503") != std::string::npos);

    // The same seed gives the same waits.
    FastClock again;
    LoopbackServer second([](const ReceivedRequest&, int n) {
        return n < 2 ? reply(503) : reply(200, "ok");
    });
    td::HttpOptions same = again.options();
    same.retry.initial_delay = 400ms;
    td::http_send(get(second.url()), same);
    CHECK(again.sleeps == clock.sleeps);
}

TEST_CASE("a 429 waits as x-rate-limit-reset or Retry-After asks, capped") {
    FastClock clock;
    LoopbackServer server([&](const ReceivedRequest&, int n) {
        if (n == 0)
            return reply(429, "", {{"x-rate-limit-reset", std::to_string(clock.now + 7)}});
        if (n == 1) return reply(429, "", {{"Retry-After", "3"}});
        if (n == 2)
            return reply(429, "", {{"x-rate-limit-reset", std::to_string(clock.now + 9000)}});
        return reply(200, "ok");
    });
    td::HttpOptions options = clock.options();
    options.retry.max_rate_limit_wait = 60s;
    const td::HttpResponse response = td::http_send(get(server.url()), options);
    CHECK(response.attempts == 4);
    CHECK(clock.sleeps == std::vector<std::chrono::milliseconds>{7s, 3s, 60s});
}

TEST_CASE("retries stop after max_attempts with a message naming the status") {
    LoopbackServer server([](const ReceivedRequest&, int) { return reply(502, "bad gateway"); });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.retry.max_attempts = 3;
    const std::string message = error_message([&] { td::http_send(get(server.url() + "/x"), options); });
    CHECK(message == "GET " + server.url() + "/x: HTTP 502: bad gateway (after 3 attempts)");
    CHECK(server.requests().size() == 3);
}

TEST_CASE("a 4xx is not retried and secrets never appear in the message") {
    LoopbackServer server([](const ReceivedRequest& request, int) {
        return reply(401, "bad credentials: " + request.headers.at("authorization"));
    });
    FastClock clock;
    td::HttpRequest request = get(server.url() + "/2/tweets?api_key=k3y-value");
    request.headers = {{"Authorization", "Bearer s3cret-token"}};
    std::string message = error_message([&] { td::http_send(request, clock.options()); });
    CHECK(message.find("HTTP 401") != std::string::npos);
    CHECK(message.find("s3cret-token") == std::string::npos);
    CHECK(message.find("k3y-value") == std::string::npos);
    CHECK(message.find("api_key=REDACTED") != std::string::npos);
    CHECK(server.requests().size() == 1);
    CHECK(clock.sleeps.empty());
}

TEST_CASE("a response slower than the read timeout fails quickly and is not retried") {
    LoopbackServer server([](const ReceivedRequest&, int) { Reply late = reply(200, "late");
        late.delay = 1500ms;
        return late; });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.read_timeout = 200ms;
    const auto start = std::chrono::steady_clock::now();
    const std::string message = error_message([&] { td::http_send(get(server.url()), options); });
    CHECK(std::chrono::steady_clock::now() - start < 1000ms);
    CHECK(message.find("timeout") != std::string::npos);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("the total timeout bounds a response that trickles in") {
    LoopbackServer server([](const ReceivedRequest&, int) {
        Reply trickle = reply(200);
        trickle.chunks = {"a", "b", "c", "d", "e", "f"};
        trickle.chunk_delay = 150ms;
        return trickle;
    });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.read_timeout = 400ms;
    options.total_timeout = 350ms;
    const std::string message = error_message([&] { td::http_send(get(server.url()), options); });
    CHECK(message.find("timeout") != std::string::npos);
}

TEST_CASE("a connection reset is retried") {
    LoopbackServer server([](const ReceivedRequest&, int n) {
        return n == 0 ? td_test::reset_connection() : reply(200, "ok");
    });
    FastClock clock;
    const td::HttpResponse response = td::http_send(get(server.url()), clock.options());
    CHECK(response.body == "ok");
    CHECK(response.attempts == 2);
    CHECK(clock.sleeps.size() == 1);
}

TEST_CASE("a refused connection is retried, then reported") {
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.retry.max_attempts = 2;
    const std::string url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
    const std::string message = error_message([&] { td::http_send(get(url), options); });
    CHECK(message.find("cannot connect to 127.0.0.1:") != std::string::npos);
    CHECK(message.find("(after 2 attempts)") != std::string::npos);
    CHECK(clock.sleeps.size() == 1);
}

TEST_CASE("responses over the size limit are refused") {
    LoopbackServer server([](const ReceivedRequest&, int) { return reply(200, std::string(5000, 'x')); });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.max_response_bytes = 1000;
    const std::string message = error_message([&] { td::http_send(get(server.url()), options); });
    CHECK(message.find("larger than the limit of 1000 bytes") != std::string::npos);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("on_body_data receives a streamed body as it arrives") {
    LoopbackServer server([](const ReceivedRequest&, int) {
        Reply stream = reply(200, "", {{"Content-Type", "text/event-stream"}});
        stream.chunks = {"data: 1\n\n", "data: 2\n\n", "data: 3\n\n"};
        stream.chunk_delay = 30ms;
        return stream;
    });
    FastClock clock;
    std::vector<std::string> pieces;
    td::HttpRequest request = get(server.url());
    request.on_body_data = [&](std::string_view piece) { pieces.emplace_back(piece); };
    const td::HttpResponse response = td::http_send(request, clock.options());
    CHECK(response.body.empty());
    std::string joined;
    for (const auto& piece : pieces) joined += piece;
    CHECK(joined == "data: 1\n\ndata: 2\n\ndata: 3\n\n");
    CHECK(pieces.size() >= 2);
}

TEST_CASE("a proxy is used through a CONNECT tunnel") {
    LoopbackServer proxy([](const ReceivedRequest& request, int) {
        if (request.method == "CONNECT") return reply(200);
        return reply(200, "through " + request.headers.at("host"));
    });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.proxy = "http://user:pass@127.0.0.1:" + std::to_string(proxy.port());
    const td::HttpResponse response = td::http_send(get("http://tweetdigest.test/feed"), options);
    CHECK(response.body == "through tweetdigest.test");
    const auto received = proxy.requests();
    REQUIRE(received.size() == 2);
    CHECK(received[0].method == "CONNECT");
    CHECK(received[0].target == "tweetdigest.test:80");
    CHECK(received[0].headers.at("proxy-authorization") == "Basic dXNlcjpwYXNz");
    CHECK(received[1].target == "/feed");
}

TEST_CASE("a proxy refusing the tunnel is reported") {
    LoopbackServer proxy([](const ReceivedRequest&, int) { return reply(407); });
    FastClock clock;
    td::HttpOptions options = clock.options();
    options.proxy = proxy.url();
    const std::string message =
        error_message([&] { td::http_send(get("https://tweetdigest.test/"), options); });
    CHECK(message.find("refused the tunnel to tweetdigest.test:443: HTTP 407") != std::string::npos);
}
