// The history's file format, its checks, and the momentum statistic on known numbers.

#include "digest/momentum.hpp"
#include "history/manifest.hpp"
#include "test_support.hpp"

#include <tweetdigest/history.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

td::DayCount day(const char* date, std::uint64_t count, std::uint64_t documents) {
    return {td::LocalDate::parse(date), count, documents};
}

td::Digest one_day(const char* date) {
    td::Digest digest;
    digest.time_zone = "Asia/Shanghai";
    digest.from = digest.to = td::LocalDate::parse(date);
    digest.title = td::digest_title(digest.from, digest.to);
    td::CorePoint point;
    point.title = "Claude Code";
    point.signature = {{"claude code", 0.8}, {"anthropic", 0.6}};
    point.summary = {"text", {"1"}};
    digest.core_points.push_back(point);
    return digest;
}

}  // namespace

TEST_CASE("momentum: a Poisson z-score against the earlier days' rate") {
    using td::digest::momentum_of;
    const td::Momentum rising = momentum_of({day("2026-01-21", 2, 100), day("2026-01-22", 2, 100),
                                              day("2026-01-23", 20, 200)});
    CHECK(rising.expected == doctest::Approx(4.0));
    CHECK(rising.z == doctest::Approx(8.0));
    CHECK(rising.trend == td::Trend::rising);

    const td::Momentum stable = momentum_of({day("2026-01-21", 10, 100), day("2026-01-22", 12, 100)});
    CHECK(stable.trend == td::Trend::stable);
    const td::Momentum falling = momentum_of({day("2026-01-21", 20, 100), day("2026-01-22", 3, 100)});
    CHECK(falling.trend == td::Trend::falling);
    // Small counts never rise, and a single day has nothing to compare with.
    CHECK(momentum_of({day("2026-01-21", 0, 100), day("2026-01-22", 2, 100)}).trend == td::Trend::stable);
    CHECK(momentum_of({day("2026-01-22", 9, 100)}).trend == td::Trend::unknown);
}

TEST_CASE("story signatures match by cosine") {
    const std::vector<td::WeightedTerm> a = {{"claude code", 0.8}, {"anthropic", 0.6}};
    const std::vector<td::WeightedTerm> b = {{"claude code", 0.6}, {"编程", 0.8}};
    CHECK(td::digest::signature_cosine(a, a) == doctest::Approx(1.0));
    CHECK(td::digest::signature_cosine(a, b) == doctest::Approx(0.48));
    CHECK(td::digest::signature_cosine(a, {{"btc", 1.0}}) == 0);
}

TEST_CASE("the manifest round-trips and rejects what it does not know") {
    td::history::Manifest m;
    m.entry.day.date = td::LocalDate::parse("2026-01-25");
    m.entry.day.title = "twitter_ai_20260125_20260125";
    m.entry.language = "zh";
    m.entry.time_zone = "Asia/Shanghai";
    m.entry.documents = 42;
    m.entry.day.top_terms = {"claude code"};
    m.entry.day.stories.push_back({"Claude Code", {{"claude code", 1}}, {"7"}, td::LocalDate::parse("2026-01-23")});
    m.stats = td::history::check_of("stats");
    m.digest = td::history::check_of("{}");
    const std::string text = td::history::write_manifest(m);
    const td::history::Manifest back = td::history::read_manifest(text);
    CHECK(back.entry.day.date == m.entry.day.date);
    CHECK(back.entry.documents == 42);
    CHECK(back.stats.checksum == m.stats.checksum);
    REQUIRE(back.entry.day.stories.size() == 1);
    CHECK(back.entry.day.stories[0].since == td::LocalDate::parse("2026-01-23"));
    CHECK(td::history::write_manifest(back) == text);

    CHECK_THROWS_WITH_AS(td::history::read_manifest("[1]"), doctest::Contains("$ must be an object"), td::Error);
    CHECK_THROWS_WITH_AS(td::history::read_manifest("{\"schema\": \"tweetdigest.history/1\"}"),
                         doctest::Contains("$.date is missing"), td::Error);
    CHECK_THROWS_AS(td::history::read_manifest("not json"), td::Error);
}

TEST_CASE("save and load: verified files, foreign names, only the requested days") {
    const fs::path dir = td_test::output_dir() / "history-store";
    fs::remove_all(dir);
    CHECK(td::load_history(dir.string(), td::LocalDate::parse("2026-01-01"), td::LocalDate::parse("2026-12-31"))
              .entries.empty());
    td::TermStats stats;
    stats.documents = 3;
    stats.terms["claude code"].document_frequency = 2;
    td::save_history_day(dir.string(), one_day("2026-01-24"), stats);
    td::save_history_day(dir.string(), one_day("2026-01-25"), stats);
    fs::create_directories(dir / "2026-13-01");
    { std::ofstream leftover(dir / "2026-01-25" / "day.json.tmp-1-0"); leftover << "{"; }

    const td::HistoryLoad load =
        td::load_history(dir.string(), td::LocalDate::parse("2026-01-25"), td::LocalDate::parse("2026-01-25"));
    REQUIRE(load.entries.size() == 1);
    CHECK(load.entries[0].day.stats == stats);
    CHECK(load.entries[0].day.stories.at(0).terms.at(0).key == "claude code");
    REQUIRE(load.diagnostics.size() == 2);
    CHECK(load.diagnostics[0].source.find("2026-01-25") != std::string::npos);
    CHECK(load.diagnostics[0].message.find("temporary file") != std::string::npos);
    CHECK(load.diagnostics[1].source.find("2026-13-01") != std::string::npos);
    CHECK(load.diagnostics[1].to_string().find("warning: not a history day") != std::string::npos);

    const auto missing = td::missing_history_days(dir.string(), td::LocalDate::parse("2026-01-23"),
                                                  td::LocalDate::parse("2026-01-25"));
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == td::LocalDate::parse("2026-01-23"));

    td::Digest range = one_day("2026-01-24");
    range.to = td::LocalDate::parse("2026-01-25");
    CHECK_THROWS_AS(td::save_history_day(dir.string(), range, stats), td::Error);
}
