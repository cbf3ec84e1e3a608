#include "ingest/simhash.hpp"
#include "ingest_test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <random>

using namespace td;
using td_test::make_tweet;

namespace {

std::vector<std::string> ids_of(const Corpus& corpus) {
    std::vector<std::string> ids;
    for (const Tweet& tweet : corpus.tweets) ids.push_back(tweet.id);
    return ids;
}

ReadOptions day_window(std::string zone, std::string_view day) {
    ReadOptions options;
    options.time_zone = std::move(zone);
    options.from = options.to = LocalDate::parse(day);
    options.dedupe = false;
    return options;
}

}  // namespace

TEST_CASE("local-day windows in America/New_York across the DST changes") {
    SUBCASE("spring forward: 2024-03-10 lasts 23 hours") {
        std::vector<Tweet> tweets = {
            make_tweet("1", "a", "2024-03-10T04:59:59Z"),  // 23:59:59 EST on the 9th
            make_tweet("2", "b", "2024-03-10T05:00:00Z"),  // 00:00:00 EST on the 10th
            make_tweet("3", "c", "2024-03-10T07:00:00Z"),  // 03:00:00 EDT, just after the jump
            make_tweet("4", "d", "2024-03-11T03:59:59Z"),  // 23:59:59 EDT on the 10th
            make_tweet("5", "e", "2024-03-11T04:00:00Z"),  // 00:00:00 EDT on the 11th
        };
        const Corpus corpus = build_corpus(tweets, {}, day_window("America/New_York", "2024-03-10"));
        CHECK(ids_of(corpus) == std::vector<std::string>{"2", "3", "4"});
        CHECK(corpus.counts.out_of_window == 2);
        for (const Tweet& tweet : corpus.tweets) CHECK(tweet.local_date == LocalDate::parse("2024-03-10"));
    }
    SUBCASE("fall back: 2024-11-03 lasts 25 hours") {
        std::vector<Tweet> tweets = {
            make_tweet("1", "a", "2024-11-03T03:59:59Z"),  // 23:59:59 EDT on the 2nd
            make_tweet("2", "b", "2024-11-03T04:00:00Z"),  // 00:00:00 EDT on the 3rd
            make_tweet("3", "c", "2024-11-03T05:30:00Z"),  // 01:30 EDT (first pass)
            make_tweet("4", "d", "2024-11-03T06:30:00Z"),  // 01:30 EST (second pass)
            make_tweet("5", "e", "2024-11-04T04:59:59Z"),  // 23:59:59 EST on the 3rd
            make_tweet("6", "f", "2024-11-04T05:00:00Z"),  // 00:00:00 EST on the 4th
        };
        const Corpus corpus = build_corpus(tweets, {}, day_window("America/New_York", "2024-11-03"));
        CHECK(ids_of(corpus) == std::vector<std::string>{"2", "3", "4", "5"});
    }
}

TEST_CASE("windows are inclusive and open-ended when a bound is missing") {
    std::vector<Tweet> tweets = {make_tweet("1", "a", "2024-05-01T00:00:00Z"), make_tweet("2", "b", "2024-05-02T00:00:00Z"),
                                 make_tweet("3", "c", "2024-05-03T00:00:00Z")};
    ReadOptions options;
    options.time_zone = "UTC";
    options.dedupe = false;
    CHECK(build_corpus(tweets, {}, options).tweets.size() == 3);
    options.from = LocalDate::parse("2024-05-02");
    CHECK(ids_of(build_corpus(tweets, {}, options)) == std::vector<std::string>{"2", "3"});
    options.to = LocalDate::parse("2024-05-02");
    CHECK(ids_of(build_corpus(tweets, {}, options)) == std::vector<std::string>{"2"});
}

