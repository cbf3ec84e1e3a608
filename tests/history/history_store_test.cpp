// The history's file format, its checks, and the momentum statistic on known numbers.

#include "digest/momentum.hpp"
#include "history/manifest.hpp"
#include "saved_days.hpp"
#include "test_support.hpp"

#include <tweetdigest/history.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using td_test::one_day;
using td_test::save_three_days;
using td_test::stats_of_day;

namespace {

td::DayCount day(const char* date, std::uint64_t count, std::uint64_t documents) {
    return {td::LocalDate::parse(date), count, documents};
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
    m.stats = td::history::trailer_check_of(std::string("stats\x01\x02\x03\x04", 9));
    CHECK(m.stats.checksum == 0x04030201);
    m.digest = td::history::check_of("{}");
    const std::string text = td::history::write_manifest(m);
    const td::history::Manifest back = td::history::read_manifest(text);
    CHECK(back.entry.day.date == m.entry.day.date);
    CHECK(back.entry.documents == 42);
    CHECK(back.stats.checksum == m.stats.checksum);
    CHECK(back.stats.sum == td::history::FileCheck::Sum::crc32_trailer);
    CHECK(back.digest.sum == td::history::FileCheck::Sum::fnv1a64);
    CHECK(text.find("\"crc32\":\"04030201\"") != std::string::npos);
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
    REQUIRE(load.entries[0].stats);
    CHECK(*load.entries[0].stats == stats);
    CHECK(load.entries[0].day.terms == td::TermFrequencies(stats));
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

TEST_CASE("previous days: each day's frequencies and the background summed without building its stats") {
    const fs::path dir = td_test::output_dir() / "history-background";
    fs::remove_all(dir);
    const std::vector<td::TermStats> saved = save_three_days(dir);

    const td::DigestHistory history = td::previous_days({dir.string(), 7}, td::LocalDate::parse("2026-03-04"));
    REQUIRE(history.days.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(history.days[i].terms == td::TermFrequencies(saved[i]));
        CHECK(history.days[i].top_term_display == std::map<std::string, std::string>{{"shared", "Shared"}});
    }
    CHECK(history.days[1].terms.document_frequency("day 2") == 2);
    CHECK(history.days[1].terms.document_frequency("day 1") == 0);
    CHECK(history.background_days == 3);
    CHECK(history.background.documents == 11 + 12 + 13);
    CHECK(history.background.terms.size() == 5);
    CHECK(history.background.terms.at("shared").document_frequency == 4 + 5 + 6);
    CHECK(history.background.terms.at("day 3").document_frequency == 2);
    CHECK(history.background.terms.at("$nvda").document_frequency == 3);

    // Scoring against it ranks exactly as against the days' complete merged stats.
    td::TermStats merged;
    for (const td::TermStats& s : saved) merged.merge(s);
    td::TermStats today = stats_of_day(4, td::LocalDate::parse("2026-03-04"));
    today.terms["shared"].document_frequency = 30;
    today.terms["shared"].frequency = 31;
    td::TermOptions complete, summed;
    complete.min_frequency = summed.min_frequency = 1;
    complete.background = &merged;
    td::use_history_background(history, summed);
    CHECK(summed.background == &history.background);
    CHECK(summed.background_days == 3);
    const auto expected = td::score_terms(today, complete), found = td::score_terms(today, summed);
    REQUIRE(expected.size() == found.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(found[i].key == expected[i].key);
        CHECK(found[i].score == doctest::Approx(expected[i].score).epsilon(1e-12));
    }

    // A background of the caller's own is kept.
    td::TermOptions own;
    own.background = &merged;
    td::use_history_background(history, own);
    CHECK(own.background == &merged);
    CHECK(own.background_days == 0);
}

TEST_CASE("previous days: a corrupt terms.bin leaves that day out of the days and the background") {
    const fs::path dir = td_test::output_dir() / "history-background-corrupt";
    fs::remove_all(dir);
    save_three_days(dir);
    const fs::path broken = dir / "2026-03-02" / "terms.bin";
    std::string bytes = td::read_file(broken.string());
    bytes[bytes.size() / 2] ^= 0x55;  // same size: only the checksum can tell
    { std::ofstream(broken, std::ios::binary | std::ios::trunc) << bytes; }

    std::vector<td::Diagnostic> diagnostics;
    const td::DigestHistory history =
        td::previous_days({dir.string(), 7}, td::LocalDate::parse("2026-03-04"), &diagnostics);
    REQUIRE(history.days.size() == 2);
    CHECK(history.days[0].date == td::LocalDate::parse("2026-03-01"));
    CHECK(history.days[1].date == td::LocalDate::parse("2026-03-03"));
    CHECK(history.background_days == 2);
    CHECK(history.background.documents == 11 + 13);
    CHECK(history.background.terms.count("day 2") == 0);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].source == broken.string());
    CHECK(diagnostics[0].message.find("checksum mismatch") != std::string::npos);
}

TEST_CASE("entries of the first manifest schema (FNV-1a 64 for both files) are still read") {
    const fs::path dir = td_test::output_dir() / "history-schema-1";
    fs::remove_all(dir);
    const std::vector<td::TermStats> saved = save_three_days(dir);
    const fs::path manifest_path = dir / "2026-03-01" / "day.json";
    td::history::Manifest m = td::history::read_manifest(td::read_file(manifest_path.string()));
    CHECK(m.stats.sum == td::history::FileCheck::Sum::crc32_trailer);
    m.stats = td::history::check_of(td::read_file((dir / "2026-03-01" / "terms.bin").string()));
    std::string old = td::history::write_manifest(m);
    const std::string schema = "tweetdigest.history/2";
    old.replace(old.find(schema), schema.size(), "tweetdigest.history/1");
    CHECK(old.find("\"fnv1a64\"") != std::string::npos);
    { std::ofstream(manifest_path, std::ios::trunc) << old; }

    std::vector<td::Diagnostic> diagnostics;
    const td::DigestHistory history =
        td::previous_days({dir.string(), 7}, td::LocalDate::parse("2026-03-04"), &diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(history.days.size() == 3);
    CHECK(history.days[0].terms == td::TermFrequencies(saved[0]));
    const td::HistoryLoad load =
        td::load_history(dir.string(), td::LocalDate::parse("2026-03-01"), td::LocalDate::parse("2026-03-01"));
    REQUIRE(load.entries.size() == 1);
    CHECK(*load.entries[0].stats == saved[0]);

    // A wrong FNV-1a 64 is still caught.
    m.stats.checksum ^= 1;
    { std::ofstream(manifest_path, std::ios::trunc) << td::history::write_manifest(m); }
    diagnostics.clear();
    CHECK(td::previous_days({dir.string(), 7}, td::LocalDate::parse("2026-03-04"), &diagnostics).days.size() == 2);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("does not match day.json") != std::string::npos);
}
