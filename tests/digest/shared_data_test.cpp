// The digest of real X API v2 pages (../shared/data/tweets/twarc-v2), read by the ingest module.
// Term keys come from a plain word split here, so the digest is tested apart from the terms stage.

#include "test_support.hpp"

#include "digest/clustering.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace {

// Lower-case Latin words of three letters or more, hashtags and cashtags; each once per tweet.
std::vector<std::string> plain_terms(const std::string& text) {
    static const std::set<std::string> stopwords = {
        "the", "and", "for", "are", "but", "not", "you", "all", "can", "her", "was", "one", "our", "out",
        "his", "has", "have", "this", "that", "with", "from", "they", "will", "would", "there", "their",
        "what", "about", "which", "when", "your", "just", "like", "more", "than", "them", "been", "were",
        "into", "who", "how", "its", "https", "http", "amp", "via", "now", "new", "get", "got"};
    std::set<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3 && !stopwords.count(word) && word.find("t.co") == std::string::npos) words.insert(word);
        word.clear();
    };
    for (char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            ((c == '#' || c == '$') && word.empty());
        if (letter) word += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        else flush();
    }
    flush();
    return {words.begin(), words.end()};
}

struct RealDay {
    td::Corpus corpus;
    td::TermAnalysis terms;
};

RealDay real_day() {
    RealDay day;
    std::vector<std::string> paths;
    for (const char* name : {"2sets.jsonl", "brexit.jsonl", "cashtags.jsonl", "entities_test.jsonl", "flat.jsonl",
                             "kpop.jsonl"})
        paths.push_back((td_test::shared_data() / "tweets/twarc-v2" / name).string());
    td::ReadOptions options;
    options.time_zone = "UTC";
    day.corpus = td::read_corpus(paths, options);
    for (const td::Tweet& tweet : day.corpus.tweets) day.terms.tweet_terms.push_back(plain_terms(tweet.text));
    return day;
}

}  // namespace

TEST_CASE("the digest of real twarc pages meets the quality bar") {
    const RealDay day = real_day();
    REQUIRE(day.corpus.tweets.size() > 200);
    const td::Digest digest = td::build_digest(day.corpus, day.terms, td::DigestOptions{});

    REQUIRE(digest.core_points.size() == 10);
    std::map<std::string, std::size_t> cluster_of;
    const auto clustering = td::digest::cluster_tweets(day.corpus, day.terms);
    for (std::size_t c = 0; c < clustering.clusters.size(); ++c)
        for (std::size_t member : clustering.clusters[c].members) cluster_of[day.corpus.tweets[member].id] = c;

    std::set<std::size_t> clusters;
    for (const td::CorePoint& point : digest.core_points) clusters.insert(cluster_of.at(point.summary.tweet_ids.front()));
    CHECK(clusters.size() >= 8);

    std::size_t most_engaged = 0;
    for (std::size_t c = 0; c < clustering.clusters.size(); ++c)
        if (!clustering.clusters[c].top_terms.empty() &&
            clustering.clusters[c].engagement > clustering.clusters[most_engaged].engagement)
            most_engaged = c;
    CHECK(clusters.count(most_engaged) == 1);

    for (std::size_t i = 0; i < digest.core_points.size(); ++i)
        for (std::size_t j = i + 1; j < digest.core_points.size(); ++j) {
            const auto& a = digest.core_points[i].terms;
            const auto& b = digest.core_points[j].terms;
            const std::set<std::string> left(a.begin(), a.end());
            std::size_t shared = 0;
            for (const auto& term : b) shared += left.count(term);
            CHECK(double(shared) / double(left.size() + b.size() - shared) < 0.34);
        }

    std::set<std::string> ids;
    for (const td::Tweet& tweet : day.corpus.tweets) ids.insert(tweet.id);
    for (const td::SourceTweet& source : digest.sources) CHECK(ids.count(source.id) == 1);
    CHECK_FALSE(digest.tickers.empty());  // cashtags.jsonl is about $ tickers

    const std::string post = td::render_markdown(digest);
    CHECK(post.find("## 核心要点") != std::string::npos);
    std::filesystem::create_directories(td_test::output_dir());
    std::ofstream(td_test::output_dir() / "twarc_post.md") << post;
}
