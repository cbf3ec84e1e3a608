// Loading a year of history: 365 day entries shaped like real days (a few thousand terms with
// per-day counts and display forms, ten stories, twenty leading terms), then what a daily run
// with --history-days 365 reads (previous_days: manifests, term frequencies, the summed
// background), and load_history with complete stats and digests (what a range report of the
// whole year reads). Prints one JSON line per measure. A daily run is a new process, whose memory
// is not yet mapped, so previous_days is also timed as the first call of a fresh process (the
// benchmark runs itself with --load-once DIR).
//   history_benchmark [DIR] [TERMS_PER_DAY]

#include <tweetdigest/history.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>

namespace {

td::TermStats day_stats(int day, std::size_t terms) {
    td::TermStats stats;
    stats.documents = 2000 + std::uint64_t(day % 7) * 100;
    for (std::size_t i = 0; i < terms; ++i) {
        // A Zipf-like vocabulary that shifts a little every day.
        const std::size_t id = (i * 7919 + std::size_t(day) * 13) % (terms * 3);
        const std::string key = (i % 3 == 0 ? "词" : "term") + std::to_string(id);
        td::TermCounts& c = stats.terms[key];
        c.kind = i % 11 == 0 ? td::TermKind::phrase : td::TermKind::word;
        c.document_frequency = 1 + 400 / (i + 1);
        c.frequency = c.document_frequency + c.document_frequency / 3;
        c.engagement = double(c.document_frequency) * 2.5;
        c.per_day[td::LocalDate::parse("2025-01-01").days_since_epoch() + day] = c.document_frequency;
        if (i % 5 == 0) stats.display[key] = "T" + key;
    }
    return stats;
}

td::Digest day_digest(const td::LocalDate& date, const td::TermStats& stats) {
    td::Digest d;
    d.time_zone = "Asia/Shanghai";
    d.from = d.to = date;
    d.title = td::digest_title(date, date);
    d.counts.tweets = d.counts.kept = stats.documents;
    std::size_t n = 0;
    for (const auto& [key, counts] : stats.terms) {
        if (n++ == 20) break;
        d.top_terms.push_back({key, key, counts.kind, double(counts.document_frequency), counts.frequency,
                               counts.document_frequency, {"1900000000000000001"}});
    }
    for (int p = 0; p < 10; ++p) {
        td::CorePoint point;
        point.title = "story " + std::to_string(p);
        point.summary = {"A sentence about story " + std::to_string(p) + ".", {"19000000000000000" + std::to_string(10 + p)}};
        for (int t = 0; t < 12; ++t) point.signature.push_back({"term" + std::to_string(p * 12 + t), 0.2887});
        d.core_points.push_back(std::move(point));
    }
    return d;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

const td::LocalDate first_day = td::LocalDate::parse("2025-01-01");
const td::LocalDate day_after_the_year = td::LocalDate::from_days_since_epoch(first_day.days_since_epoch() + 365);

// previous_days over the year in DIR, once; prints the wall milliseconds.
int load_once(const char* dir) {
    const auto start = std::chrono::steady_clock::now();
    const td::DigestHistory history = td::previous_days({dir, 365}, day_after_the_year);
    std::printf("%.3f\n", milliseconds_since(start));
    return history.days.size() == 365 ? 0 : 1;
}

// The best of five fresh processes' first previous_days, or -1 when one fails.
double fresh_process_ms(const char* self, const std::filesystem::path& dir) {
    double best = 1e300;
    for (int run = 0; run < 5; ++run) {
        const std::string command = std::string("'") + self + "' --load-once '" + dir.string() + "'";
        std::FILE* child = ::popen(command.c_str(), "r");
        double ms = -1;
        if (!child || std::fscanf(child, "%lf", &ms) != 1) ms = -1;
        if (child && ::pclose(child) != 0) ms = -1;
        if (ms < 0) return -1;
        best = std::min(best, ms);
    }
    return best;
}

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--load-once") == 0) return load_once(argv[2]);
    const std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path() / "td_history_bench";
    const std::size_t terms = argc > 2 ? std::stoul(argv[2]) : 3000;
    const td::LocalDate first = first_day;
    const td::LocalDate last = td::LocalDate::from_days_since_epoch(first.days_since_epoch() + 364);
    std::filesystem::remove_all(dir);
    std::uintmax_t bytes = 0;
    double last_save_ms = 0;  // the 365th day, into a history (and index) of 364
    for (int day = 0; day < 365; ++day) {
        const td::TermStats stats = day_stats(day, terms);
        const td::Digest digest = day_digest(td::LocalDate::from_days_since_epoch(first.days_since_epoch() + day), stats);
        const auto start = std::chrono::steady_clock::now();
        td::save_history_day(dir.string(), digest, stats);
        last_save_ms = milliseconds_since(start);
    }
    for (const auto& item : std::filesystem::recursive_directory_iterator(dir))
        if (item.is_regular_file()) bytes += item.file_size();

    // Each measure is the best of five (the files stay in the page cache after the first).
    auto best_of = [&](const td::HistoryLoadOptions& options, std::size_t& entries) {
        double best = 1e300;
        for (int run = 0; run < 5; ++run) {
            const auto start = std::chrono::steady_clock::now();
            const td::HistoryLoad load = td::load_history(dir.string(), first, last, options);
            best = std::min(best, milliseconds_since(start));
            entries = load.entries.size();
        }
        return best;
    };
    // The decoding share: every day's terms.bin already in memory, decoded on one thread.
    std::vector<std::string> stats_files;
    for (const auto& item : std::filesystem::recursive_directory_iterator(dir))
        if (item.path().filename() == "terms.bin") stats_files.push_back(td::read_file(item.path().string()));
    double decode_ms = 1e300;
    for (int run = 0; run < 3; ++run) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<td::TermStats> decoded;
        for (const std::string& bytes : stats_files) decoded.push_back(td::TermStats::deserialize(bytes));
        decode_ms = std::min(decode_ms, milliseconds_since(start));
    }
    std::printf("{\"benchmark\":\"history_save\",\"days\":365,\"parts\":\"the last day: its three files and the index\","
                "\"index_bytes\":%ju,\"ms\":%.2f}\n",
                std::uintmax_t(std::filesystem::file_size(dir / "index.bin")), last_save_ms);
    std::printf("{\"benchmark\":\"history_load\",\"days\":%zu,\"parts\":\"stats decode only, one thread\",\"ms\":%.2f}\n",
                stats_files.size(), decode_ms);

