#pragma once
// The persisted history of daily digests, so later runs can tell what is new, what keeps going
// and what rises or fades, offline and reproducibly.
//
// Layout: one folder per local day, DIR/YYYY-MM-DD/, holding
//   terms.bin    the day's TermStats (TermStats::serialize; versioned by the terms module)
//   digest.json  the day's digest (render_json, schema tweetdigest.digest/1)
//   day.json     the manifest (schema tweetdigest.history/2): date, title, language, time zone,
//                documents, tweets, the size and checksum of the two files above (terms.bin:
//                the CRC-32 it ends with; digest.json: FNV-1a 64; schema /1 entries, which
//                check both files by FNV-1a 64, are still read), the
//                day's leading term keys and its stories (core point signatures, titles, tweet
//                ids, the first day of each story).
// DIR/index.bin holds every day's manifest facts and document frequencies in one file, rewritten
// by each save. It only speeds loading up: a day is taken from it while the day's folder and files
// keep the size and time they had when it was indexed (and are older than the index); any other
// day, and every day when the index is missing or corrupt (a warning), is read from its folder.
// Each file is written with write_file_atomically and the manifest last, so an entry interrupted
// halfway is either the old one or detected as inconsistent. Saving a day again replaces its
// entry. Anything in DIR that is not a valid entry (a foreign file, a corrupt or truncated file,
// a manifest of another schema) becomes a Diagnostic naming its path and is skipped.

#include <tweetdigest/common.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/export.h>
#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace td {

struct TD_API HistoryOptions {
    std::string dir;       // the history folder; created on save
    std::size_t days = 7;  // earlier days a daily digest reads
};

// One stored day.
struct TD_API HistoryEntry {
    PastDay day;  // date, title, term frequencies (with stats), stories, leading terms
    std::optional<TermStats> stats;  // the day's complete statistics, when loaded
    std::string language;
    std::string time_zone;
    std::uint64_t documents = 0;
    std::uint64_t tweets = 0;
    std::string path;               // the day's folder
    std::optional<Digest> digest;   // when loaded
};

struct TD_API HistoryLoadOptions {
    bool stats = true;     // read and verify terms.bin (HistoryEntry::stats and PastDay::terms)
    bool digests = false;  // read and verify digest.json (needed for range reports)
};

struct TD_API HistoryLoad {
    std::vector<HistoryEntry> entries;  // valid entries of the requested days, oldest first
    std::vector<Diagnostic> diagnostics;
};

// Entries for the local days first..last (inclusive) that exist and are valid. Only those days'
// folders are read; every other name in DIR is still checked to be a day folder. A missing DIR
// is an empty history.
TD_API HistoryLoad load_history(const std::string& dir, const LocalDate& first, const LocalDate& last,
                                const HistoryLoadOptions& options = {});
// The `days` days before `date`, as build_digest reads them: manifests, term frequencies and the
// summed background, from the index where it is current (the days' frequency tables stay in the
// mapped index, shared by the returned PastDays), else from each day's terms.bin, on all cores
// and without building any day's TermStats (a year of history loads in tens of milliseconds).
TD_API DigestHistory previous_days(const HistoryOptions& options, const LocalDate& date,
                                   std::vector<Diagnostic>* diagnostics = nullptr);
// Stores (or replaces) the entry of a one-day digest and the stats it was built from, then
// rewrites the index (indexing too any clean day folder it lacked).
// Throws Error(invalid_argument) for a digest of several days, Error(io) when writing fails.
TD_API void save_history_day(const std::string& dir, const Digest& digest, const TermStats& stats);

// Scores terms against the history's background (when it has any documents and `options` has
// no background of its own).
TD_API void use_history_background(const DigestHistory& history, TermOptions& options);

// A daily digest with history: reads the previous options.days days, scores terms against their
// background (unless digest_options.terms.background is set), builds the digest with momentum
// and stories, and stores the day (when `save`).
TD_API Digest build_digest_with_history(const Corpus& corpus, DigestOptions digest_options,
                                        const HistoryOptions& options, bool save = true,
                                        std::vector<Diagnostic>* diagnostics = nullptr);
// Same, for a caller that has analysed the terms already (and may edit the digest before
// saving it with save_history_day).
TD_API Digest build_digest_with_history(const Corpus& corpus, const TermAnalysis& terms,
                                        const DigestHistory& history, DigestOptions digest_options);

// Days of from..to without a valid entry (what a range report must read from the input).
TD_API std::vector<LocalDate> missing_history_days(const std::string& dir, const LocalDate& from,
                                                   const LocalDate& to,
                                                   std::vector<Diagnostic>* diagnostics = nullptr);

// A report for the days from..to as one post (title twitter_ai_FROM_TO). Days with an entry come
// from the history: their stored digests give the stories, views, events and tickers, their
// stored stats are merged to rank the terms. A day without an entry is built from the tweets of
// `corpus` on that day (may be null when every day is stored), stored, then used the same way;
// a day with neither becomes a warning. Throws Error(invalid_argument) when no day is left.
TD_API Digest build_range_digest(const Corpus* corpus, const LocalDate& from, const LocalDate& to,
                                 const DigestOptions& digest_options, const HistoryOptions& options,
                                 std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace td