TEST_CASE("retweets collapse onto their original, read or embedded") {
    Tweet original = make_tweet("10", "the original", "2024-05-01T01:00:00Z", 50);
    Tweet retweet_a = make_tweet("11", "the original", "2024-05-01T02:00:00Z");
    retweet_a.retweet_of_id = "10";
    Tweet retweet_b = retweet_a;
    retweet_b.id = "12";
    Tweet embedded = make_tweet("20", "only known from its retweet", "2024-04-30T23:00:00Z", 7);
    Tweet retweet_c = make_tweet("21", "only known from its retweet", "2024-05-01T03:00:00Z");
    retweet_c.retweet_of_id = "20";
    retweet_c.original = std::make_shared<const Tweet>(embedded);
    Tweet retweet_d = retweet_c;
    retweet_d.id = "22";
    Tweet orphan = make_tweet("31", "RT @x: nothing embedded", "2024-05-01T04:00:00Z");
    orphan.retweet_of_id = "30";

    ReadOptions options;
    options.time_zone = "UTC";
    const Corpus corpus = build_corpus({original, retweet_a, retweet_b, retweet_c, retweet_d, orphan}, {}, options);
    CHECK(ids_of(corpus) == std::vector<std::string>{"20", "10", "31"});
    CHECK(corpus.tweets[0].retweets_seen == 2);
    CHECK(corpus.tweets[0].metrics.likes == 7);
    CHECK(corpus.tweets[1].retweets_seen == 2);
    CHECK(corpus.tweets[1].metrics.likes == 50);
    CHECK(corpus.tweets[2].is_retweet());
    CHECK(corpus.counts.read == 6);
    CHECK(corpus.counts.retweets == 4);
    CHECK(corpus.counts.kept == 3);

    options.collapse_retweets = false;
    options.dedupe = false;
    CHECK(build_corpus({original, retweet_a, retweet_b}, {}, options).tweets.size() == 3);
}

TEST_CASE("exact and near duplicates are grouped under the most engaging tweet") {
    const std::string base = "Breaking: the central bank raised interest rates by fifty basis points this morning";
    std::vector<Tweet> tweets = {
        make_tweet("1", base, "2024-05-01T01:00:00Z", 5),
        make_tweet("2", base, "2024-05-01T02:00:00Z", 90),
        make_tweet("3", base + "!", "2024-05-01T03:00:00Z", 1),
        make_tweet("4", "A completely different tweet about football results and the weekend", "2024-05-01T04:00:00Z"),
        make_tweet("5", "央行今天上午宣布加息五十个基点，市场反应强烈", "2024-05-01T05:00:00Z", 3),
        make_tweet("6", "央行今天上午宣布加息五十个基点，市场反应强烈", "2024-05-01T06:00:00Z", 4),
    };
    ReadOptions options;
    options.time_zone = "UTC";
    const Corpus corpus = build_corpus(tweets, {}, options);
    REQUIRE(ids_of(corpus) == std::vector<std::string>{"2", "4", "6"});
    CHECK(corpus.tweets[0].dup_count == 3);
    CHECK(corpus.tweets[0].dup_group == "2");
    CHECK(corpus.tweets[1].dup_count == 1);
    CHECK(corpus.tweets[2].dup_count == 2);
    CHECK(corpus.counts.duplicates == 3);

    options.near_duplicate_distance = -1;  // exact signatures only
    options.dedupe = false;
    CHECK(build_corpus(tweets, {}, options).tweets.size() == 6);
}

TEST_CASE("repeated ids and superseded edits are dropped") {
    Tweet first = make_tweet("100", "first version", "2024-05-01T01:00:00Z");
    first.edit_history_ids = {"100"};
    Tweet edited = make_tweet("101", "second version, edited and longer", "2024-05-01T01:05:00Z", 3);
    edited.edit_history_ids = {"100", "101"};
    Tweet repeat = edited;
    repeat.metrics.likes = 8;  // a later snapshot of the same tweet
    ReadOptions options;
    options.time_zone = "UTC";
    const Corpus corpus = build_corpus({first, edited, repeat}, {}, options);
    REQUIRE(ids_of(corpus) == std::vector<std::string>{"101"});
    CHECK(corpus.tweets[0].metrics.likes == 8);
    CHECK(corpus.tweets[0].dup_count == 1);
    CHECK(corpus.counts.duplicates == 2);
}

