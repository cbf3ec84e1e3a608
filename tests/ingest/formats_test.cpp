#include "ingest_test_support.hpp"
#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

using namespace td;
using td_test::read_memory;

namespace {

bool has_entity(const Tweet& tweet, EntityKind kind, std::string_view value) {
    return std::any_of(tweet.entities.begin(), tweet.entities.end(),
                       [&](const Entity& e) { return e.kind == kind && e.value == value; });
}

// A v2 search page: a retweet whose original is in includes.tweets, a quote, a long note tweet.
constexpr std::string_view v2_page = R"({"data":[
 {"id":"100","text":"RT @alice: Big news &amp; more #launch https:\/\/t.co\/short1 \u2026","created_at":"2023-05-01T12:00:00.000Z",
  "author_id":"2","lang":"en","conversation_id":"100","referenced_tweets":[{"type":"retweeted","id":"50"}],
  "public_metrics":{"retweet_count":9,"reply_count":0,"like_count":0,"quote_count":0}},
 {"id":"101","text":"Quoting this @alice","created_at":"2023-05-01T12:01:00.000Z","author_id":"2",
  "referenced_tweets":[{"type":"quoted","id":"50"},{"type":"replied_to","id":"49"}],
  "public_metrics":{"retweet_count":1,"reply_count":2,"like_count":3,"quote_count":4,"impression_count":500,"bookmark_count":6}},
 {"id":"102","text":"short version…","note_tweet":{"text":"The long version of the note tweet, beyond 280 characters. See https:\/\/t.co\/note1",
  "entities":{"urls":[{"start":63,"end":86,"url":"https:\/\/t.co\/note1","expanded_url":"https:\/\/example.com\/note"}]}},
  "created_at":"2023-05-01T12:02:00.000Z","author_id":"3","edit_history_tweet_ids":["102"]}],
 "includes":{"users":[{"id":"1","username":"alice","name":"Alice A","public_metrics":{"followers_count":1234}},
                      {"id":"2","username":"bob","name":"Bob B"}],
   "tweets":[{"id":"50","text":"Big news &amp; more #launch $TSLA https:\/\/t.co\/short1 and the rest of the long original text",
   "created_at":"2023-05-01T08:00:00.000Z","author_id":"1","lang":"en",
   "entities":{"urls":[{"start":40,"end":63,"url":"https:\/\/t.co\/short1","expanded_url":"https:\/\/example.com\/page"}]},
   "public_metrics":{"retweet_count":9,"reply_count":1,"like_count":20,"quote_count":1}}]},
 "meta":{"result_count":3}})";

std::string one_line(std::string_view text) {
    std::string line(text);
    std::replace(line.begin(), line.end(), '\n', ' ');
    return line + "\n";
}

}  // namespace

TEST_CASE("input format names round-trip and unknown names are rejected") {
    for (const InputFormat format :
         {InputFormat::automatic, InputFormat::v2, InputFormat::v1, InputFormat::archive, InputFormat::csv})
        CHECK(parse_input_format(to_string(format)) == format);
    CHECK(parse_input_format("v1.1") == InputFormat::v1);
    CHECK_THROWS_AS(parse_input_format("xml"), Error);
}

TEST_CASE("a tweet links to its status page unless its id is approximate") {
    Tweet tweet;
    tweet.id = "123";
    CHECK(tweet.url() == "https://x.com/i/web/status/123");
    tweet.author.username = "alice";
    CHECK(tweet.url() == "https://x.com/alice/status/123");
    tweet.id_approximate = true;
    CHECK(tweet.url().empty());
}

