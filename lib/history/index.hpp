#pragma once
// DIR/index.bin: what a run with history reads of every stored day (its manifest's facts and its
// document frequencies) in one file, so a year of history is one mapped file instead of two reads
// per day, and the days' frequency tables are used where they lie instead of being copied.
//
// The day folders stay the source of truth. Each record keeps the size and modification time of
// its folder and of the folder's three files when it was indexed; a record is used only while
// they are unchanged and older than the index itself (a file changed within the clock tick the
// index was written in could keep its time, so such a day is read from its files, as Git treats
// "racily clean" entries). Any other day is read from its files. save_history_day rewrites the
// index.
//
// Format, version 1 (binary::Writer primitives):
//   "TDHX" u8:version
//   key_count, (key_count + 1) u32le offsets, the key bytes: every indexed key once, increasing
//   record_count, per record (dates increasing):
//     signed(date) stamp(folder) stamp(day.json) stamp(terms.bin) stamp(digest.json) bytes(facts)
//     documents term_count u8:width (4 or 8), term_count u32le key ids (increasing),
//     term_count document frequencies of `width` bytes (little-endian)
//   stamp: bytes signed(modified_ns)
//   facts: title language time_zone documents tweets top_terms(count texts)
//     top_term_display(count, key text) stories(count, title signed(since) terms(count, text f64:weight)
//     tweet_ids(count texts)) stats_days(count signed)
//   u32le: CRC-32 of everything before it

#include "history/manifest.hpp"

#include "common/files.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace td::history {

inline constexpr std::string_view index_file = "index.bin";

using files::FileStamp;

struct DayStamps {
    FileStamp folder, manifest, stats, digest;
    friend bool operator==(const DayStamps&, const DayStamps&) = default;
    std::int64_t newest_ns() const;
};

// The stamps of a day folder and its three files; nullopt when any is missing.
std::optional<DayStamps> stamps_of(const std::filesystem::path& folder);

// A stored day as a run with history reads it: the entry without path, stats or digest, and the
// distinct days its term counts were counted on.
struct IndexedDay {
    HistoryEntry entry;
    std::vector<int> stats_days;
};

struct IndexRecord {
    LocalDate date;
    DayStamps stamps;
    std::string_view facts;  // in the index's bytes
};

struct Index {
    std::int64_t written_ns = 0;  // the index file's modification time
    std::vector<IndexRecord> records;  // dates increasing
    // The records' frequency tables (tables[i] is records[i]'s); it keeps the bytes alive.
    std::shared_ptr<const TermFrequencies::Shared> frequencies;

    // The position of date's record, if any.
    std::optional<std::size_t> find(const LocalDate& date) const;
    // Whether `record` still describes its folder, whose stamps are now `now`.
    bool trusted(const IndexRecord& record, const DayStamps& now) const {
        return record.stamps == now && now.newest_ns() < written_ns;
    }
    // Record i as a day (its frequencies shared with the index). Throws Error(parse) naming the
    // byte of the record's facts that is malformed.
    IndexedDay day(std::size_t i) const;
};

// DIR/index.bin; a missing file is an empty index. Throws Error(parse) for a corrupt one and
// Error(io) for one that cannot be read.
Index read_index(const std::filesystem::path& dir);

// A new index from records of an old one and days read afresh, given in date order.
class IndexBuilder {
public:
    explicit IndexBuilder(const Index& old) : old_(old) {}
    void keep(std::size_t old_record) { days_.push_back({old_record, 0}); }
    void add(const LocalDate& date, const DayStamps& stamps, IndexedDay day);
    // Replaces DIR/index.bin atomically (Error(io) on failure).
    void write(const std::filesystem::path& dir) const;

private:
    struct Fresh {
        LocalDate date;
        DayStamps stamps;
        IndexedDay day;
    };
    struct Day {
        std::optional<std::size_t> old_record;  // else fresh_[fresh]
        std::size_t fresh;
    };
    const Index& old_;
    std::vector<Day> days_;
    std::vector<Fresh> fresh_;
};

}  // namespace td::history
