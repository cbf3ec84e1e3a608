// The history index: the same days as the day files, trusted only while the files are unchanged,
// rebuilt on save, and never more than a faster way to read what the day folders hold.

#include "common/binary_format.hpp"
#include "history/index.hpp"
#include "saved_days.hpp"
#include "test_support.hpp"

#include <tweetdigest/history.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

const td::LocalDate fourth = td::LocalDate::parse("2026-03-04");

// Moves the index's time past every day's, as when the days were saved long before this run.
void age_days(const fs::path& dir) {
    fs::last_write_time(dir / "index.bin", fs::file_time_type::clock::now() + std::chrono::hours(1));
}

std::size_t trusted_records(const fs::path& dir) {
    const td::history::Index index = td::history::read_index(dir);
    std::size_t trusted = 0;
    for (const td::history::IndexRecord& record : index.records) {
        const auto now = td::history::stamps_of(dir / record.date.to_string());
        trusted += now && index.trusted(record, *now);
    }
    return trusted;
}

void check_same_days(const td::DigestHistory& a, const td::DigestHistory& b) {
    REQUIRE(a.days.size() == b.days.size());
    for (std::size_t i = 0; i < a.days.size(); ++i) {
        const td::PastDay &x = a.days[i], &y = b.days[i];
        CHECK(x.date == y.date);
        CHECK(x.title == y.title);
        CHECK(x.terms == y.terms);
        CHECK(x.top_terms == y.top_terms);
        CHECK(x.top_term_display == y.top_term_display);
        REQUIRE(x.stories.size() == y.stories.size());
        for (std::size_t s = 0; s < x.stories.size(); ++s) {
            CHECK(x.stories[s].title == y.stories[s].title);
            CHECK(x.stories[s].since == y.stories[s].since);
            CHECK(x.stories[s].tweet_ids == y.stories[s].tweet_ids);
            REQUIRE(x.stories[s].terms.size() == y.stories[s].terms.size());
            for (std::size_t t = 0; t < x.stories[s].terms.size(); ++t) {
                CHECK(x.stories[s].terms[t].key == y.stories[s].terms[t].key);
                CHECK(x.stories[s].terms[t].weight == y.stories[s].terms[t].weight);
            }
        }
    }
    CHECK(a.background == b.background);
    CHECK(a.background_days == b.background_days);
}

void set_modified_ns(const fs::path& path, std::int64_t ns) {
    const timespec times[2] = {{0, UTIME_OMIT}, {time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)}};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

void overwrite_keeping_time(const fs::path& path, const std::string& bytes) {
    const auto time = fs::last_write_time(path);
    { std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes; }
    fs::last_write_time(path, time);
}

}  // namespace

