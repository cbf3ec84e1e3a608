// Saving and loading history entries (the layout is described in history.hpp).

#include "history/background.hpp"
#include "history/manifest.hpp"

#include "common/files.hpp"
#include "common/parallel.hpp"

#include <tweetdigest/render.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <optional>
#include <system_error>

namespace td {
namespace {

namespace fs = std::filesystem;
using history::Manifest;

constexpr std::size_t stored_top_terms = 20;

void report(std::vector<Diagnostic>& out, const fs::path& path, std::string message,
            Diagnostic::Severity severity = Diagnostic::Severity::error) {
    Diagnostic d;
    d.severity = severity;
    d.source = path.string();
    d.message = std::move(message);
    out.push_back(std::move(d));
}

// "2026-01-25" -> that date; anything else (other spellings included) -> nullopt.
std::optional<LocalDate> day_of(const std::string& name) {
    if (name.size() != 10) return std::nullopt;
    try {
        const LocalDate date = LocalDate::parse(name);
        if (date.to_string() == name) return date;
    } catch (const Error&) {
    }
    return std::nullopt;
}

// The bytes of one of the entry's files (read into `bytes`), when they match the manifest; else
// a diagnostic.
std::optional<std::string_view> verified(const fs::path& path, const history::FileCheck& expected,
                                         std::string& bytes, std::vector<Diagnostic>& diagnostics) {
    try {
        files::read_into(path.string(), bytes);
    } catch (const Error& error) {
        report(diagnostics, path, std::string("unreadable, day skipped: ") + error.what());
        return std::nullopt;
    }
    if (!history::matches(expected, bytes)) {
        report(diagnostics, path,
               "does not match day.json (" + std::to_string(bytes.size()) + " bytes, expected " +
                   std::to_string(expected.bytes) + ", or a different checksum): corrupt or half-written, day skipped");
        return std::nullopt;
    }
    return std::string_view(bytes);
}

bool size_matches(const fs::path& path, const history::FileCheck& expected, std::vector<Diagnostic>& diagnostics) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (!error && size == expected.bytes) return true;
    report(diagnostics, path, error ? "missing, day skipped: " + error.message()
                                    : "has " + std::to_string(size) + " bytes, day.json says " +
                                          std::to_string(expected.bytes) + ": day skipped");
    return false;
}

void check_folder_contents(const fs::path& folder, std::vector<Diagnostic>& diagnostics) {
    std::error_code error;
    for (const auto& item : fs::directory_iterator(folder, error)) {
        const std::string name = item.path().filename().string();
        if (name == history::manifest_file || name == history::stats_file || name == history::digest_file) continue;
        report(diagnostics, item.path(),
               name.find(".tmp-") != std::string::npos ? "left-over temporary file of an interrupted write, ignored"
                                                       : "not part of a history day, ignored",
               Diagnostic::Severity::warning);
    }
}

// How much of terms.bin a load reads.
enum class StatsRead {
    size,         // only checks its size against the manifest
    frequencies,  // PastDay::terms, the counts added to a BackgroundSum
    complete,     // HistoryEntry::stats too
};

struct LoadPlan {
    StatsRead stats = StatsRead::size;
    bool digests = false;
};

std::optional<HistoryEntry> load_entry(const fs::path& folder, const LocalDate& date, const LoadPlan& plan,
                                       history::BackgroundSum* background, std::string& scratch,
                                       std::vector<Diagnostic>& diagnostics) {
    check_folder_contents(folder, diagnostics);
    const fs::path manifest_path = folder / history::manifest_file;
    Manifest manifest;
    try {
        files::read_into(manifest_path.string(), scratch);
        manifest = history::read_manifest(scratch);
    } catch (const Error& error) {
        report(diagnostics, manifest_path, std::string("not a valid history manifest, day skipped: ") + error.what());
        return std::nullopt;
    }
    if (manifest.entry.day.date != date) {
        report(diagnostics, manifest_path, "describes " + manifest.entry.day.date.to_string() +
                                               ", not the day of its folder: day skipped");
        return std::nullopt;
    }
    HistoryEntry entry = std::move(manifest.entry);
    entry.path = folder.string();
    const fs::path stats_path = folder / history::stats_file, digest_path = folder / history::digest_file;
    if (plan.stats != StatsRead::size) {
        const auto bytes = verified(stats_path, manifest.stats, scratch, diagnostics);
        if (!bytes) return std::nullopt;
        try {
            if (plan.stats == StatsRead::frequencies) {
                background->add_day(*bytes, entry.day);
            } else {
                entry.stats = TermStats::deserialize(*bytes);
                entry.day.terms = TermFrequencies(*entry.stats);
                for (const std::string& key : entry.day.top_terms)
                    if (const auto shown = entry.stats->display.find(key); shown != entry.stats->display.end())
                        entry.day.top_term_display.insert(*shown);
            }
        } catch (const Error& error) {
            report(diagnostics, stats_path, std::string("corrupt term stats, day skipped: ") + error.what());
            return std::nullopt;
        }
    } else if (!size_matches(stats_path, manifest.stats, diagnostics)) {
        return std::nullopt;
    }
    if (plan.digests) {
        const auto bytes = verified(digest_path, manifest.digest, scratch, diagnostics);
        if (!bytes) return std::nullopt;
        try {
            entry.digest = digest_from_json(*bytes);
        } catch (const Error& error) {
            report(diagnostics, digest_path, std::string("corrupt digest, day skipped: ") + error.what());
            return std::nullopt;
        }
    } else if (!size_matches(digest_path, manifest.digest, diagnostics)) {
        return std::nullopt;
    }
    return entry;
}

// The entries of first..last in folder order; with StatsRead::frequencies, their counts summed
// into `background`.
HistoryLoad load_days(const std::string& dir, const LocalDate& first, const LocalDate& last, const LoadPlan& plan,
                      history::BackgroundSum* background) {
    HistoryLoad load;
    std::error_code error;
    if (!fs::exists(dir, error)) return load;
    if (!fs::is_directory(dir, error)) {
        report(load.diagnostics, dir, "is not a folder: no history read");
        return load;
    }
    std::vector<fs::directory_entry> items;  // the listing's file types spare a stat per folder
    for (const auto& item : fs::directory_iterator(dir, error)) items.push_back(item);
    if (error) report(load.diagnostics, dir, "cannot be listed: " + error.message());
    std::sort(items.begin(), items.end());
    // Each folder in name order: a day to load, or a diagnostic of its own.
    struct Item {
        fs::path path;
        std::optional<LocalDate> date;  // none: not a day folder
        std::optional<HistoryEntry> entry;
        std::vector<Diagnostic> diagnostics;
    };
    std::vector<Item> folders;
    for (const fs::directory_entry& listed : items) {
        const fs::path& item = listed.path();
        auto date = day_of(item.filename().string());
        if (date && !listed.is_directory(error)) date.reset();
        if (date && (*date < first || last < *date)) continue;
        folders.push_back({item, date, std::nullopt, {}});
        if (!date)
            report(folders.back().diagnostics, item, "not a history day (expected a YYYY-MM-DD folder), ignored",
                   Diagnostic::Severity::warning);
    }
    // Days load independently, on all cores, each slice into its own sum; the results are joined
    // in folder order (the sums are exact, so their order does not matter).
    constexpr std::size_t min_slice = 8;
    std::vector<history::BackgroundSum> sums(slice_count(folders.size(), min_slice, 0));
    parallel_slices(folders.size(), min_slice, 0, [&](std::size_t slice, std::size_t begin, std::size_t end) {
        std::string scratch;  // each file's bytes, in turn
        for (std::size_t i = begin; i < end; ++i)
            if (folders[i].date)
                folders[i].entry = load_entry(folders[i].path, *folders[i].date, plan, &sums[slice], scratch,
                                              folders[i].diagnostics);
    });
    if (background)
        for (history::BackgroundSum& sum : sums) background->merge(std::move(sum));
    load.entries.reserve(folders.size());
    for (Item& folder : folders) {
        if (folder.entry) load.entries.push_back(std::move(*folder.entry));
        std::move(folder.diagnostics.begin(), folder.diagnostics.end(), std::back_inserter(load.diagnostics));
    }
    return load;
}

}  // namespace

