#include <tweetdigest/text.hpp>

#include <doctest/doctest.h>

using namespace td;

TEST_CASE("entities carry byte, code point and UTF-16 indices") {
    const std::string text = "😀 #tag @user/list $AAPL http://example.com/x";
    const std::vector<Entity> entities = extract_entities(text);
    REQUIRE(entities.size() == 4);
    CHECK(entities[0].kind == EntityKind::hashtag);
    CHECK(entities[0].value == "tag");
    CHECK(entities[0].begin == 2);
    CHECK(entities[0].begin_utf16 == 3);
    CHECK(entities[0].byte_begin == 5);
    CHECK(text.substr(entities[0].byte_begin, entities[0].byte_end - entities[0].byte_begin) == "#tag");
    CHECK(entities[1].kind == EntityKind::list);
    CHECK(entities[1].value == "user");
    CHECK(entities[1].list_slug == "/list");
    CHECK(entities[2].kind == EntityKind::cashtag);
    CHECK(entities[2].value == "AAPL");
    CHECK(entities[3].kind == EntityKind::url);
    CHECK(entities[3].value == "http://example.com/x");
    CHECK(entities[3].end == 44);
    CHECK(entities[3].end_utf16 == 45);
    CHECK(std::string(to_string(EntityKind::cashtag)) == "cashtag");
}

TEST_CASE("entities inside URLs are not reported") {
    const std::vector<Entity> entities = extract_entities("see http://example.com/#anchor and @me");
    REQUIRE(entities.size() == 2);
    CHECK(entities[0].kind == EntityKind::url);
    CHECK(entities[1].value == "me");
    CHECK(extract_hashtags("http://example.com/#anchor #real").size() == 1);
}

TEST_CASE("invalid UTF-8 is ordinary text") {
    const std::string text = "\xff#tag \xc3(@user\xe2\x82 example.com \xf0\x9f";
    const std::vector<Entity> entities = extract_entities(text);
    REQUIRE(entities.size() == 3);
    CHECK(entities[0].value == "tag");
    CHECK(entities[0].begin == 1);
    CHECK(entities[1].value == "user");
    CHECK(entities[2].value == "example.com");
    CHECK(weighted_length(text).weighted_length > 0);
    CHECK_FALSE(normalize_for_analysis(text).empty());
    CHECK(extract_entities(std::string(1000, '\x80') + ".com").empty());
}

TEST_CASE("HTML entities are decoded once") {
    CHECK(decode_html_entities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&apos;") == "a & b <c> \"d\" 'e'");
    CHECK(decode_html_entities("&amp;lt;") == "&lt;");
    CHECK(decode_html_entities("&#x4E2D;&#25991; &hellip;&nbsp;") == "中文 …\u00a0");
    CHECK(decode_html_entities("AT&T &unknown; &#xD800; &#0; & ;") == "AT&T &unknown; &#xD800; &#0; & ;");
    CHECK(decode_html_entities("&amp") == "&amp");
}

TEST_CASE("analysis text: entities, links, NFKC and whitespace") {
    const std::vector<UrlExpansion> expansions{{"https://t.co/abc123", "https://example.com/article"}};
    CHECK(normalize_for_analysis("Read  this&amp;that\n\n https://t.co/abc123 now", expansions) ==
          "Read this&that https://example.com/article now");
    CHECK(normalize_for_analysis("gone https://t.co/zzz999 ") == "gone");
    CHECK(normalize_for_analysis("ＡＢＣ１２３　ﾃｽﾄ") == "ABC123 テスト");
    CHECK(normalize_for_analysis("&amp;lt;") == "&lt;");
    CHECK(normalize_for_analysis("cafe\u0301 ﬁ ①，\u1100\u1161 Å") == "caf\u00E9 fi 1,\uAC00 \u00C5");
    CHECK(normalize_for_analysis("keep https://example.org/x") == "keep https://example.org/x");
}

TEST_CASE("analysis text: every Unicode white space collapses, the characters that share its lead bytes stay") {
    // U+0085, U+1680, U+2028 and U+2029 survive NFKC; the others become U+0020 there.
    CHECK(normalize_for_analysis("\u3000 a\u0085\u00A0b\u1680c\u2000\u200Ad\u2028e\u2029f\u202Fg\u205Fh\t\r\n ") ==
          "a b c d e f g h");
    CHECK(normalize_for_analysis("¢\u2010ー、“x”\u2030") == "¢\u2010ー、“x”\u2030");
    CHECK(normalize_for_analysis("a \xC2 b\xE2\x80") == "a \uFFFD b\uFFFD");
}

TEST_CASE("weighted length with the v3 configuration") {
    const TweetLength latin = weighted_length("hello");
    CHECK(latin.weighted_length == 5);
    CHECK(latin.valid);
    CHECK(latin.display_range_end == 4);
    CHECK(weighted_length("中文").weighted_length == 4);
    CHECK(weighted_length("👨‍👩‍👧‍👦").weighted_length == 2);
    CHECK(weighted_length("see https://example.com/a/very/long/path/indeed").weighted_length == 27);
    CHECK_FALSE(weighted_length("").valid);
    CHECK_FALSE(weighted_length(std::string(281, 'x')).valid);
    CHECK(weighted_length(std::string(281, 'x')).valid_range_end == 279);
    CHECK_FALSE(is_valid_tweet("bad \xef\xbf\xbe char"));
    CHECK_THROWS(TextConfig::parse("{\"scale\": 1}"));
    CHECK(TextConfig::parse(R"({"maxWeightedTweetLength": 10, "scale": 1, "defaultWeight": 1,
                              "transformedURLLength": 5})").max_weighted_length == 10);
}

TEST_CASE("reply and validation helpers") {
    CHECK(extract_reply_username(" @alice hi") == "alice");
    CHECK(extract_reply_username("hi @alice").empty());
    CHECK(is_valid_username("@alice"));
    CHECK_FALSE(is_valid_username("@alice/list"));
    CHECK(is_valid_list("@alice/list"));
    CHECK(is_valid_hashtag("#日本"));
    CHECK_FALSE(is_valid_hashtag("#123"));
    CHECK(is_valid_url("https://example.com/a?b=c#d"));
    CHECK_FALSE(is_valid_url("example.com"));
    CHECK(is_valid_url("example.com", false));
}

TEST_CASE("hit highlighting keeps tags well nested") {
    CHECK(highlight_hits("this is a test", {{0, 4}}) == "<em>this</em> is a test");
    CHECK(highlight_hits("foo <a>bar</a>", {{4, 7}}) == "foo <a><em>bar</em></a>");
    CHECK(highlight_hits("plain", {}) == "plain");
}