TEST_CASE("corpus order is (created_at, id) whatever the input order") {
    std::vector<Tweet> tweets = {make_tweet("30", "c c c", "2024-05-01T02:00:00Z"), make_tweet("100", "b b b", "2024-05-01T01:00:00Z"),
                                 make_tweet("99", "a a a", "2024-05-01T01:00:00Z")};
    ReadOptions options;
    options.time_zone = "UTC";
    options.dedupe = false;
    CHECK(ids_of(build_corpus(tweets, {}, options)) == std::vector<std::string>{"99", "100", "30"});
    std::reverse(tweets.begin(), tweets.end());
    CHECK(ids_of(build_corpus(tweets, {}, options)) == std::vector<std::string>{"99", "100", "30"});
}

TEST_CASE("SimHash band search finds exactly the pairs a full comparison finds") {
    std::mt19937_64 random(42);
    std::vector<std::uint64_t> signatures;
    for (int i = 0; i < 400; ++i) {
        const std::uint64_t base = random();
        signatures.push_back(base);
        for (int flips = 1; flips <= 5; ++flips) {  // neighbours at 1..5 bits
            std::uint64_t near = base;
            for (int f = 0; f < flips; ++f) near ^= std::uint64_t{1} << (random() % 64);
            signatures.push_back(near);
        }
    }
    for (const int distance : {0, 3, 5}) {
        const auto found = ingest::near_pairs(signatures, distance, 1);
        CHECK(ingest::near_pairs(signatures, distance, 2) == found);
        std::vector<std::pair<std::size_t, std::size_t>> banded;
        for (const auto& [a, b] : found) banded.emplace_back(std::min(a, b), std::max(a, b));
        std::vector<std::pair<std::size_t, std::size_t>> brute;
        for (std::size_t a = 0; a < signatures.size(); ++a)
            for (std::size_t b = a + 1; b < signatures.size(); ++b)
                if (ingest::hamming_distance(signatures[a], signatures[b]) <= distance) brute.emplace_back(a, b);
        std::sort(banded.begin(), banded.end());
        CHECK(banded == brute);
        CHECK(!brute.empty());
    }
    CHECK(ingest::simhash("the same words") == ingest::simhash("The Same Words"));
    CHECK(ingest::hamming_distance(ingest::simhash("the quick brown fox jumps over the lazy dog"),
                                   ingest::simhash("an entirely unrelated sentence about markets")) > 10);
}

TEST_CASE("tweet_to_json writes one normalised tweet") {
    const auto result = td_test::read_memory(
        R"({"id":"5","text":"Hi @bob 😀 #tag","created_at":"2021-05-18T19:24:56.000Z","author_id":"1","lang":"en",)"
        R"("referenced_tweets":[{"type":"quoted","id":"4"}],"public_metrics":{"like_count":2}})"
        "\n");
    REQUIRE(result.tweets.size() == 1);
    const auto json = boost::json::parse(tweet_to_json(result.tweets[0])).as_object();
    CHECK(json.at("id").as_string() == "5");
    CHECK(json.at("id_approximate").as_bool() == false);
    CHECK(json.at("created_at").as_string() == "2021-05-18T19:24:56Z");
    CHECK(json.at("local_date").as_string() == "2021-05-19");
    CHECK(json.at("author").at("id").as_string() == "1");
    CHECK(json.at("text").as_string() == "Hi @bob 😀 #tag");
    CHECK(json.at("metrics").at("likes").as_int64() == 2);
    CHECK(json.at("is_quote").as_bool());
    CHECK(json.at("quote_of").as_string() == "4");
    CHECK(json.at("retweet_of").is_null());
    CHECK(json.at("dup_count").as_int64() == 1);
    const auto& entities = json.at("entities").as_array();
    REQUIRE(entities.size() == 2);
    const auto& hashtag = entities[1].as_object();
    CHECK(hashtag.at("kind").as_string() == "hashtag");
    // "Hi @bob 😀 " is 13 bytes, 10 code points, 11 UTF-16 units.
    CHECK(hashtag.at("bytes").as_array()[0].as_int64() == 13);
    CHECK(hashtag.at("code_points").as_array()[0].as_int64() == 10);
    CHECK(hashtag.at("utf16").as_array()[0].as_int64() == 11);
}