HistoryLoad load_history(const std::string& dir, const LocalDate& first, const LocalDate& last,
                         const HistoryLoadOptions& options) {
    return load_days(dir, first, last, {options.stats ? StatsRead::complete : StatsRead::size, options.digests},
                     nullptr);
}

DigestHistory previous_days(const HistoryOptions& options, const LocalDate& date, std::vector<Diagnostic>* diagnostics) {
    DigestHistory history;
    if (options.dir.empty() || options.days == 0) return history;
    const int today = date.days_since_epoch();
    history::BackgroundSum background;
    HistoryLoad load = load_days(options.dir, LocalDate::from_days_since_epoch(today - int(options.days)),
                                 LocalDate::from_days_since_epoch(today - 1), {StatsRead::frequencies, false},
                                 &background);
    history.days.reserve(load.entries.size());
    for (HistoryEntry& entry : load.entries) history.days.push_back(std::move(entry.day));
    history.background_days = background.days();
    history.background = std::move(background).finish();
    if (diagnostics) diagnostics->insert(diagnostics->end(), load.diagnostics.begin(), load.diagnostics.end());
    return history;
}

void use_history_background(const DigestHistory& history, TermOptions& options) {
    if (options.background || history.background.documents == 0) return;
    options.background = &history.background;
    options.background_days = history.background_days;
}

