#include "terms_test_support.hpp"

#include <doctest/doctest.h>

#include <map>

#include <random>

namespace {

td::Corpus mixed_corpus() {
    td::Corpus corpus = td_terms_test::lines_corpus(
        "Claude Code 发布了新版本，世界模型和AI代理都很火 #AI代理\n"
        "claude code is down again, $NVDA up 3% @anthropic https://t.co/x1\n"
        "世界模型 is the next big thing for Claude Code users\n"
        "具身智能和世界模型：机器人的未来 #世界模型\n"
        "Kimi K2.5 开源模型 上线 🚀\n"
        "Kimi K2.5 benchmark looks strong vs GPT-5.2\n"
        "开源模型 Kimi K2.5 Qwen DeepSeek\n");
    for (std::size_t i = 0; i < corpus.tweets.size(); ++i) {
        corpus.tweets[i].metrics.retweets = i * 3;
        corpus.tweets[i].local_date = td::LocalDate::from_days_since_epoch(20478 + int(i % 3));
    }
    corpus.tweets[1].dup_count = 3;
    return corpus;
}

}  // namespace

TEST_CASE("term statistics count groups once and track spread, engagement and days") {
    td::Corpus corpus;
    corpus.tweets.push_back(td_terms_test::make_tweet("1", "Claude Code Claude Code 好用", 100));
    corpus.tweets.push_back(td_terms_test::make_tweet("2", "Claude Code 宕机了", 0, 1));
    corpus.tweets[0].dup_count = 3;
    corpus.tweets[0].metrics.retweets = 10;
    const td::TermStats stats = td::build_term_stats(corpus);
    CHECK(stats.documents == 2);
    const td::TermCounts& phrase = stats.terms.at("claude code");
    CHECK(phrase.kind == td::TermKind::phrase);
    CHECK(phrase.frequency == 3);
    CHECK(phrase.document_frequency == 2);
    CHECK(phrase.spread == 2);
    CHECK(phrase.engagement == doctest::Approx(std::log1p(120.0)).epsilon(0.001));
    CHECK(phrase.per_day.size() == 2);
    CHECK(stats.display.at("claude code") == "Claude Code");
    CHECK(stats.surface_forms.at("claude code").at("Claude Code") == 3);
    CHECK(stats.terms.at("claude").kind == td::TermKind::word);
}

constexpr std::size_t batch_tweets = 2048;  // the batch a thread takes while counting

TEST_CASE("documents per day stay exact when days interleave, in one pass and across merged parts") {
    const int days[] = {20478, 20479, 20478, 20478, 20480, 20479, 20478};
    td::Corpus corpus;
    for (std::size_t i = 0; i < std::size(days); ++i) {
        corpus.tweets.push_back(td_terms_test::make_tweet(std::to_string(i + 1), "Claude Code 好用", 0));
        corpus.tweets.back().local_date = td::LocalDate::from_days_since_epoch(days[i]);
    }
    const std::map<int, std::uint64_t> expected = {{20478, 4}, {20479, 2}, {20480, 1}};
    const td::TermStats whole = td::build_term_stats(corpus);
    CHECK(whole.terms.at("claude code").per_day == expected);
    td::TermStats merged;
    for (std::size_t split : {std::size_t(2), std::size_t(5)}) {
        td::Corpus part;
        part.tweets.assign(corpus.tweets.begin() + long(split == 2 ? 0 : 2), corpus.tweets.begin() + long(split));
        merged.merge(td::build_term_stats(part));
    }
    td::Corpus rest;
    rest.tweets.assign(corpus.tweets.begin() + 5, corpus.tweets.end());
    merged.merge(td::build_term_stats(rest));
    CHECK(merged.terms.at("claude code").per_day == expected);
    CHECK(merged == whole);

    td::Corpus big;  // enough tweets for every thread to count its own batches before they merge
    for (std::size_t i = 0; i < 3 * batch_tweets; ++i) {
        big.tweets.push_back(corpus.tweets[i % corpus.tweets.size()]);
        big.tweets.back().id = std::to_string(i + 1);
        big.tweets.back().local_date = td::LocalDate::from_days_since_epoch(20478 + int(i / 1000 % 3));
    }
    td::TermOptions one_thread, two_threads;
    one_thread.threads = 1;
    two_threads.threads = 2;
    const td::TermStats single = td::build_term_stats(big, one_thread);
    CHECK(single.terms.at("claude code").per_day.size() == 3);
    CHECK(td::build_term_stats(big, two_threads) == single);
}