TEST_CASE("read_corpus windows while reading and counts what it dropped") {
    std::string input;
    for (const char* day : {"2024-05-01", "2024-05-02", "2024-05-02", "2024-05-03"})
        input += std::string(R"({"id":")") + std::to_string(input.size() + 1) + R"(","text":"tweet )" +
                 std::to_string(input.size()) + R"( about )" + day + R"(","created_at":")" + day + R"(T12:00:00Z"})" + "\n";
    ReadOptions options;
    options.time_zone = "UTC";
    options.from = options.to = LocalDate::parse("2024-05-02");
    options.dedupe = false;
    const Corpus corpus = read_corpus_from_memory(input, "window", options);
    CHECK(corpus.tweets.size() == 2);
    CHECK(corpus.counts.read == 4);
    CHECK(corpus.counts.out_of_window == 2);
    CHECK(corpus.counts.kept == 2);
    CHECK(corpus.from == options.from);
}

TEST_CASE("retweets embedding equal copies of an original share one; a different copy stays its own") {
    const auto page = [](const char* retweet_id, int likes) {
        return std::string(R"({"data":[{"id":")") + retweet_id +
               R"(","text":"RT @amy: the original","created_at":"2024-05-02T12:00:00Z","author_id":"2",)"
               R"("referenced_tweets":[{"type":"retweeted","id":"100"}]}],"includes":{"tweets":[)"
               R"({"id":"100","text":"the original","created_at":"2024-05-02T11:00:00Z","author_id":"1",)"
               R"("public_metrics":{"like_count":)" + std::to_string(likes) + R"(}}],)"
               R"("users":[{"id":"1","username":"amy"},{"id":"2","username":"bob"}]}})" + "\n";
    };
    ReadOptions options;
    options.time_zone = "UTC";
    options.collapse_retweets = false;
    options.dedupe = false;
    const Corpus corpus = read_corpus_from_memory(page("201", 5) + page("202", 5) + page("203", 9), "shared", options);
    REQUIRE(corpus.diagnostics.empty());
    REQUIRE(corpus.tweets.size() == 3);
    const Tweet& first = corpus.tweets[0];
    const Tweet& second = corpus.tweets[1];
    const Tweet& third = corpus.tweets[2];
    REQUIRE(first.original);
    REQUIRE(second.original);
    REQUIRE(third.original);
    CHECK(first.original == second.original);
    CHECK(first.original->metrics.likes == 5);
    CHECK(third.original != first.original);
    CHECK(third.original->metrics.likes == 9);
}

TEST_CASE("an original added from a retweet's embedded copy gets its local day in the corpus time zone") {
    Tweet retweet = make_tweet("20", "RT @a: seen late", "2024-05-01T18:00:00Z");
    retweet.retweet_of_id = "10";
    retweet.original = std::make_shared<Tweet>(make_tweet("10", "seen late", "2024-04-30T17:30:00Z"));  // day not set
    ReadOptions options = day_window("Asia/Shanghai", "2024-05-02");
    const Corpus corpus = build_corpus({retweet}, {}, options);
    REQUIRE(corpus.tweets.size() == 1);
    CHECK(corpus.tweets[0].id == "10");
    CHECK(corpus.tweets[0].retweets_seen == 1);
    CHECK(corpus.tweets[0].local_date == LocalDate::parse("2024-05-01"));  // 01:30 in Shanghai
}