std::vector<LocalDate> missing_history_days(const std::string& dir, const LocalDate& from, const LocalDate& to,
                                            std::vector<Diagnostic>* diagnostics) {
    HistoryLoad load = load_history(dir, from, to, {false, false});
    if (diagnostics) diagnostics->insert(diagnostics->end(), load.diagnostics.begin(), load.diagnostics.end());
    std::vector<LocalDate> missing;
    std::size_t next = 0;
    for (LocalDate day = from; day <= to; day = day.next()) {
        if (next < load.entries.size() && load.entries[next].day.date == day) ++next;
        else missing.push_back(day);
    }
    return missing;
}

void save_history_day(const std::string& dir, const Digest& digest, const TermStats& stats) {
    if (digest.from != digest.to)
        throw Error(Error::Code::invalid_argument, "history stores one-day digests; " + digest.title + " spans several");
    const fs::path folder = fs::path(dir) / digest.from.to_string();
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw Error(Error::Code::io, "cannot create history folder " + folder.string() + ": " + error.message());

    Manifest m;
    HistoryEntry& e = m.entry;
    e.day.date = digest.from;
    e.day.title = digest.title;
    e.language = to_string(digest.language);
    e.time_zone = digest.time_zone;
    e.documents = stats.documents;
    e.tweets = digest.counts.tweets;
    for (std::size_t i = 0; i < digest.top_terms.size() && i < stored_top_terms; ++i)
        e.day.top_terms.push_back(digest.top_terms[i].key);
    for (const CorePoint& point : digest.core_points) {
        const bool continuing = point.story.status == StoryStatus::continuing && point.story.since <= digest.from;
        e.day.stories.push_back({point.title, point.signature, point.summary.tweet_ids,
                                 continuing ? point.story.since : digest.from});
    }
    const std::string stats_bytes = stats.serialize(), digest_json = render_json(digest);
    m.stats = history::trailer_check_of(stats_bytes);
    m.digest = history::check_of(digest_json);
    write_file_atomically((folder / history::stats_file).string(), stats_bytes);
    write_file_atomically((folder / history::digest_file).string(), digest_json);
    write_file_atomically((folder / history::manifest_file).string(), history::write_manifest(m));
}

}  // namespace td
