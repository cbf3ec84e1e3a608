#pragma once
// The `daily` command's configuration file (JSON; documented in examples/daily/README.md).

#include <tweetdigest/common.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace td::cli {

struct FetchConfig {
    std::string query;    // recent search, or
    std::string user_id;  // a user's timeline
    std::string output;   // JSONL file; "{date}" becomes YYYY-MM-DD
    std::uint64_t max_tweets = 0;
    std::string base_url = "https://api.x.com";
};

struct LlmConfig {
    std::string base_url;
    std::string model;
    double timeout_seconds = 120;
};

struct DailyConfig {
    std::vector<std::string> inputs;  // paths or globs; "{date}" becomes YYYY-MM-DD
    std::string time_zone = "Asia/Shanghai";
    std::string language = "zh";
    std::string site;                  // Jekyll site folder (required)
    std::string history;               // history folder (required)
    std::size_t history_days = 7;
    std::string image_format;          // empty: the digest command's default
    std::string font;
    std::optional<FetchConfig> fetch;
    std::optional<LlmConfig> llm;
};

// Reads and checks the file; relative paths are taken from the file's folder. Throws
// Error(invalid_argument) naming the key that is unknown, missing or of the wrong type.
DailyConfig read_daily_config(const std::string& path);
// The configured inputs for a day: "{date}" filled in, globs expanded (sorted), missing ones dropped.
std::vector<std::string> expand_inputs(const std::vector<std::string>& patterns, const LocalDate& date);
std::string with_date(std::string text, const LocalDate& date);

}  // namespace td::cli
