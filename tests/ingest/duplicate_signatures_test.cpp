#include "ingest_test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>

using namespace td;
using td_test::make_tweet;

namespace {

ReadOptions day_of(std::string_view day, bool dedupe) {
    ReadOptions options;
    options.time_zone = "UTC";
    options.from = options.to = LocalDate::parse(day);
    options.dedupe = dedupe;
    return options;
}

Tweet retweet_of(std::string id, const Tweet& original, std::string_view created_at, bool embed) {
    Tweet retweet = make_tweet(std::move(id), "RT " + original.text, created_at);
    retweet.retweet_of_id = original.id;
    if (embed) retweet.original = std::make_shared<const Tweet>(original);
    return retweet;
}

// One input in three parts, with what grouping has to bring together across them: copies and
// near copies, a page read twice, an edit whose older version is in another part, retweets of
// an original read elsewhere.
std::vector<std::vector<Tweet>> input_in_parts() {
    const Tweet launch = make_tweet("100", "OpenAI ships a new reasoning model to every user today", "2026-01-25T01:00:00Z", 40);
    const Tweet launch_copy = make_tweet("101", "OpenAI ships a new reasoning model to every user today", "2026-01-25T02:00:00Z", 90);
    const Tweet launch_near = make_tweet("102", "OpenAI ships a new reasoning model to every user today!", "2026-01-25T03:00:00Z", 5);
    const Tweet chips = make_tweet("200", "英伟达 发布 新一代 推理 芯片，功耗降低 一半", "2026-01-25T04:00:00Z", 12);
    const Tweet chips_again = make_tweet("201", "英伟达 发布 新一代 推理 芯片，功耗降低 一半", "2026-01-25T09:00:00Z", 3);
    Tweet old_version = make_tweet("300", "BTC breaks 100k", "2026-01-25T05:00:00Z", 1);
    old_version.edit_history_ids = {"300"};
    Tweet new_version = make_tweet("301", "BTC breaks 100k again, $BTC", "2026-01-25T05:10:00Z", 8);
    new_version.edit_history_ids = {"300", "301"};
    const Tweet empty = make_tweet("400", "", "2026-01-25T06:00:00Z");
    const Tweet other_day = make_tweet("500", "yesterday's news", "2026-01-24T06:00:00Z");
    Tweet page_repeat = chips;
    page_repeat.metrics.likes = 15;  // read again later, with more likes

    return {
        {launch, chips, old_version, empty, other_day, retweet_of("900", launch, "2026-01-25T07:00:00Z", false)},
        {launch_copy, page_repeat, retweet_of("901", launch, "2026-01-25T07:30:00Z", true),
         retweet_of("902", chips, "2026-01-25T08:00:00Z", true)},
        {launch_near, chips_again, new_version, retweet_of("903", new_version, "2026-01-25T08:30:00Z", true)},
    };
}

std::vector<DuplicateCluster> clusters_of_parts(const std::vector<std::vector<Tweet>>& parts) {
    std::vector<DuplicateSignature> merged;
    for (const std::vector<Tweet>& part : parts) {
        const Corpus corpus = build_corpus(part, {}, day_of("2026-01-25", false));
        merged = merge_duplicate_signatures(std::move(merged), duplicate_signatures(corpus));
    }
    return duplicate_clusters(merged);
}

}  // namespace

TEST_CASE("signatures of an input's parts, merged, cluster as the whole input's corpus groups") {
    const auto parts = input_in_parts();
    std::vector<Tweet> whole;
    for (const auto& part : parts) whole.insert(whole.end(), part.begin(), part.end());
    const Corpus corpus = build_corpus(whole, {}, day_of("2026-01-25", true));
    const std::vector<DuplicateCluster> clusters = clusters_of_parts(parts);

    REQUIRE(clusters.size() == corpus.tweets.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        CAPTURE(corpus.tweets[i].id);
        CHECK(clusters[i].ids.front() == corpus.tweets[i].id);
        CHECK(clusters[i].ids.size() == corpus.tweets[i].dup_count);
        CHECK(clusters[i].retweets_seen == corpus.tweets[i].retweets_seen);
    }
    // The expected groups, spelled out: the copy with most engagement represents its group.
    CHECK(clusters[0].ids == std::vector<std::string>{"101", "100", "102"});
    CHECK(clusters[0].retweets_seen == 2);
    CHECK(clusters[1].ids == std::vector<std::string>{"200", "201"});
    CHECK(clusters[1].retweets_seen == 1);
    CHECK(clusters[2].ids == std::vector<std::string>{"301"});  // 300 is an older version
    CHECK(clusters[3].ids == std::vector<std::string>{"400"});  // no text: never grouped
}

