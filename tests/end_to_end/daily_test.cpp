// `daily` and `digest --history` on the bundled sample corpus (three days).

#include "cli_runner.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using td_test::run_cli;

namespace {

const std::string sample = (td_test::source_dir() / "examples/data/sample_tweets.jsonl").string();

fs::path write_config(const fs::path& dir, const std::string& extra = "") {
    fs::create_directories(dir);
    const fs::path config = dir / "daily.json";
    std::ofstream(config) << "{\"inputs\": [\"" << sample << "\"], \"time_zone\": \"Asia/Shanghai\", "
                          << "\"site\": \"site\", \"history\": \"history\", \"image_format\": \"svg\"" << extra << "}";
    return config;
}

}  // namespace

TEST_CASE("daily builds each day into the site and the history; exit 3 without tweets") {
    const fs::path dir = td_test::output_dir() / "daily";
    fs::remove_all(dir);
    const std::string config = write_config(dir).string();
    for (const char* date : {"2026-01-24", "2026-01-25", "2026-01-26"}) {
        const auto result = run_cli({"daily", "--config", config, "--date", date});
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
    }
    CHECK(fs::exists(dir / "history/2026-01-26/day.json"));
    const std::string post = td_test::read_file(dir / "site/_posts/2026-01-26-twitter_ai_20260126_20260126.md");
    CHECK(post.find("### 热词动量") != std::string::npos);
    CHECK(post.find("延续自 [2026-01-2") != std::string::npos);

    // Again: the same post, byte for byte.
    REQUIRE(run_cli({"daily", "--config", config, "--date", "2026-01-26"}).exit_status == 0);
    CHECK(td_test::read_file(dir / "site/_posts/2026-01-26-twitter_ai_20260126_20260126.md") == post);

    const auto quiet = run_cli({"daily", "--config", config, "--date", "2026-03-01"});
    CHECK(quiet.exit_status == 3);
    CHECK_FALSE(fs::exists(dir / "history/2026-03-01"));

    // A range from the history alone: no input files.
    const auto range = run_cli({"digest", "--date", "2026-01-24", "--to", "2026-01-26", "--history",
                                (dir / "history").string(), "--out", (dir / "site").string(), "--image-format", "svg"});
    INFO(range.err);
    REQUIRE(range.exit_status == 0);
    CHECK(range.err.find("3 days from history, 0 from the input") != std::string::npos);
    const std::string range_post = td_test::read_file(dir / "site/_posts/2026-01-24-twitter_ai_20260124_20260126.md");
    CHECK(range_post.find("title: \"twitter_ai_20260124_20260126\"") != std::string::npos);
    CHECK(range_post.find("### 逐日脉络") != std::string::npos);
}

TEST_CASE("daily rejects a bad configuration with exit status 2, naming the key") {
    const fs::path dir = td_test::output_dir() / "daily-bad";
    fs::remove_all(dir);
    const auto result = run_cli({"daily", "--config", write_config(dir, ", \"histroy_days\": 3").string()});
    CHECK(result.exit_status == 2);
    CHECK(result.err.find("unknown key \"histroy_days\"") != std::string::npos);
    CHECK(run_cli({"daily"}).exit_status == 2);
}

TEST_CASE("a corrupt history file is reported and the digest still succeeds") {
    const fs::path dir = td_test::output_dir() / "digest-history-corrupt";
    fs::remove_all(dir);
    const std::string history = (dir / "history").string(), site = (dir / "site").string();
    REQUIRE(run_cli({"digest", sample, "--date", "2026-01-25", "--history", history, "--out", site,
                     "--image-format", "svg"}).exit_status == 0);
    std::ofstream(dir / "history/2026-01-25/digest.json") << "{broken";
    const auto result = run_cli({"digest", sample, "--date", "2026-01-26", "--history", history, "--out", site,
                                 "--image-format", "svg"});
    INFO(result.err);
    CHECK(result.exit_status == 0);
    CHECK(result.err.find("2026-01-25/digest.json: byte 0: error: has 7 bytes, day.json says") != std::string::npos);
    const auto range = run_cli({"digest", "--date", "2026-01-25", "--to", "2026-01-26", "--history", history,
                                "--out", site, "--image-format", "svg"});
    INFO(range.err);
    CHECK(range.exit_status == 0);
    CHECK(range.err.find("2026-01-25/digest.json") != std::string::npos);
    CHECK(range.err.find("does not match day.json") != std::string::npos);
    CHECK(range.err.find("no history entry and no tweets for 2026-01-25: day left out") != std::string::npos);
}
