#pragma once
// One large JSON-lines file read on several cores: byte ranges that each start at a record, read
// independently, with positions reported as a single pass over the whole file reports them.

#include <tweetdigest/ingest.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace td::ingest {

struct FileRange {
    std::uint64_t begin = 0;
    std::uint64_t length = 0;
};

// Up to `max_slices` ranges covering the file, none shorter than `min_slice_bytes`, each after
// the first starting at a line that begins with '{': where a record reader starts a new record
// anyway. One range when the file is not plain JSON lines (gzip, CSV, an array), is too small,
// or cannot be split. Throws Error(io) when the file cannot be read.
std::vector<FileRange> json_lines_ranges(const std::string& path, const ReadOptions& options,
                                         std::size_t max_slices, std::uint64_t min_slice_bytes);

// Reads one range of json_lines_ranges() as read_tweets would read those bytes within the whole
// file, except that positions count from the range's start. Returns the lines it holds.
std::uint64_t read_json_lines_range(const std::string& path, const FileRange& range, bool last,
                                    const ReadOptions& options,
                                    const std::function<void(Tweet&&)>& on_tweet,
                                    const std::function<void(Diagnostic&&)>& on_diagnostic);

}  // namespace td::ingest