TEST_CASE("v2 pages resolve authors, retweets, quotes, replies, metrics and note tweets") {
    for (const std::string& input : {one_line(v2_page), std::string(v2_page)}) {  // JSONL and pretty document
        const auto result = read_memory(input);
        CHECK(result.diagnostics.empty());
        REQUIRE(result.ids() == std::vector<std::string>{"100", "101", "102"});

        const Tweet& retweet = result.tweet("100");
        CHECK(retweet.is_retweet());
        CHECK(retweet.retweet_of_id == "50");
        CHECK(retweet.author.username == "bob");
        CHECK(retweet.text.starts_with("Big news & more #launch $TSLA"));
        CHECK(retweet.text.ends_with("the rest of the long original text"));
        REQUIRE(retweet.original != nullptr);
        CHECK(retweet.original->author.username == "alice");
        CHECK(retweet.original->author.followers == 1234);
        CHECK(retweet.original->metrics.likes == 20);
        CHECK(retweet.created_at == 1682942400);
        CHECK(retweet.local_date == LocalDate::parse("2023-05-01"));
        CHECK(has_entity(retweet, EntityKind::hashtag, "launch"));
        CHECK(has_entity(retweet, EntityKind::cashtag, "TSLA"));
        CHECK(retweet.analysis_text.find("example.com/page") != std::string::npos);
        CHECK(retweet.analysis_text.find("t.co/") == std::string::npos);

        const Tweet& quote = result.tweet("101");
        CHECK(quote.is_quote());
        CHECK(quote.quote_of_id == "50");
        CHECK(quote.reply_to_id == "49");
        CHECK(quote.metrics.likes == 3);
        CHECK(quote.metrics.retweets == 1);
        CHECK(quote.metrics.replies == 2);
        CHECK(quote.metrics.quotes == 4);
        CHECK(quote.metrics.impressions == 500);
        CHECK(quote.metrics.bookmarks == 6);
        CHECK(has_entity(quote, EntityKind::mention, "alice"));

        const Tweet& note = result.tweet("102");
        CHECK(note.text.starts_with("The long version of the note tweet"));
        CHECK(note.author.id == "3");
        CHECK(note.author.username.empty());
        CHECK(note.edit_history_ids == std::vector<std::string>{"102"});
        CHECK(note.analysis_text.find("example.com/note") != std::string::npos);
    }
}

TEST_CASE("single v2 tweets per line, flattened with the author embedded") {
    const std::string line =
        R"({"id":"7","text":"hello &lt;world&gt;","created_at":"2021-04-08T15:07:30.000Z","lang":"en",)"
        R"("author_id":"5","author":{"id":"5","username":"carol","name":"Carol","public_metrics":{"followers_count":"77"}},)"
        R"("referenced_tweets":[{"type":"retweeted","id":"6","text":"the original text","created_at":"2021-04-08T10:00:00.000Z",)"
        R"("author_id":"8","author":{"id":"8","username":"dave","name":"Dave"}}]})"
        "\n";
    const auto result = read_memory(line);
    REQUIRE(result.tweets.size() == 1);
    const Tweet& tweet = result.tweets[0];
    CHECK(tweet.author.username == "carol");
    CHECK(tweet.author.followers == 77);
    CHECK(tweet.retweet_of_id == "6");
    CHECK(tweet.text == "the original text");
    REQUIRE(tweet.original != nullptr);
    CHECK(tweet.original->author.username == "dave");
}

TEST_CASE("v1.1 tweets: extended text, retweeted_status, quotes, HTML entities, v1 dates") {
    const std::string input =
        R"({"created_at":"Wed Oct 10 20:19:24 +0000 2018","id":1050118621198921728,"id_str":"1050118621198921728",)"
        R"("text":"To make room for more expression &amp; stuff…","truncated":true,)"
        R"("extended_tweet":{"full_text":"To make room for more expression &amp; stuff, we will now count all emojis https://t.co/abc",)"
        R"("entities":{"urls":[{"url":"https://t.co/abc","expanded_url":"https://blog.example.com/emoji"}]}},)"
        R"("user":{"id":6253282,"id_str":"6253282","screen_name":"TwitterAPI","name":"Twitter API","followers_count":6133636},)"
        R"("favorite_count":12,"retweet_count":3,"reply_count":1,"quote_count":2,"lang":"en","quoted_status_id_str":"99"})"
        "\n"
        R"({"created_at":"Thu Oct 11 01:00:00 +0200 2018","id_str":"1050118621198921729","text":"RT @TwitterAPI: To make…",)"
        R"("user":{"id_str":"1","screen_name":"fan","name":"Fan"},"retweeted_status":{"created_at":"Wed Oct 10 20:19:24 +0000 2018",)"
        R"("id_str":"1050118621198921728","full_text":"To make room for more expression &amp; stuff","user":{"id_str":"6253282","screen_name":"TwitterAPI"}}})"
        "\n";
    const auto result = read_memory(input);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.tweets.size() == 2);
    const Tweet& tweet = result.tweets[0];
    CHECK(tweet.id == "1050118621198921728");
    CHECK(tweet.created_at == 1539202764);
    CHECK(tweet.text.starts_with("To make room for more expression & stuff, we will"));
    CHECK(tweet.author.username == "TwitterAPI");
    CHECK(tweet.author.id == "6253282");
    CHECK(tweet.author.followers == 6133636);
    CHECK(tweet.metrics.likes == 12);
    CHECK(tweet.metrics.retweets == 3);
    CHECK(tweet.quote_of_id == "99");
    CHECK(tweet.analysis_text.find("blog.example.com/emoji") != std::string::npos);

    const Tweet& retweet = result.tweets[1];
    CHECK(retweet.created_at == 1539212400);  // 01:00 +0200 = 23:00 UTC the day before
    CHECK(retweet.retweet_of_id == "1050118621198921728");
    CHECK(retweet.text == "To make room for more expression & stuff");
    REQUIRE(retweet.original != nullptr);
    CHECK(retweet.original->author.username == "TwitterAPI");
}

