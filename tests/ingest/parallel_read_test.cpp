// read_corpus over many files reads them on several threads, and one file in ranges on several
// threads; the corpus, its counts and its diagnostics are the ones a single thread gives.

#include "ingest/corpus_reading.hpp"
#include "ingest/file_slices.hpp"
#include "ingest_test_support.hpp"
#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;

namespace {

// The bundled corpus dealt line by line into `parts` files, plus a bad line in one of them.
std::vector<std::string> split_sample(std::size_t parts) {
    const fs::path dir = td_test::output_dir() / "parallel_read";
    fs::create_directories(dir);
    std::vector<std::ofstream> files;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < parts; ++i) {
        paths.push_back((dir / ("part" + std::to_string(i) + ".jsonl")).string());
        files.emplace_back(paths.back());
    }
    std::istringstream lines(td_test::read_file(td_test::source_dir() / "examples/data/sample_tweets.jsonl"));
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        files[n % parts] << line << "\n";
        if (n == 3) files[n % parts] << "{\"data\": [ not json\n";
    }
    return paths;
}

std::string describe(const td::Corpus& corpus) {
    std::ostringstream out;
    const td::CorpusCounts& c = corpus.counts;
    out << c.read << " " << c.kept << " " << c.duplicates << " " << c.retweets << " " << c.out_of_window << " "
        << c.errors << "\n";
    for (const td::Tweet& t : corpus.tweets) out << td::tweet_to_json(t) << "\n";
    for (const td::Diagnostic& d : corpus.diagnostics) out << d.to_string() << "\n";
    return out.str();
}

// The bundled corpus in one file behind a byte order mark, with a broken line and a record cut
// short after many indented lines after every other line.
std::string one_file_sample() {
    const fs::path path = td_test::output_dir() / "parallel_read" / "one_file.jsonl";
    fs::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary);
    file << "\xEF\xBB\xBF";
    std::istringstream lines(td_test::read_file(td_test::source_dir() / "examples/data/sample_tweets.jsonl"));
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        file << line << "\n";
        if (n == 1) file << "{\"data\": [ not json\n";
        if (n % 2 == 0) {
            file << "{\n  \"data\": [\n";
            for (int i = 0; i < 2000; ++i) file << "    {\"id\": \"" << i << "\", \"text\": \"cut short\"},\n";
        }
    }
    return path.string();
}

// Whether the line before a range's start is indented: the range before it ends inside a record.
bool ends_inside_record(const std::string& bytes, const td::ingest::FileRange& range) {
    if (range.begin < 2) return false;
    const std::size_t line_start = bytes.rfind('\n', range.begin - 2);
    return bytes.compare(line_start == std::string::npos ? 0 : line_start + 1, 2, "  ") == 0;
}

}  // namespace

TEST_CASE("one file read in ranges on several threads gives the corpus of one pass") {
    const std::string path = one_file_sample();
    const std::string bytes = td_test::read_file(path);
    td::ReadOptions options;
    options.from = options.to = td::LocalDate::parse("2026-01-25");
    options.threads = 1;
    const td::Corpus single = td::read_corpus({path}, options);
    REQUIRE(single.tweets.size() > 100);
    const std::string expected = describe(single);
    CHECK(expected.find("invalid JSON") != std::string::npos);
    CHECK(expected.find("the record ends before its value is complete") != std::string::npos);

    std::size_t cut_records = 0;
    for (std::size_t threads : {2u, 3u, 5u}) {
        for (std::uint64_t min_range : {std::uint64_t{1500}, std::uint64_t{4000}, std::uint64_t{9000}}) {
            CAPTURE(threads);
            CAPTURE(min_range);
            options.threads = threads;
            const auto ranges = td::ingest::json_lines_ranges(path, options, threads, min_range);
            REQUIRE(ranges.size() == threads);  // the file is split, so the ranged reader is what runs
            std::uint64_t covered = 0;
            for (const auto& range : ranges) {
                CHECK(range.begin == covered);
                CHECK((range.begin == 0 || bytes[range.begin] == '{'));
                covered += range.length;
                cut_records += ends_inside_record(bytes, range);
            }
            CHECK(covered == bytes.size());
            CHECK(describe(td::ingest::read_corpus({path}, options, min_range)) == expected);
        }
    }
    CHECK(cut_records > 0);  // some range ended inside a record that the next one abandons
}