TEST_CASE("the index gives the same days and background as the day files") {
    const fs::path dir = td_test::output_dir() / "history-index-same";
    fs::remove_all(dir);
    const std::vector<td::TermStats> saved = td_test::save_three_days(dir);
    REQUIRE(fs::exists(dir / "index.bin"));
    age_days(dir);
    CHECK(trusted_records(dir) == 3);

    std::vector<td::Diagnostic> diagnostics;
    const td::DigestHistory indexed = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(indexed.days.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(indexed.days[i].terms == td::TermFrequencies(saved[i]));
    CHECK(indexed.days[1].terms.document_frequency("day 2") == 2);
    CHECK(indexed.days[1].terms.document_frequency("day 1") == 0);
    CHECK(indexed.days[1].terms.document_frequency("zzz") == 0);
    CHECK(indexed.background.terms.at("shared").document_frequency == 4 + 5 + 6);

    // A day of the index is a table like any other: changing it copies it first.
    td::TermFrequencies copy = indexed.days[0].terms;
    copy.add("zzz", 7);
    CHECK(copy.size() == indexed.days[0].terms.size() + 1);
    CHECK(copy.document_frequency("zzz") == 7);
    CHECK(copy.document_frequency("shared") == 4);
    CHECK(indexed.days[0].terms.document_frequency("zzz") == 0);
    CHECK_THROWS_AS(copy.add("aaa", 1), td::Error);

    // Entries without complete stats come from the index too, and match the manifests.
    const td::HistoryLoad from_index = td::load_history(dir.string(), td::LocalDate::parse("2026-03-01"), fourth,
                                                         {false, false});
    fs::remove(dir / "index.bin");
    const td::HistoryLoad from_files = td::load_history(dir.string(), td::LocalDate::parse("2026-03-01"), fourth,
                                                         {false, false});
    REQUIRE(from_index.entries.size() == 3);
    REQUIRE(from_files.entries.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(from_index.entries[i].day.title == from_files.entries[i].day.title);
        CHECK(from_index.entries[i].documents == from_files.entries[i].documents);
        CHECK(from_index.entries[i].tweets == from_files.entries[i].tweets);
        CHECK(from_index.entries[i].language == from_files.entries[i].language);
        CHECK(from_index.entries[i].time_zone == from_files.entries[i].time_zone);
        CHECK(from_index.entries[i].path == from_files.entries[i].path);
        CHECK(from_index.entries[i].day.terms == from_files.entries[i].day.terms);
    }

    const td::DigestHistory from_day_files = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    CHECK(diagnostics.empty());
    check_same_days(indexed, from_day_files);
}

TEST_CASE("a day changed after it was indexed is read from its files") {
    const fs::path dir = td_test::output_dir() / "history-index-changed";
    fs::remove_all(dir);
    td_test::save_three_days(dir);
    age_days(dir);
    const fs::path broken = dir / "2026-03-02" / "terms.bin";
    std::string bytes = td::read_file(broken.string());
    bytes[bytes.size() / 2] ^= 0x55;
    { std::ofstream(broken, std::ios::binary | std::ios::trunc) << bytes; }
    fs::last_write_time(broken, fs::last_write_time(broken) - std::chrono::seconds(5));  // a time of its own
    { std::ofstream(dir / "2026-03-03" / "notes.txt") << "mine"; }
    fs::last_write_time(dir / "2026-03-03", fs::last_write_time(dir / "2026-03-03") - std::chrono::seconds(5));

    std::vector<td::Diagnostic> diagnostics;
    const td::DigestHistory history = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    REQUIRE(history.days.size() == 2);
    CHECK(history.days[0].date == td::LocalDate::parse("2026-03-01"));
    CHECK(history.days[1].date == td::LocalDate::parse("2026-03-03"));
    CHECK(history.background.terms.count("day 2") == 0);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].source == broken.string());
    CHECK(diagnostics[0].message.find("checksum mismatch") != std::string::npos);
    CHECK(diagnostics[1].source == (dir / "2026-03-03" / "notes.txt").string());
    CHECK(diagnostics[1].message.find("not part of a history day") != std::string::npos);
}

TEST_CASE("a file changed within the index's clock tick is not trusted, even with its old size and time") {
    const fs::path dir = td_test::output_dir() / "history-index-racy";
    fs::remove_all(dir);
    td_test::save_three_days(dir);
    const fs::path broken = dir / "2026-03-02" / "terms.bin";
    std::string bytes = td::read_file(broken.string());
    bytes[bytes.size() / 2] ^= 0x55;
    overwrite_keeping_time(broken, bytes);
    // The index carries the time of the folder's newest file: the change may have come after it.
    const td::history::Index index = td::history::read_index(dir);
    const auto record = index.find(td::LocalDate::parse("2026-03-02"));
    REQUIRE(record);
    const std::int64_t newest = index.records[*record].stamps.newest_ns();
    set_modified_ns(dir / "index.bin", newest);
    std::vector<td::Diagnostic> diagnostics;
    td::DigestHistory history = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    CHECK(history.days.size() == 2);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("checksum mismatch") != std::string::npos);

    // Once the index is later than every file, unchanged stamps are trusted: the index's copy of
    // the day is read and the file is not (it changed without a trace: size and time restored).
    age_days(dir);
    diagnostics.clear();
    history = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    CHECK(history.days.size() == 3);
    CHECK(diagnostics.empty());
}