    std::size_t entries = 0;
    const double index_ms = best_of({false, false}, entries);
    std::printf("{\"benchmark\":\"history_load\",\"days\":365,\"parts\":\"manifests\",\"entries\":%zu,\"ms\":%.2f}\n",
                entries, index_ms);

    const td::HistoryOptions year{dir.string(), 365};
    const td::LocalDate next_day = day_after_the_year;
    // Wall time, and the processor time of all threads (what contention on the cores cannot hide).
    double daily_ms = 1e300, daily_cpu_ms = 1e300;
    std::size_t days = 0, background_terms = 0;
    for (int run = 0; run < 5; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        const td::DigestHistory history = td::previous_days(year, next_day);
        daily_ms = std::min(daily_ms, milliseconds_since(start));
        daily_cpu_ms = std::min(daily_cpu_ms, double(std::clock() - cpu_start) * 1000.0 / CLOCKS_PER_SEC);
        days = history.days.size();
        background_terms = history.background.terms.size();
    }
    std::printf("{\"benchmark\":\"history_load\",\"days\":%zu,\"parts\":\"previous_days: manifests+frequencies+background\","
                "\"terms_per_day\":%zu,\"background_terms\":%zu,\"ms\":%.2f,\"cpu_ms\":%.2f,\"goal_ms\":100}\n",
                days, terms, background_terms, daily_ms, daily_cpu_ms);

    const double fresh_ms = fresh_process_ms(argv[0], dir);
    std::printf("{\"benchmark\":\"history_load\",\"days\":365,\"parts\":\"previous_days, first call of a new process\","
                "\"terms_per_day\":%zu,\"ms\":%.2f,\"goal_ms\":100}\n", terms, fresh_ms);
    if (fresh_ms < 0) days = 0;

    const double stats_ms = best_of({true, false}, entries);
    std::printf("{\"benchmark\":\"history_load\",\"days\":365,\"parts\":\"manifests+complete stats\",\"terms_per_day\":%zu,"
                "\"entries\":%zu,\"ms\":%.2f}\n", terms, entries, stats_ms);
    const double all_ms = best_of({true, true}, entries);
    std::printf("{\"benchmark\":\"history_load\",\"days\":365,\"parts\":\"manifests+complete stats+digests\",\"entries\":%zu,"
                "\"ms\":%.2f,\"bytes_on_disk\":%ju}\n", entries, all_ms, bytes);
    if (days != 365) entries = days;
    std::filesystem::remove_all(dir);
    return entries == 365 ? 0 : 1;
}
