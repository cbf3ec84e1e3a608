// Saving and loading history entries (the layout is described in history.hpp).

#include "history/background.hpp"
#include "history/index.hpp"
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
using history::IndexedDay;
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

// The day of a listed folder named YYYY-MM-DD; nullopt for any other name or a file.
std::optional<LocalDate> day_folder(const fs::directory_entry& listed) {
    std::error_code error;
    const auto date = day_of(listed.path().filename().string());
    if (date && listed.is_directory(error)) return date;
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

// The day in `folder` read from its files (IndexedDay::stats_days is set for
// StatsRead::frequencies), or its diagnostics.
std::optional<IndexedDay> load_entry(const fs::path& folder, const LocalDate& date, const LoadPlan& plan,
                                     std::string& scratch, std::vector<Diagnostic>& diagnostics) {
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
    IndexedDay indexed{std::move(manifest.entry), {}};
    HistoryEntry& entry = indexed.entry;
    entry.path = folder.string();
    const fs::path stats_path = folder / history::stats_file, digest_path = folder / history::digest_file;
    if (plan.stats != StatsRead::size) {
        const auto bytes = verified(stats_path, manifest.stats, scratch, diagnostics);
        if (!bytes) return std::nullopt;
        try {
            if (plan.stats == StatsRead::frequencies) {
                indexed.stats_days = history::read_day_terms(*bytes, entry.day);
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
    return indexed;
}

bool is_index_temporary(const std::string& name) { return name.starts_with(std::string(history::index_file) + ".tmp-"); }

// Everything in DIR in name order (with the listing's file types, which spare a stat per folder),
// or a diagnostic.
std::vector<fs::directory_entry> list_history(const std::string& dir, std::vector<Diagnostic>& diagnostics) {
    std::vector<fs::directory_entry> items;
    std::error_code error;
    if (!fs::exists(dir, error)) return items;
    if (!fs::is_directory(dir, error)) {
        report(diagnostics, dir, "is not a folder: no history read");
        return items;
    }
    for (const auto& item : fs::directory_iterator(dir, error)) items.push_back(item);
    if (error) report(diagnostics, dir, "cannot be listed: " + error.message());
    std::sort(items.begin(), items.end());
    return items;
}

// The index, when the plan can use it (it holds no complete stats and no digests).
history::Index usable_index(const std::string& dir, const LoadPlan& plan, std::vector<Diagnostic>& diagnostics) {
    if (plan.stats == StatsRead::complete || plan.digests) return {};
    try {
        return history::read_index(dir);
    } catch (const Error& error) {
        report(diagnostics, fs::path(dir) / history::index_file,
               std::string("unusable, every day is read from its own files: ") + error.what(),
               Diagnostic::Severity::warning);
        return {};
    }
}

// The day from the index when its record still describes the folder; else nullopt.
std::optional<IndexedDay> indexed_day(const history::Index& index, const fs::path& folder, const LocalDate& date,
                                      std::vector<Diagnostic>& diagnostics) {
    const auto record = index.find(date);
    if (!record) return std::nullopt;
    const auto now = history::stamps_of(folder);
    if (!now || !index.trusted(index.records[*record], *now)) return std::nullopt;
    try {
        IndexedDay day = index.day(*record);
        day.entry.path = folder.string();
        return day;
    } catch (const Error& error) {
        report(diagnostics, fs::path(folder.parent_path()) / history::index_file,
               std::string("record unusable, the day is read from its files: ") + error.what(),
               Diagnostic::Severity::warning);
        return std::nullopt;
    }
}

// The entries of first..last in folder order; with StatsRead::frequencies, their counts summed
// into `background`.
HistoryLoad load_days(const std::string& dir, const LocalDate& first, const LocalDate& last, const LoadPlan& plan,
                      history::BackgroundSum* background) {
    HistoryLoad load;
    const std::vector<fs::directory_entry> items = list_history(dir, load.diagnostics);
    if (items.empty()) return load;
    const history::Index index = usable_index(dir, plan, load.diagnostics);
    // Each folder in name order: a day to load, or a diagnostic of its own.
    struct Item {
        fs::path path;
        std::optional<LocalDate> date;  // none: not a day folder
        std::optional<IndexedDay> day;
        std::vector<Diagnostic> diagnostics;
    };
    std::vector<Item> folders;
    for (const fs::directory_entry& listed : items) {
        const fs::path& item = listed.path();
        const std::string name = item.filename().string();
        const auto date = day_folder(listed);
        if (date && (*date < first || last < *date)) continue;
        if (!date && name == history::index_file) continue;
        folders.push_back({item, date, std::nullopt, {}});
        if (!date)
            report(folders.back().diagnostics, item,
                   is_index_temporary(name) ? "left-over temporary file of an interrupted write, ignored"
                                       : "not a history day (expected a YYYY-MM-DD folder), ignored",
                   Diagnostic::Severity::warning);
    }
    // Days load independently, on all cores, each slice into its own sum; the results are joined
    // in folder order (the sums are exact, so their order does not matter).
    constexpr std::size_t min_slice = 8;
    std::vector<history::BackgroundSum> sums(slice_count(folders.size(), min_slice, 0));
    parallel_slices(folders.size(), min_slice, 0, [&](std::size_t slice, std::size_t begin, std::size_t end) {
        std::string scratch;  // each file's bytes, in turn
        for (std::size_t i = begin; i < end; ++i) {
            Item& folder = folders[i];
            if (!folder.date) continue;
            folder.day = indexed_day(index, folder.path, *folder.date, folder.diagnostics);
            const bool indexed = folder.day.has_value();
            if (indexed && plan.stats == StatsRead::size) {  // as if read from day.json alone
                folder.day->entry.day.terms = {};
                folder.day->entry.day.top_term_display.clear();
            }
            if (!indexed) folder.day = load_entry(folder.path, *folder.date, plan, scratch, folder.diagnostics);
            if (!folder.day || plan.stats != StatsRead::frequencies) continue;
            if (indexed) sums[slice].add(index.frequencies, index.find(*folder.date).value(), folder.day->stats_days);
            else sums[slice].add(folder.day->entry.day.terms, folder.day->stats_days);
        }
    });
    if (background)
        for (history::BackgroundSum& sum : sums) background->merge(std::move(sum));
    load.entries.reserve(folders.size());
    for (Item& folder : folders) {
        if (folder.day) load.entries.push_back(std::move(folder.day->entry));
        std::move(folder.diagnostics.begin(), folder.diagnostics.end(), std::back_inserter(load.diagnostics));
    }
    return load;
}

// Rewrites DIR/index.bin after `saved` was stored: the saved day, every record that still
// describes its folder, and every other clean day folder read from its files (so a history written
// before the index, or changed by hand, is indexed again).
void update_index(const std::string& dir, const IndexedDay& saved) {
    history::Index old;
    try {
        old = history::read_index(dir);
    } catch (const Error&) {
        // A corrupt index is replaced by the one written here.
    }
    std::vector<Diagnostic> ignored;
    history::IndexBuilder index(old);
    std::string scratch;
    for (const fs::directory_entry& listed : list_history(dir, ignored)) {
        const auto date = day_folder(listed);
        if (!date) continue;
        const auto now = history::stamps_of(listed.path());
        if (!now) continue;
        if (*date == saved.entry.day.date) {
            std::vector<Diagnostic> foreign;
            check_folder_contents(listed.path(), foreign);
            if (foreign.empty()) index.add(*date, *now, saved);
            continue;
        }
        if (const auto kept = old.find(*date); kept && old.trusted(old.records[*kept], *now)) {
            index.keep(*kept);
            continue;
        }
        std::vector<Diagnostic> problems;
        auto day = load_entry(listed.path(), *date, {StatsRead::frequencies, false}, scratch, problems);
        if (day && problems.empty() && history::stamps_of(listed.path()) == now) index.add(*date, *now, std::move(*day));
    }
    index.write(dir);
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

    IndexedDay indexed{std::move(m.entry), {}};
    indexed.stats_days = history::read_day_terms(stats_bytes, indexed.entry.day);
    update_index(dir, indexed);
}

}  // namespace td
