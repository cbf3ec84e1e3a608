#include "net/url.hpp"

#include <tweetdigest/net.hpp>

#include <doctest/doctest.h>

TEST_CASE("parse_url splits scheme, host, default port and target") {
    const td::net::Url url = td::net::parse_url("https://api.x.com/2/tweets/search/recent?query=a");
    CHECK(url.is_https());
    CHECK(url.host == "api.x.com");
    CHECK(url.port == "443");
    CHECK(url.target == "/2/tweets/search/recent?query=a");

    const td::net::Url local = td::net::parse_url("http://user:pw@127.0.0.1:8080");
    CHECK(local.user_info == "user:pw");
    CHECK(local.authority() == "127.0.0.1:8080");
    CHECK(local.target == "/");

    CHECK(td::net::parse_url("http://[::1]:9/x").authority() == "[::1]:9");
    CHECK_THROWS_AS(td::net::parse_url("ftp://host/"), td::Error);
    CHECK_THROWS_AS(td::net::parse_url("http://host:port/"), td::Error);
    CHECK_THROWS_AS(td::net::parse_url("host/path"), td::Error);
}

TEST_CASE("redact_url hides credentials and secret query values") {
    CHECK(td::redact_url("https://u:p@h.com/a?query=ai&api_key=abc&token=xyz#f") ==
          "https://REDACTED@h.com/a?query=ai&api_key=REDACTED&token=REDACTED#f");
    CHECK(td::redact_url("http://h/x?next_token=abc") == "http://h/x?next_token=REDACTED");
    CHECK(td::redact_url("http://h/x?q=1") == "http://h/x?q=1");
}

TEST_CASE("percent_encode keeps unreserved characters only") {
    CHECK(td::net::percent_encode("AI lang:zh -is:retweet") == "AI%20lang%3Azh%20-is%3Aretweet");
    CHECK(td::net::percent_encode("a.b_c~d") == "a.b_c~d");
}