TEST_CASE("a gzip, CSV or array file and a small file are read in one range") {
    const fs::path dir = td_test::output_dir() / "parallel_read";
    fs::create_directories(dir);
    const std::string jsonl = td_test::read_file(one_file_sample());
    const auto write = [&](const std::string& name, const std::string& content) {
        std::ofstream(dir / name, std::ios::binary) << content;
        return (dir / name).string();
    };
    td::ReadOptions options;
    CHECK(td::ingest::json_lines_ranges(write("one.jsonl.gz", td_test::gzip_compress(jsonl)), options, 4, 1000).size() == 1);
    CHECK(td::ingest::json_lines_ranges(write("array.json", "[" + std::string(20000, ' ') + "]"), options, 4, 1000).size() == 1);
    CHECK(td::ingest::json_lines_ranges(write("one.jsonl", jsonl), options, 4, jsonl.size()).size() == 1);
    options.format = td::InputFormat::csv;
    CHECK(td::ingest::json_lines_ranges(write("one.jsonl", jsonl), options, 4, 1000).size() == 1);
}

TEST_CASE("files read on 1, 2 and 4 threads give the same corpus") {
    std::vector<std::string> paths = split_sample(7);
    paths.insert(paths.begin() + 2, "/nonexistent/part.jsonl");
    td::ReadOptions options;
    options.from = options.to = td::LocalDate::parse("2026-01-25");
    options.threads = 1;
    const td::Corpus single = td::read_corpus(paths, options);
    REQUIRE(single.tweets.size() > 100);
    REQUIRE(single.diagnostics.size() >= 2);  // the missing file and the bad line
    const std::string expected = describe(single);
    CHECK(expected.find("/nonexistent/part.jsonl") != std::string::npos);
    for (std::size_t threads : {2u, 4u}) {
        CAPTURE(threads);
        options.threads = threads;
        CHECK(describe(td::read_corpus(paths, options)) == expected);
    }
}

TEST_CASE("build_corpus over many repeats, edits, retweets and near duplicates is the same on 1 and 2 threads") {
    // Enough tweets that every step is split between threads.
    std::vector<td::Tweet> tweets;
    const std::vector<std::string> topics = {"rates hold steady as markets wait", "新模型发布 推理速度提升",
                                             "launch window moves to friday", "比特币 价格 突破 新高"};
    for (int i = 0; i < 24000; ++i) {
        const std::string id = std::to_string(100000 + i % 20000);  // ids 0..3999 read twice
        const std::string minute = std::to_string(10 + i % 50);
        td::Tweet tweet = td_test::make_tweet(id, topics[i % 4] + " " + std::to_string(i % 7 == 0 ? 0 : i),
                                              "2026-01-25T0" + std::to_string(i % 10) + ":" + minute + ":00Z",
                                              std::uint64_t(i % 13));
        if (i % 97 == 0) tweet.edit_history_ids = {std::to_string(100000 + (i + 1) % 20000), id};
        if (i % 5 == 1) {
            tweet.retweet_of_id = i % 10 == 1 ? std::to_string(100000 + i % 3000) : std::to_string(900000 + i % 300);
            auto original = std::make_shared<td::Tweet>(td_test::make_tweet(tweet.retweet_of_id, "original " + tweet.retweet_of_id,
                                                                            "2026-01-24T20:00:00Z"));
            tweet.original = std::move(original);
        }
        if (i % 1000 == 3) tweet.created_at -= 86400 * 3;  // out of the window
        tweets.push_back(std::move(tweet));
    }
    td::ReadOptions options;
    options.from = options.to = td::LocalDate::parse("2026-01-25");
    options.threads = 1;
    const td::Corpus single = td::build_corpus(tweets, {}, options);
    CHECK(single.counts.duplicates > 4000);
    CHECK(single.counts.retweets > 1000);
    CHECK(single.counts.out_of_window > 0);
    CHECK(single.tweets.size() > 4096);
    const std::string expected = describe(single);
    options.threads = 2;
    CHECK(describe(td::build_corpus(tweets, {}, options)) == expected);
}