TEST_CASE("surface forms are counted exactly for terms written in a few ways and in very many") {
    td::Corpus corpus;
    std::map<std::string, std::uint64_t> expected;
    for (std::size_t i = 0; i < 3 * batch_tweets; ++i) {
        std::string word = "randomcase";  // 40 ways of writing it, each a surface form
        for (std::size_t bit = 0; bit < 6; ++bit)
            if ((i % 40) >> bit & 1) word[bit] = char(word[bit] - 'a' + 'A');
        if (word != "randomcase") ++expected[word];
        corpus.tweets.push_back(td_terms_test::make_tweet(std::to_string(i + 1), word + " Claude 好用", 0));
    }
    td::TermOptions one_thread, two_threads;
    one_thread.threads = 1;
    two_threads.threads = 2;
    const td::TermStats single = td::build_term_stats(corpus, one_thread);
    CHECK(expected.size() == 39);
    CHECK(single.surface_forms.at("randomcase") == expected);
    CHECK(single.surface_forms.at("claude") == std::map<std::string, std::uint64_t>{{"Claude", corpus.tweets.size()}});
    CHECK(single.display.at("claude") == "Claude");
    CHECK(td::build_term_stats(corpus, two_threads) == single);
}

TEST_CASE("statistics round-trip through their binary form") {
    const td::TermStats stats = td::build_term_stats(mixed_corpus());
    const std::string bytes = stats.serialize();
    CHECK(bytes.substr(0, 4) == "TDTS");
    CHECK(td::TermStats::deserialize(bytes) == stats);
    CHECK(td::TermStats::deserialize(td::TermStats().serialize()) == td::TermStats());
    td::TermStats odd;
    odd.documents = 7;
    odd.terms[std::string("a\0b", 3)].per_day[-5] = 2;
    odd.display["x"] = std::string("\0\x7f", 2);
    odd.surface_forms["x"]["X"] = 1;
    CHECK(td::TermStats::deserialize(odd.serialize()) == odd);
    // Keys and texts are UTF-8: anything else is corrupt, however the checksum came out.
    td::TermStats bad_key, bad_display;
    bad_key.terms["caf\xe9"].frequency = 1;
    bad_display.terms["x"].frequency = 1;
    bad_display.display["x"] = "\xff";
    CHECK_THROWS_WITH_AS(td::TermStats::deserialize(bad_key.serialize()), doctest::Contains("key is not valid UTF-8"),
                         td::Error);
    CHECK_THROWS_WITH_AS(td::TermStats::deserialize(bad_display.serialize()),
                         doctest::Contains("text is not valid UTF-8"), td::Error);
}

TEST_CASE("term frequencies: a day's document frequencies in one sorted table") {
    const td::TermStats stats = td::build_term_stats(mixed_corpus());
    const td::TermFrequencies frequencies(stats);
    CHECK(frequencies.documents() == stats.documents);
    REQUIRE(frequencies.size() == stats.terms.size());
    std::size_t i = 0;
    for (const auto& [key, counts] : stats.terms) {
        CHECK(frequencies.key_at(i) == key);
        CHECK(frequencies.document_frequency(key) == counts.document_frequency);
        ++i;
    }
    CHECK(frequencies.document_frequency("no such term") == 0);
    CHECK(frequencies.document_frequency("") == 0);

    td::TermFrequencies built(5);
    built.add("alpha", 2);
    built.add("beta", 1);
    CHECK_THROWS_AS(built.add("beta", 1), td::Error);
    CHECK_THROWS_AS(built.add("aardvark", 1), td::Error);
    CHECK(built.size() == 2);
    CHECK(built.document_frequency("alpha") == 2);
    CHECK(built.document_frequency("alph") == 0);
    CHECK_THROWS_AS(built.key_at(2), std::out_of_range);
}