TEST_CASE("account archive tweets.js with numbers as strings") {
    const std::string input = "window.YTD.tweets.part0 = [ {\n"
                              R"(  "tweet" : { "id_str" : "1600000000000000001", "id" : "1600000000000000001",)" "\n"
                              R"(    "full_text" : "Archived &gt; kept #tag", "created_at" : "Sat Dec 10 08:00:00 +0000 2022",)" "\n"
                              R"(    "favorite_count" : "42", "retweet_count" : "5", "lang" : "en",)" "\n"
                              R"(    "in_reply_to_status_id_str" : "1599999999999999999" } }, {)" "\n"
                              R"(  "tweet" : { "id_str" : "1600000000000000002", "full_text" : "second",)"
                              R"( "created_at" : "Sat Dec 10 09:00:00 +0000 2022" } } ])";
    const auto result = read_memory(input);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.ids() == std::vector<std::string>{"1600000000000000001", "1600000000000000002"});
    const Tweet& tweet = result.tweets[0];
    CHECK(tweet.text == "Archived > kept #tag");
    CHECK(tweet.metrics.likes == 42);
    CHECK(tweet.metrics.retweets == 5);
    CHECK(tweet.reply_to_id == "1599999999999999999");
    CHECK(has_entity(tweet, EntityKind::hashtag, "tag"));
}

TEST_CASE("CSV exports map their columns by header name") {
    const std::string input =
        "Tweet Id,Tweet Created,Full_Text,User_Username,Favorite,Retweet_Count,Reply_Count,Quote_Count,Impressions,Language\r\n"
        "1500000000000000001,2022-03-05 10:00:00+00:00,\"Hello, \"\"quoted\"\"\r\nworld\",@erin,10,2,3,4,900,en\r\n"
        "1500000000000000002,Sat Mar 05 11:00:00 +0000 2022,second &amp; last,frank,,,,,,zh\r\n";
    const auto result = read_memory(input);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.tweets.size() == 2);
    const Tweet& first = result.tweets[0];
    CHECK(first.id == "1500000000000000001");
    CHECK(first.text == "Hello, \"quoted\"\nworld");
    CHECK(first.author.username == "erin");
    CHECK(first.metrics.likes == 10);
    CHECK(first.metrics.retweets == 2);
    CHECK(first.metrics.replies == 3);
    CHECK(first.metrics.quotes == 4);
    CHECK(first.metrics.impressions == 900);
    CHECK(first.lang == "en");
    CHECK(first.created_at == 1646474400);
    CHECK(result.tweets[1].text == "second & last");
    CHECK(result.tweets[1].created_at == 1646478000);
}

TEST_CASE("CSV ids written as floats are kept, flagged approximate, never completed") {
    const auto result = read_memory("id,date,text\n1.64e+18,2022-01-01T00:00:00Z,lost digits\n");
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].id_approximate);
    CHECK(result.tweets[0].id == "1.64e+18");
}

TEST_CASE("CSV counts beyond 64 bits are ignored with a warning, the row kept") {
    const auto result = read_memory(
        "id,created_at,text,like_count,retweet_count,reply_count\n"
        "1,2022-01-01T00:00:00Z,big,2.4e+19,99999999999999999999,7.5\n");
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].metrics.likes == 0);
    CHECK(result.tweets[0].metrics.retweets == 0);
    CHECK(result.tweets[0].metrics.replies == 7);
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].message == "ignored count \"2.4e+19\": larger than a 64-bit count");
    CHECK(result.diagnostics[0].line == 2);
    CHECK(result.diagnostics[1].message == "ignored count \"99999999999999999999\": larger than a 64-bit count");
}

TEST_CASE("gzip input is detected by its magic bytes") {
    const std::string plain = one_line(v2_page);
    const auto result = read_memory(td_test::gzip_compress(plain));
    CHECK(result.diagnostics.empty());
    CHECK(result.ids() == std::vector<std::string>{"100", "101", "102"});
}

TEST_CASE("the format option overrides detection") {
    // An object without v1 markers is read as v2 unless v1 is asked for.
    const std::string line = R"({"id":"5","text":"x","created_at":"Wed Oct 10 20:19:24 +0000 2018"})" "\n";
    const auto automatic = read_memory(line);
    CHECK(automatic.tweets.empty());
    CHECK(automatic.errors() == 1);
    ReadOptions options;
    options.format = InputFormat::v1;
    const auto forced = read_memory(line, options);
    REQUIRE(forced.tweets.size() == 1);
    CHECK(forced.tweets[0].created_at == 1539202764);
}