TEST_CASE("a corrupt index is a warning, every day is read from its files, and the next save replaces it") {
    const fs::path dir = td_test::output_dir() / "history-index-corrupt";
    fs::remove_all(dir);
    const std::vector<td::TermStats> saved = td_test::save_three_days(dir);
    { std::ofstream(dir / "index.bin", std::ios::binary | std::ios::trunc) << "TDHX\x01garbage"; }
    { std::ofstream(dir / "index.bin.tmp-1-0", std::ios::binary) << "half"; }

    std::vector<td::Diagnostic> diagnostics;
    const td::DigestHistory history = td::previous_days({dir.string(), 7}, fourth, &diagnostics);
    REQUIRE(history.days.size() == 3);
    CHECK(history.days[2].terms == td::TermFrequencies(saved[2]));
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].source == (dir / "index.bin").string());
    CHECK(diagnostics[0].severity == td::Diagnostic::Severity::warning);
    CHECK(diagnostics[0].message.find("checksum mismatch") != std::string::npos);
    CHECK(diagnostics[1].source == (dir / "index.bin.tmp-1-0").string());
    CHECK(diagnostics[1].message.find("left-over temporary file") != std::string::npos);

    const td::TermStats stats = td_test::stats_of_day(4, fourth);
    td::save_history_day(dir.string(), td_test::day_with_top_terms(fourth, stats), stats);
    CHECK(td::history::read_index(dir).records.size() == 4);
}

TEST_CASE("an index whose checksum holds but whose tables do not is refused") {
    const fs::path dir = td_test::output_dir() / "history-index-forged";
    fs::remove_all(dir);
    td_test::save_three_days(dir);
    std::string bytes = td::read_file((dir / "index.bin").string());
    // The first table's first two key ids, swapped: out of order.
    const std::string facts(td::history::read_index(dir).records.at(0).facts);
    std::size_t ids = bytes.find(facts);
    REQUIRE(ids != std::string::npos);
    ids += facts.size() + 3;  // documents, term_count (one byte each here) and the width
    for (int i = 0; i < 4; ++i) std::swap(bytes[ids + std::size_t(i)], bytes[ids + 4 + std::size_t(i)]);
    bytes.resize(bytes.size() - 4);
    td::binary::Writer crc;
    crc.out() = bytes;
    crc.crc32_trailer();
    { std::ofstream(dir / "index.bin", std::ios::binary | std::ios::trunc) << crc.out(); }
    CHECK_THROWS_WITH_AS(td::history::read_index(dir), doctest::Contains("key ids do not increase"), td::Error);
    std::vector<td::Diagnostic> diagnostics;
    CHECK(td::previous_days({dir.string(), 7}, fourth, &diagnostics).days.size() == 3);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("key ids do not increase") != std::string::npos);
}

TEST_CASE("saving a day indexes the days stored before the index, but not a folder with foreign files") {
    const fs::path dir = td_test::output_dir() / "history-index-rebuild";
    fs::remove_all(dir);
    td_test::save_three_days(dir);
    fs::remove(dir / "index.bin");
    { std::ofstream(dir / "2026-03-01" / "notes.txt") << "mine"; }
    const td::TermStats stats = td_test::stats_of_day(4, fourth);
    td::save_history_day(dir.string(), td_test::day_with_top_terms(fourth, stats), stats);
    const td::history::Index index = td::history::read_index(dir);
    REQUIRE(index.records.size() == 3);
    CHECK(index.records[0].date == td::LocalDate::parse("2026-03-02"));
    CHECK(index.records[2].date == fourth);
    CHECK(index.day(2).entry.day.terms == td::TermFrequencies(stats));
    CHECK(index.day(2).stats_days == std::vector<int>{fourth.days_since_epoch()});
}
