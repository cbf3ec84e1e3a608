#include "loopback_server.hpp"
#include "test_support.hpp"

#include <tweetdigest/net.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace std::chrono_literals;
using td_test::LoopbackServer;
using td_test::ReceivedRequest;
using td_test::Reply;
using td_test::reply;

namespace {

const std::string token = "x-bearer-s3cret";

// Page n of an emulated search: two tweets, a next_token except on the last page, and the
// pretty-printed layout the API may use (the output must still hold one page per line).
std::string page(int n, int last) {
    std::string ids[2] = {std::to_string(1000 + 2 * n), std::to_string(1001 + 2 * n)};
    std::string body = "{\n  \"data\": [\n";
    for (int i = 0; i < 2; ++i) {
        body += "    {\"id\": \"" + ids[i] + "\", \"text\": \"tweet " + ids[i] +
                "\", \"author_id\": \"7\", \"created_at\": \"2026-01-25T01:00:00.000Z\"}";
        body += i == 0 ? ",\n" : "\n";
    }
    body += "  ],\n  \"includes\": {\"users\": [{\"id\": \"7\", \"username\": \"alice\", \"name\": \"A\"}]},\n";
    body += "  \"meta\": {\"result_count\": 2";
    if (n < last) body += ", \"next_token\": \"t" + std::to_string(n + 1) + "\"";
    return body + "}\n}\n";
}

// The page a request asks for: 0 without a token, n for "tn".
int requested_page(const ReceivedRequest& request) {
    for (const char* name : {"next_token=t", "pagination_token=t"}) {
        const std::size_t at = request.target.find(name);
        if (at != std::string::npos) return std::atoi(request.target.c_str() + at + std::strlen(name));
    }
    return 0;
}

struct Fixture {
    std::filesystem::path out;
    std::vector<std::chrono::milliseconds> sleeps;

    explicit Fixture(const std::string& name) : out(td_test::output_dir() / ("x_" + name + ".jsonl")) {
        std::filesystem::remove(out);
        std::filesystem::remove(out.string() + ".state");
    }

