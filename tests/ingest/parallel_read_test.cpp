// read_corpus over many files reads them on several threads; the corpus, its counts and its
// diagnostics are the ones a single thread gives.

#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
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
    for (const td::Tweet& t : corpus.tweets) out << t.id << " " << t.dup_count << " " << t.retweets_seen << "\n";
    for (const td::Diagnostic& d : corpus.diagnostics) out << d.to_string() << "\n";
    return out.str();
}

}  // namespace

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