TEST_CASE("truncated or corrupt statistics throw a parse error with the offset") {
    const std::string bytes = td::build_term_stats(mixed_corpus()).serialize();
    for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 16) {
        try {
            (void)td::TermStats::deserialize(std::string_view(bytes).substr(0, n));
            FAIL("truncated input of " << n << " bytes was accepted");
        } catch (const td::Error& e) {
            CHECK(e.code() == td::Error::Code::parse);
            CHECK(std::string(e.what()).find("byte ") != std::string::npos);
        }
    }
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        std::string corrupt = bytes;
        corrupt[rng() % corrupt.size()] ^= char(1 + rng() % 255);
        CHECK_THROWS_AS((void)td::TermStats::deserialize(corrupt), td::Error);
    }
    for (int round = 0; round < 300; ++round) {
        std::string noise(rng() % 64, '\0');
        for (char& c : noise) c = char(rng());
        if (round % 2) noise.replace(0, std::min<std::size_t>(4, noise.size()), "TDTS");
        try {
            (void)td::TermStats::deserialize(noise);
        } catch (const td::Error&) {
        }
    }
    std::string version = bytes;
    version[4] = 9;
    CHECK_THROWS_WITH_AS((void)td::TermStats::deserialize(version), doctest::Contains("version"), td::Error);
}

TEST_CASE("merging shard statistics equals the statistics of the whole (random splits)") {
    td::Corpus whole = mixed_corpus();
    const td::Corpus& sample = td_terms_test::sample_corpus();
    whole.tweets.insert(whole.tweets.end(), sample.tweets.begin(), sample.tweets.begin() + 120);
    const td::TermStats expected = td::build_term_stats(whole);
    std::mt19937 rng(2026);
    for (int trial = 0; trial < 6; ++trial) {
        const std::size_t shards = 2 + rng() % 4;
        std::vector<td::Corpus> parts(shards);
        for (const td::Tweet& tweet : whole.tweets) parts[rng() % shards].tweets.push_back(tweet);
        td::TermStats merged;
        for (std::size_t i = shards; i-- > 0;) {
            const td::TermStats part = td::build_term_stats(parts[i]);
            merged.merge(td::TermStats::deserialize(part.serialize()));
        }
        CHECK(merged.documents == expected.documents);
        CHECK(merged.terms == expected.terms);
        CHECK(merged.display == expected.display);
        CHECK(merged == expected);
    }
}

TEST_CASE("a large corpus counted on several cores equals the merge of small single-pass chunks") {
    const td::Corpus& sample = td_terms_test::sample_corpus();
    td::Corpus big;
    for (int copy = 0; big.tweets.size() < 9000; ++copy)
        for (td::Tweet tweet : sample.tweets) {
            tweet.id = std::to_string(copy) + tweet.id;
            big.tweets.push_back(std::move(tweet));
        }
    td::TermStats chunked;
    for (std::size_t begin = 0; begin < big.tweets.size(); begin += 1000) {
        td::Corpus chunk;
        const std::size_t end = std::min(begin + 1000, big.tweets.size());
        chunk.tweets.assign(big.tweets.begin() + long(begin), big.tweets.begin() + long(end));
        chunked.merge(td::build_term_stats(chunk));
    }
    const td::TermStats whole = td::build_term_stats(big);
    CHECK(whole.documents == big.tweets.size());
    CHECK(whole == chunked);
    const td::TermAnalysis analysis = td::analyze_terms(big);
    CHECK(analysis.stats == whole);
    REQUIRE(analysis.tweet_terms.size() == big.tweets.size());
    std::size_t out_of_order = 0;  // every copy of a tweet has the terms of the first copy
    for (std::size_t i = 0; i < big.tweets.size(); ++i)
        out_of_order += analysis.tweet_terms[i] != analysis.tweet_terms[i % sample.tweets.size()];
    CHECK(out_of_order == 0);
}