    td::XFetchOptions options(const LoopbackServer& server) {
        td::XFetchOptions options;
        options.query = "AI lang:zh";
        options.base_url = server.url();
        options.bearer_token = token;
        options.output_path = out.string();
        options.http.proxy = "";
        options.http.read_timeout = 2s;
        options.http.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
        options.http.unix_now = [] { return std::int64_t{1'700'000'000}; };
        return options;
    }

    std::vector<boost::json::object> lines() const {
        std::vector<boost::json::object> pages;
        std::ifstream in(out);
        for (std::string line; std::getline(in, line);) pages.push_back(boost::json::parse(line).as_object());
        return pages;
    }

    boost::json::object state() const {
        return boost::json::parse(td_test::read_file(out.string() + ".state")).as_object();
    }
};

std::vector<std::string> first_ids(const std::vector<boost::json::object>& pages) {
    std::vector<std::string> ids;
    for (const auto& p : pages) ids.push_back(p.at("data").as_array()[0].at("id").as_string().c_str());
    return ids;
}

}  // namespace

TEST_CASE("recent search follows next_token and writes one page per line") {
    LoopbackServer server([](const ReceivedRequest& request, int) { return reply(200, page(requested_page(request), 2)); });
    Fixture fixture("pages");
    td::XFetchOptions options = fixture.options(server);
    options.start_time = "2026-01-25T00:00:00+08:00";
    options.end_time = "2026-01-26T00:00:00Z";
    std::vector<td::XFetchProgress> progress;
    options.on_progress = [&](const td::XFetchProgress& p) { progress.push_back(p); };

    const td::XFetchResult result = td::fetch_x_tweets(options);
    CHECK(result.progress.pages == 3);
    CHECK(result.progress.tweets == 6);
    CHECK(result.next_token.empty());
    CHECK(first_ids(fixture.lines()) == std::vector<std::string>{"1000", "1002", "1004"});
    REQUIRE(progress.size() == 3);
    CHECK(progress[1].tweets == 4);
    CHECK_FALSE(progress[1].finished);
    CHECK(progress[2].finished);
    CHECK(fixture.state().at("finished").as_bool());

    const auto requests = server.requests();
    REQUIRE(requests.size() == 3);
    const std::string& first = requests[0].target;
    CHECK(first.rfind("/2/tweets/search/recent?query=AI%20lang%3Azh&max_results=100", 0) == 0);
    CHECK(first.find("start_time=2026-01-24T16%3A00%3A00Z") != std::string::npos);
    CHECK(first.find("end_time=2026-01-26T00%3A00%3A00Z") != std::string::npos);
    CHECK(first.find("expansions=author_id%2Creferenced_tweets.id%2Creferenced_tweets.id.author_id%2C"
                     "entities.mentions.username") != std::string::npos);
    CHECK(first.find("tweet.fields=created_at%2Clang%2Cpublic_metrics%2Centities%2Creferenced_tweets%2C"
                     "conversation_id%2Cnote_tweet%2Cedit_history_tweet_ids%2Cauthor_id") != std::string::npos);
    CHECK(first.find("user.fields=username%2Cname%2Cpublic_metrics") != std::string::npos);
    CHECK(first.find("next_token") == std::string::npos);
    CHECK(requests[1].target.find("next_token=t1") != std::string::npos);
    CHECK(requests[0].headers.at("authorization") == "Bearer " + token);
}

TEST_CASE("the user timeline uses its path and pagination_token") {
    LoopbackServer server([](const ReceivedRequest& request, int) { return reply(200, page(requested_page(request), 1)); });
    Fixture fixture("timeline");
    td::XFetchOptions options = fixture.options(server);
    options.mode = td::XFetchMode::user_timeline;
    options.user_id = "42";
    options.page_size = 5;
    CHECK(td::fetch_x_tweets(options).progress.tweets == 4);
    const auto requests = server.requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].target.rfind("/2/users/42/tweets?max_results=5&", 0) == 0);
    CHECK(requests[1].target.find("pagination_token=t1") != std::string::npos);
}

TEST_CASE("--max stops after enough tweets and asks for no more than needed") {
    LoopbackServer server([](const ReceivedRequest& request, int) { return reply(200, page(requested_page(request), 9)); });
    Fixture fixture("max");
    td::XFetchOptions options = fixture.options(server);
    options.max_tweets = 3;
    const td::XFetchResult result = td::fetch_x_tweets(options);
    CHECK(result.progress.tweets == 4);
    CHECK(fixture.lines().size() == 2);
    CHECK(server.requests()[0].target.find("max_results=10&") != std::string::npos);
}

TEST_CASE("a 429 with x-rate-limit-reset and a 503 are waited out") {
    LoopbackServer server([](const ReceivedRequest& request, int n) {
        if (n == 1) return reply(429, "{\"title\":\"Too Many Requests\"}", {{"x-rate-limit-reset", "1700000005"}});
        if (n == 2) return reply(503, "unavailable");
        return reply(200, page(requested_page(request), 1));
    });
    Fixture fixture("rate_limit");
    const td::XFetchResult result = td::fetch_x_tweets(fixture.options(server));
    CHECK(result.progress.pages == 2);
    REQUIRE(fixture.sleeps.size() == 2);
    CHECK(fixture.sleeps[0] == 5s);
    CHECK(fixture.sleeps[1] >= 500ms);  // the second retry of the same request
    CHECK(fixture.sleeps[1] <= 1000ms);
    CHECK(first_ids(fixture.lines()) == std::vector<std::string>{"1000", "1002"});
}

