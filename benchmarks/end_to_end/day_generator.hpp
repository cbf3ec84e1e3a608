#pragma once
// A synthetic local day of X API v2 JSONL: pages of 100 tweets (data, includes.users,
// includes.tweets, meta) replicated from the twarc samples and the bundled sample, each tweet
// with a fresh id and a created_at spread uniformly over the day.

#include <tweetdigest/common.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace e2e {

// varied: copy 0 of a sample tweet keeps its text; later copies append a clause of another
// sample tweet, so copies are distinct texts (not near duplicates) and dedupe keeps them.
// exact: every copy keeps the sample text, so dedupe folds the copies back onto one tweet each.
enum class TextMode { varied, exact };
const char* to_string(TextMode mode) noexcept;

struct DaySpec {
    std::uint64_t tweets = 1'000'000;
    td::LocalDate day{2026, 1, 25};
    std::string time_zone = "Asia/Shanghai";
    TextMode texts = TextMode::varied;
};

struct DayFile {
    std::filesystem::path path;
    bool reused = false;  // the file already existed and was not written again
    std::uint64_t sample_tweets = 0;  // distinct sample tweets replicated (0 when reused)
};

// The file `generate_day` writes for `spec` in `dir`; it names N and the text mode.
std::filesystem::path day_path(const DaySpec& spec, const std::filesystem::path& dir);

// Writes the day (through a temporary file renamed into place) unless day_path() exists.
// Reads the samples from shared_data/tweets/twarc-v2 when that folder exists, and always the
// bundled examples/data/sample_tweets.jsonl. Throws std::runtime_error when no sample is found.
DayFile generate_day(const DaySpec& spec, const std::filesystem::path& dir,
                     const std::filesystem::path& shared_data, const std::filesystem::path& source_dir);

}  // namespace e2e