TEST_CASE("local dates follow the configured time zone") {
    const std::string line = R"({"id":"1","text":"late","created_at":"2024-01-01T17:30:00Z"})" "\n";
    CHECK(read_memory(line).tweets.at(0).local_date == LocalDate::parse("2024-01-02"));  // Asia/Shanghai
    ReadOptions options;
    options.time_zone = "UTC";
    CHECK(read_memory(line, options).tweets.at(0).local_date == LocalDate::parse("2024-01-01"));
}

TEST_CASE("Twitter Labs tweets keep their stats") {
    const auto result = read_memory(
        R"({"id":"1189226081406083073","created_at":"2019-10-29T17:02:47.000Z","text":"Labs","author_id":"2244994945",)"
        R"("format":"detailed","stats":{"retweet_count":5,"reply_count":1,"like_count":14,"quote_count":2}})"
        "\n");
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].metrics.likes == 14);
    CHECK(result.tweets[0].metrics.quotes == 2);
}

TEST_CASE("\"-\" reads standard input") {
    const auto path = td_test::output_dir() / "stdin.jsonl";
    std::ofstream(path) << R"({"id":"9","text":"from stdin","created_at":"2021-04-01T10:00:00Z"})" << "\n";
    REQUIRE(std::freopen(path.c_str(), "rb", stdin) != nullptr);
    const auto result = td_test::read_path("-");
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].text == "from stdin");
}

TEST_CASE("concatenated gzip members read as one stream") {
    const std::string first = R"({"id":"1","text":"first member","created_at":"2021-04-01T10:00:00Z"})" "\n";
    const std::string second = R"({"id":"2","text":"second member","created_at":"2021-04-01T10:00:00Z"})" "\n";
    const auto result = read_memory(td_test::gzip_compress(first) + td_test::gzip_compress(second));
    CHECK(result.diagnostics.empty());
    CHECK(result.ids() == std::vector<std::string>{"1", "2"});
}

TEST_CASE("a retweet whose original is not included keeps its own text") {
    const auto result = read_memory(
        R"({"data":[{"id":"3","text":"RT @x: cut short…","created_at":"2021-04-01T10:00:00Z",)"
        R"("referenced_tweets":[{"type":"retweeted","id":"2"}]}],"includes":{"tweets":[]}})"
        "\n");
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].retweet_of_id == "2");
    CHECK(result.tweets[0].original == nullptr);
    CHECK(result.tweets[0].text == "RT @x: cut short…");
}

TEST_CASE("retweets of one included tweet share one converted original; a broken one is reported for each") {
    const auto result = td_test::read_memory(
        R"({"data":[)"
        R"({"id":"10","text":"RT @a: first","created_at":"2026-01-25T01:00:00Z","referenced_tweets":[{"type":"retweeted","id":"1"}]},)"
        R"({"id":"11","text":"RT @a: first","created_at":"2026-01-25T02:00:00Z","referenced_tweets":[{"type":"retweeted","id":"1"}]},)"
        R"({"id":"12","text":"RT @b: x","created_at":"2026-01-25T03:00:00Z","referenced_tweets":[{"type":"retweeted","id":"2"}]},)"
        R"({"id":"13","text":"RT @b: x","created_at":"2026-01-25T04:00:00Z","referenced_tweets":[{"type":"retweeted","id":"2"}]}],)"
        R"("includes":{"tweets":[)"
        R"({"id":"1","text":"the original https://t.co/abc #tag","created_at":"2026-01-24T23:00:00Z",)"
        R"("entities":{"urls":[{"url":"https://t.co/abc","expanded_url":"https://example.com/story"}]}},)"
        R"({"id":"2","text":"no time"}]}})"
        "\n");
    REQUIRE(result.tweets.size() == 4);
    const td::Tweet& first = result.tweets[0];
    const td::Tweet& second = result.tweets[1];
    REQUIRE(first.original);
    CHECK(first.original == second.original);  // one copy
    CHECK(first.original->id == "1");
    CHECK(second.text == "the original https://t.co/abc #tag");
    CHECK(second.analysis_text == first.analysis_text);
    CHECK(second.analysis_text.find("example.com") != std::string::npos);  // the expansion reached both
    CHECK(second.entities.size() == first.entities.size());
    CHECK(!result.tweets[2].original);
    CHECK(!result.tweets[3].original);
    const auto ignored = std::count_if(result.diagnostics.begin(), result.diagnostics.end(), [](const td::Diagnostic& d) {
        return d.message.find("retweeted tweet 2 ignored") != std::string::npos;
    });
    CHECK(ignored == 2);
}
