#include "common/files.hpp"
#include "common/gzip.hpp"
#include "common/parallel.hpp"
#include "common/resources.hpp"
#include "common/string_map.hpp"
#include "common/utf8.hpp"
#include "test_support.hpp"

#include <tweetdigest/common.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

using namespace td;

TEST_CASE("LocalDate parses, formats and counts days") {
    const LocalDate date = LocalDate::parse("2026-01-25");
    CHECK(date.to_string() == "2026-01-25");
    CHECK(date.compact() == "20260125");
    CHECK(LocalDate::parse("2024-02-28").next().to_string() == "2024-02-29");
    CHECK(LocalDate::parse("2023-12-31").next().to_string() == "2024-01-01");
    CHECK(LocalDate::from_days_since_epoch(0).to_string() == "1970-01-01");
    CHECK(LocalDate::parse("2000-03-01").days_since_epoch() == 11017);
    CHECK_THROWS_AS(LocalDate::parse("2026-02-30"), Error);
    CHECK_THROWS_AS(LocalDate::parse("2026-1-5"), Error);
    CHECK_THROWS_AS(LocalDate::parse(""), Error);
}

TEST_CASE("ISO-8601 timestamps parse to Unix seconds") {
    std::int64_t t = 0;
    REQUIRE(parse_iso8601("2021-05-18T19:24:56.000Z", t));
    CHECK(t == 1621365896);
    CHECK(format_iso8601_utc(t) == "2021-05-18T19:24:56Z");
    REQUIRE(parse_iso8601("2021-05-19T03:24:56+08:00", t));
    CHECK(t == 1621365896);
    CHECK_FALSE(parse_iso8601("2021-13-18T19:24:56Z", t));
    CHECK_FALSE(parse_iso8601("2021-05-18T19:24:56Zjunk", t));
    CHECK_FALSE(parse_iso8601("yesterday", t));
}

TEST_CASE("time zones give local dates, offsets and day starts") {
    const TimeZone shanghai = TimeZone::load("Asia/Shanghai");
    std::int64_t t = 0;
    REQUIRE(parse_iso8601("2026-01-24T16:30:00Z", t));
    CHECK(shanghai.local_date(t).to_string() == "2026-01-25");
    CHECK(shanghai.offset_seconds_at(t) == 8 * 3600);
    CHECK(shanghai.format_local(t) == "2026-01-25 00:30:00 +0800");
    CHECK(format_iso8601_utc(shanghai.start_of_day(LocalDate::parse("2026-01-25"))) ==
          "2026-01-24T16:00:00Z");

    const TimeZone new_york = TimeZone::load("America/New_York");
    // 2026-03-08 is 23 hours long there, 2026-11-01 is 25 hours long.
    const auto spring = LocalDate::parse("2026-03-08");
    CHECK(new_york.start_of_day(spring.next()) - new_york.start_of_day(spring) == 23 * 3600);
    const auto autumn = LocalDate::parse("2026-11-01");
    CHECK(new_york.start_of_day(autumn.next()) - new_york.start_of_day(autumn) == 25 * 3600);
    CHECK_THROWS_AS(TimeZone::load("Mars/Olympus_Mons"), Error);
}

TEST_CASE("UTF-8 decoding rejects malformed input and counts units") {
    CHECK(utf8::find_invalid("plain ascii") == std::string_view::npos);
    CHECK(utf8::find_invalid("ok \xE4\xB8\xAD") == std::string_view::npos);
    CHECK(utf8::find_invalid("ab\xC3") == 2);
    CHECK(utf8::find_invalid("\xED\xA0\x80") == 0);  // a surrogate
    CHECK(utf8::find_invalid("\xC0\xAF") == 0);      // overlong '/'
    CHECK(utf8::make_valid("a\xFFz") == "a\xEF\xBF\xBDz");
    CHECK(utf8::count_code_points("中文ab") == 4);
    CHECK(utf8::count_utf16_units("a\xF0\x9F\x98\x80") == 3);
}

TEST_CASE("atomic writes leave either the old or the new file") {
    const auto path = (td_test::output_dir() / "atomic.txt").string();
    files::write_atomically(path, "first");
    files::write_atomically(path, "second");
    CHECK(files::read(path) == "second");
    CHECK_THROWS_AS(files::write_atomically("/nonexistent-dir/x.txt", "data"), Error);
    CHECK_THROWS_AS(files::read(td_test::output_dir().string()), Error);
}

TEST_CASE("embedded resources and gzip") {
    const std::string lexicon = resources::get_gunzipped("lexicon/jieba_dict.txt.gz");
    CHECK(lexicon.size() > 4'000'000);
    CHECK(lexicon.find("\n") != std::string::npos);
    CHECK_FALSE(resources::find("no/such/resource").has_value());
    const std::string_view compressed = resources::get("lexicon/jieba_dict.txt.gz");
    CHECK(gzip::has_magic(compressed));
    std::string partial;
    CHECK_THROWS_AS(gzip::decompress(compressed.substr(0, compressed.size() / 2), &partial), Error);
    CHECK(partial.size() > 0);
}