TEST_CASE("merging signatures") {
    DuplicateSignature a{"7", false, 100, 3, 1, 0x0123456789abcdefULL, {}};
    DuplicateSignature b = a;
    b.engagement = 9;
    b.retweets_seen = 2;
    b.simhash = 0xffULL;

    SUBCASE("the same tweet in two parts is one, with the better copy and the retweets of both") {
        const auto merged = merge_duplicate_signatures({a}, {b});
        REQUIRE(merged.size() == 1);
        CHECK(merged[0].engagement == 9);
        CHECK(merged[0].simhash == 0xffULL);
        CHECK(merged[0].retweets_seen == 3);
        CHECK(merge_duplicate_signatures({b}, {a})[0].engagement == 9);
    }
    SUBCASE("approximate ids never merge") {
        a.id_approximate = b.id_approximate = true;
        CHECK(merge_duplicate_signatures({a}, {b}).size() == 2);
    }
    SUBCASE("a version an edit history supersedes is dropped, whichever part it is in") {
        DuplicateSignature newer{"8", false, 200, 0, 0, std::nullopt, {"7"}};
        CHECK(merge_duplicate_signatures({a}, {newer}) == std::vector<DuplicateSignature>{newer});
        CHECK(merge_duplicate_signatures({newer}, {a}) == std::vector<DuplicateSignature>{newer});
    }
    SUBCASE("many parts: the order of the merges does not change the result") {
        std::vector<DuplicateSignature> parts[4] = {{a}, {b}, {DuplicateSignature{"9", false, 50, 0, 0, 1, {}}}, {a}};
        const auto left = merge_duplicate_signatures(merge_duplicate_signatures(merge_duplicate_signatures(parts[0], parts[1]), parts[2]), parts[3]);
        const auto tree = merge_duplicate_signatures(merge_duplicate_signatures(parts[0], parts[1]), merge_duplicate_signatures(parts[2], parts[3]));
        CHECK(left == tree);
        CHECK(duplicate_clusters(left) == duplicate_clusters(tree));
    }
}

TEST_CASE("clusters do not depend on the number of threads that find them") {
    // Base signatures with exact copies and chains of near copies (a few bits apart each step),
    // so that clusters form through every band of the near-pair search.
    std::mt19937_64 random(7);
    std::vector<DuplicateSignature> signatures;
    for (int base = 0; base < 3000; ++base) {
        std::uint64_t simhash = random();
        const int copies = int(random() % 4);
        for (int copy = 0; copy <= copies; ++copy) {
            if (copy > 0 && random() % 3 != 0)
                for (int flips = int(random() % 4) + 1; flips > 0; --flips) simhash ^= 1ULL << (random() % 64);
            const std::string id = std::to_string(signatures.size() + 1);
            signatures.push_back({id, false, std::int64_t(random() % 86400), random() % 50, 0, simhash, {}});
        }
    }
    const auto one = duplicate_clusters(signatures, 3, 1);
    std::size_t grouped = 0;
    for (const DuplicateCluster& cluster : one) grouped += cluster.ids.size() > 1;
    REQUIRE(grouped > 1000);
    CHECK(duplicate_clusters(signatures, 3, 2) == one);
    CHECK(duplicate_clusters(signatures, 3, 5) == one);
    CHECK(duplicate_clusters(signatures) == one);
}

TEST_CASE("duplicate signatures as JSON") {
    const auto parts = input_in_parts();
    const Corpus corpus = build_corpus(parts[2], {}, day_of("2026-01-25", false));
    const std::vector<DuplicateSignature> signatures = duplicate_signatures(corpus);
    const std::string json = duplicate_signatures_to_json(signatures);
    CHECK(duplicate_signatures_from_json(json) == signatures);
    CHECK(json.find(R"("superseded_ids":["300"])") != std::string::npos);

    const auto error_of = [](std::string_view text) {
        try {
            duplicate_signatures_from_json(text);
        } catch (const Error& error) {
            CHECK(error.code() == Error::Code::parse);
            return std::string(error.what());
        }
        return std::string("no error");
    };
    const std::string valid = R"("id":"1","id_approximate":false,"created_at":5,"engagement":0,"retweets_seen":0,"superseded_ids":[])";
    CHECK(error_of(R"({"a":1})") == "duplicate signatures: expected a JSON array");
    CHECK(error_of("[") .starts_with("duplicate signatures: invalid JSON"));
    CHECK(error_of("[{" + valid + R"(,"simhash":null},{)" + valid + R"(,"simhash":"ABCDEF0123456789"}])") ==
          R"(duplicate signatures: element 1, "simhash": expected 16 lowercase hex digits or null)");
    CHECK(error_of("[{" + valid + R"(,"simhash":"12"}])") ==
          R"(duplicate signatures: element 0, "simhash": expected 16 lowercase hex digits or null)");
    CHECK(error_of(R"([{"id":"1"}])") == R"(duplicate signatures: element 0, "id_approximate": missing)");
    CHECK(error_of("[{" + valid + R"(,"simhash":null,"extra":1}])") == R"(duplicate signatures: element 0, "extra": unknown field)");
    CHECK(error_of(R"([{"id":"1","id_approximate":false,"created_at":5,"engagement":-1,"retweets_seen":0,"superseded_ids":[],"simhash":null}])") ==
          R"(duplicate signatures: element 0, "engagement": expected an integer in range)");
}
