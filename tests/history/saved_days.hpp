#pragma once
// Small history entries the store and index tests save and read back.

#include "test_support.hpp"

#include <tweetdigest/history.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace td_test {

inline td::Digest one_day(const char* date) {
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

// A day's stats in which "shared" appears on every day, "day N" only on day N, and the
// display form of "shared" is its capitalised spelling.
inline td::TermStats stats_of_day(int n, const td::LocalDate& date) {
    td::TermStats stats;
    stats.documents = 10 + std::uint64_t(n);
    auto add = [&](const std::string& key, std::uint64_t df, td::TermKind kind) {
        td::TermCounts& c = stats.terms[key];
        c.kind = kind;
        c.document_frequency = df;
        c.frequency = df + 1;
        c.engagement = 1.5;
        c.per_day[date.days_since_epoch()] = df;
    };
    add("shared", 3 + std::uint64_t(n), td::TermKind::word);
    add("day " + std::to_string(n), 2, td::TermKind::phrase);
    add("$nvda", 1, td::TermKind::cashtag);
    stats.surface_forms["shared"]["Shared"] = 3;
    stats.display["shared"] = "Shared";
    return stats;
}

inline td::Digest day_with_top_terms(const td::LocalDate& date, const td::TermStats& stats) {
    td::Digest digest = one_day(date.to_string().c_str());
    for (const auto& [key, counts] : stats.terms)
        digest.top_terms.push_back({key, key, counts.kind, 1, counts.frequency, counts.document_frequency, {}});
    return digest;
}

inline std::vector<td::TermStats> save_three_days(const std::filesystem::path& dir) {
    std::vector<td::TermStats> saved;
    for (int n = 1; n <= 3; ++n) {
        const td::LocalDate date = td::LocalDate::parse("2026-03-0" + std::to_string(n));
        saved.push_back(stats_of_day(n, date));
        td::save_history_day(dir.string(), day_with_top_terms(date, saved.back()), saved.back());
    }
    return saved;
}

}  // namespace td_test