TEST_CASE("a connection reset mid-fetch is retried without losing a page") {
    LoopbackServer server([](const ReceivedRequest& request, int n) {
        return n == 1 ? td_test::reset_connection() : reply(200, page(requested_page(request), 2));
    });
    Fixture fixture("reset");
    CHECK(td::fetch_x_tweets(fixture.options(server)).progress.pages == 3);
    CHECK(first_ids(fixture.lines()) == std::vector<std::string>{"1000", "1002", "1004"});
}

TEST_CASE("malformed JSON stops the fetch; --resume continues from the saved token") {
    Fixture fixture("resume");
    {
        LoopbackServer broken([](const ReceivedRequest& request, int) {
            const int n = requested_page(request);
            return n == 1 ? reply(200, "{\"data\": [truncated") : reply(200, page(n, 2));
        });
        try {
            td::fetch_x_tweets(fixture.options(broken));
            FAIL("a malformed page must throw");
        } catch (const td::Error& error) {
            CHECK(error.code() == td::Error::Code::parse);
            CHECK(std::string(error.what()).find("next_token=REDACTED") != std::string::npos);
        }
        CHECK(fixture.lines().size() == 1);
        CHECK(std::string(fixture.state().at("next_token").as_string()) == "t1");
    }
    // A page appended after the last saved state (a crash between the two) is cut on resume.
    std::ofstream(fixture.out, std::ios::app) << "{\"data\": [{\"id\": \"half";

    LoopbackServer good([](const ReceivedRequest& request, int) { return reply(200, page(requested_page(request), 2)); });
    td::XFetchOptions options = fixture.options(good);
    options.resume = true;
    const td::XFetchResult result = td::fetch_x_tweets(options);
    CHECK(result.progress.pages == 3);
    CHECK(result.progress.tweets == 6);
    CHECK(first_ids(fixture.lines()) == std::vector<std::string>{"1000", "1002", "1004"});
    CHECK(good.requests()[0].target.find("next_token=t1") != std::string::npos);

    // Resuming a finished fetch sends nothing.
    CHECK(td::fetch_x_tweets(options).progress.pages == 3);
    CHECK(good.requests().size() == 2);
}

TEST_CASE("resuming with another query is refused") {
    LoopbackServer server([](const ReceivedRequest& request, int) { return reply(200, page(requested_page(request), 0)); });
    Fixture fixture("other_query");
    td::fetch_x_tweets(fixture.options(server));
    td::XFetchOptions options = fixture.options(server);
    options.resume = true;
    options.query = "something else";
    CHECK_THROWS_AS(td::fetch_x_tweets(options), td::Error);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("partial API errors become diagnostics pointing at the page's line") {
    LoopbackServer server([](const ReceivedRequest&, int) {
        std::string body = page(0, 0);
        body.insert(body.rfind('}'), ", \"errors\": [{\"title\": \"Not Found Error\", \"detail\": \"tweet 9 gone\"}]");
        return reply(200, body);
    });
    Fixture fixture("partial");
    const td::XFetchResult result = td::fetch_x_tweets(fixture.options(server));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].line == 1);
    CHECK(result.diagnostics[0].message == "the API reported: Not Found Error: tweet 9 gone");
}

TEST_CASE("the bearer token is required and never shown") {
    Fixture fixture("token");
    LoopbackServer server([](const ReceivedRequest& request, int) {
        return reply(401, "{\"detail\": \"bad token " + request.headers.at("authorization") + "\"}");
    });
    td::XFetchOptions options = fixture.options(server);
    try {
        td::fetch_x_tweets(options);
        FAIL("a 401 must throw");
    } catch (const td::Error& error) {
        const std::string message = error.what();
        CHECK(message.find("HTTP 401") != std::string::npos);
        CHECK(message.find(token) == std::string::npos);
    }
    ::unsetenv("TWEETDIGEST_X_BEARER_TOKEN");
    options.bearer_token.clear();
    CHECK_THROWS_AS(td::fetch_x_tweets(options), td::Error);
    CHECK(server.requests().size() == 1);
}
