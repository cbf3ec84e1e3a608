// The twarc v2 samples in the shared data; expected counts were taken with Python's json module.
#include "ingest_test_support.hpp"
#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace td;

namespace {

std::string twarc(const char* name) { return (td_test::shared_data() / "tweets" / "twarc-v2" / name).string(); }

std::size_t retweets_in(const td_test::ReadResult& result) {
    return static_cast<std::size_t>(std::count_if(result.tweets.begin(), result.tweets.end(),
                                                  [](const Tweet& t) { return t.is_retweet(); }));
}

}  // namespace

TEST_CASE("every twarc v2 sample reads with the expected tweet, retweet and error counts") {
    struct Expected {
        const char* file;
        std::size_t tweets, retweets, quotes, errors, kept_without_dedupe;
    };
    const Expected samples[] = {
        {"2sets.jsonl", 200, 145, 11, 0, 111},        {"brexit.jsonl", 100, 67, 11, 0, 68},
        {"cashtags.jsonl", 1, 0, 0, 0, 1},            {"counts.jsonl", 0, 0, 0, 0, 0},
        {"edited.jsonl", 1, 0, 0, 0, 1},              {"entities_test.jsonl", 474, 314, 12, 0, 272},
        {"flat.jsonl", 100, 47, 8, 0, 83},            {"kpop.jsonl", 100, 78, 0, 0, 43},
        {"noflat.jsonl", 100, 47, 8, 0, 83},          {"quoted_edit.jsonl", 1, 0, 1, 0, 1},
        {"streaming_output_with_error.jsonl", 7, 0, 1, 1, 7}, {"two_tweets.jsonl", 1, 1, 0, 0, 1},
        {"users.jsonl", 0, 0, 0, 0, 0},
    };
    for (const Expected& sample : samples) {
        const std::string file = sample.file;
        CAPTURE(file);
        const auto result = td_test::read_path(twarc(sample.file));
        CHECK(result.tweets.size() == sample.tweets);
        CHECK(retweets_in(result) == sample.retweets);
        CHECK(std::count_if(result.tweets.begin(), result.tweets.end(), [](const Tweet& t) { return t.is_quote(); }) ==
              static_cast<std::ptrdiff_t>(sample.quotes));
        CHECK(result.errors() == sample.errors);
        for (const Tweet& tweet : result.tweets) {
            CHECK(!tweet.author.username.empty());
            CHECK(tweet.created_at > 1'100'000'000);
            if (tweet.is_retweet()) CHECK(!tweet.text.starts_with("RT @"));
        }
        ReadOptions options;
        options.dedupe = false;
        CHECK(read_corpus({twarc(sample.file)}, options).tweets.size() == sample.kept_without_dedupe);
    }
}

TEST_CASE("streaming_output_with_error.jsonl: seven tweets and the cut-off last line") {
    const auto result = td_test::read_path(twarc("streaming_output_with_error.jsonl"));
    REQUIRE(result.tweets.size() == 7);
    CHECK(result.tweets.front().id == "1377650090978992134");
    CHECK(result.tweets.front().quote_of_id == "1377640162566496258");
    REQUIRE(result.errors() == 1);
    const Diagnostic& error = *std::find_if(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::error;
    });
    CHECK(error.line == 8);
    CHECK(error.message.find("truncated") != std::string::npos);
}

TEST_CASE("edited tweets keep only the latest version") {
    const auto result = td_test::read_path(twarc("edited.jsonl"));
    REQUIRE(result.tweets.size() == 1);
    CHECK(result.tweets[0].id == "1576994789110992896");
    CHECK(result.tweets[0].edit_history_ids ==
          std::vector<std::string>{"1576994746135764992", "1576994789110992896"});
    // The older version, read as a tweet of its own, is dropped from the corpus.
    Tweet older = result.tweets[0];
    older.id = "1576994746135764992";
    older.text = "an earlier wording";
    older.analysis_text = "an earlier wording";
    older.edit_history_ids = {"1576994746135764992", "1576994789110992896"};
    const Corpus corpus = build_corpus({older, result.tweets[0]}, {}, ReadOptions{});
    REQUIRE(corpus.tweets.size() == 1);
    CHECK(corpus.tweets[0].id == "1576994789110992896");
}