TEST_CASE("StringMap keeps one entry per key across growth, in insertion order") {
    StringMap<int> map;
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 5000; ++i) {
            const std::string key = (i % 2 ? "词" : "key") + std::to_string(i);
            const auto [index, inserted] = map.try_emplace(key);
            CHECK(inserted == (round == 0));
            CHECK(index == std::size_t(i));
            map.value(index) += i;
        }
    REQUIRE(map.size() == 5000);
    CHECK(map.key(0) == "key0");
    CHECK(map.key(4999) == "词4999");
    CHECK(map.value(4999) == 2 * 4999);
    CHECK(map.try_emplace(std::string_view("")).second);
    CHECK(map.try_emplace(std::string("a\0b", 3)).second);
    CHECK_FALSE(map.try_emplace(std::string("a\0b", 3)).second);
    CHECK(map.try_emplace(std::string("a\0c", 3)).second);
    CHECK(map.size() == 5003);
    const std::vector<std::size_t> order = map.indices_by_key();
    REQUIRE(order.size() == 5003);
    CHECK(map.key(order.front()).empty());
    CHECK(map.key(order.back()) == "词999");
    for (std::size_t i = 1; i < order.size(); ++i) CHECK(map.key(order[i - 1]) < map.key(order[i]));
}

TEST_CASE("StringMap finds keys without inserting them, before and after reserving room") {
    StringMap<std::size_t> map;
    CHECK(map.find("absent") == map.npos);
    for (std::size_t i = 0; i < 300; ++i) map.value(map.try_emplace("id" + std::to_string(i)).first) = i;
    map.reserve(20000);  // rehashes a table that already holds entries
    for (std::size_t i = 300; i < 20000; ++i) map.value(map.try_emplace("id" + std::to_string(i)).first) = i;
    REQUIRE(map.size() == 20000);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < 20000; ++i) {
        const std::size_t found = map.find("id" + std::to_string(i));
        wrong += found == map.npos || map.value(found) != i;
    }
    CHECK(wrong == 0);
    CHECK(map.find("id20000") == map.npos);
    CHECK(map.find("") == map.npos);
    CHECK(map.size() == 20000);  // find never inserts
    map.reserve(10);             // never shrinks
    CHECK(map.find("id19999") != map.npos);
}

TEST_CASE("for_each_task runs every task once, on at most the threads asked for, one task per worker at a time, and rethrows the first failure") {
    std::vector<std::atomic<int>> runs(37);
    std::atomic<int> running{0}, most_at_once{0};
    REQUIRE(task_workers(runs.size(), 2) == 2);
    std::vector<std::atomic<int>> busy(2);
    std::atomic<int> worker_shared{0}, worker_out_of_range{0};
    for_each_task(runs.size(), 2, [&](std::size_t worker, std::size_t task) {
        if (worker >= busy.size()) {
            ++worker_out_of_range;
            return;
        }
        if (++busy[worker] != 1) ++worker_shared;
        const int now = ++running;
        for (int seen = most_at_once; now > seen && !most_at_once.compare_exchange_weak(seen, now);) {}
        if (task < 4) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // uneven tasks
        ++runs[task];
        --running;
        --busy[worker];
    });
    for (const auto& count : runs) CHECK(count == 1);
    CHECK(most_at_once <= 2);
    CHECK(worker_out_of_range == 0);
    CHECK(worker_shared == 0);  // a worker runs one task at a time

    std::atomic<int> finished{0};
    CHECK_THROWS_WITH_AS(for_each_task(10, 2,
                                       [&](std::size_t, std::size_t task) {
                                           if (task == 3 || task == 7) throw std::runtime_error("task " + std::to_string(task));
                                           ++finished;
                                       }),
                         "task 3", std::runtime_error);
    CHECK(finished == 8);  // a failing task does not stop the others
    for_each_task(0, 2, [](std::size_t, std::size_t) { FAIL("no task to run"); });
    CHECK(task_workers(0, 2) == 1);
    CHECK(task_workers(1, 8) == 1);
}

TEST_CASE("run_beside_tasks runs the tasks beside the first function, then on its thread too, and rethrows its failure first") {
    for (const std::size_t threads : {std::size_t(1), std::size_t(2)}) {
        std::atomic<bool> first_running{false}, first_done{false};
        std::atomic<int> overlaps{0}, first_runs{0};
        std::vector<int> runs(60, 0);
        std::vector<std::thread::id> runner(runs.size());
        std::thread::id first_thread;
        run_beside_tasks(
            threads,
            [&] {
                first_thread = std::this_thread::get_id();
                first_running = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                first_running = false;
                first_done = true;
                ++first_runs;
            },
            runs.size(),
            [&](std::size_t task) {
                overlaps += first_running.load();
                ++runs[task];
                runner[task] = std::this_thread::get_id();
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            });
        CHECK(first_runs == 1);
        CHECK(std::all_of(runs.begin(), runs.end(), [](int n) { return n == 1; }));
        const bool first_thread_helped = std::count(runner.begin(), runner.end(), first_thread) > 0;
        if (threads == 1) {
            CHECK(overlaps == 0);  // first, then every task
            CHECK(first_thread_helped);
        } else {
            CHECK(overlaps > 0);   // tasks ran while the first function slept
            CHECK(first_thread_helped);  // 60 tasks of 2 ms outlast its 30 ms
            CHECK(std::count(runner.begin(), runner.end(), first_thread) < long(runs.size()));
        }
    }
    int task_runs = 0;
    CHECK_THROWS_WITH_AS(run_beside_tasks(
                             2, [] { throw std::runtime_error("first"); }, 1,
                             [&](std::size_t) {
                                 ++task_runs;
                                 throw std::runtime_error("task");
                             }),
                         "first", std::runtime_error);
    CHECK(task_runs == 1);
    CHECK_THROWS_WITH_AS(run_beside_tasks(2, [] {}, 3, [](std::size_t task) {
                             if (task == 1) throw std::runtime_error("task 1");
                         }),
                         "task 1", std::runtime_error);
}
