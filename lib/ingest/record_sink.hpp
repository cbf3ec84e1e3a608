#pragma once
// Where the format readers deliver tweets and diagnostics, with the current record's position.

#include <tweetdigest/ingest.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace td::ingest {

// A tweet as a reader converted it, before the text analysis every format shares.
struct ParsedTweet {
    Tweet tweet;
    std::vector<UrlExpansion> expansions;  // t.co links of the text and where they lead
};

class RecordSink {
public:
    RecordSink(std::string source, const ReadOptions& options,
               const std::function<void(Tweet&&)>& on_tweet,
               const std::function<void(Diagnostic&&)>& on_diagnostic);

    const ReadOptions& options() const noexcept { return options_; }
    const TimeZone& zone() const noexcept { return zone_; }
    void at(std::uint64_t line, std::uint64_t byte_offset) noexcept {
        line_ = line;
        offset_ = byte_offset;
    }
    void error(std::string message) const { report(Diagnostic::Severity::error, std::move(message)); }
    void warning(std::string message) const { report(Diagnostic::Severity::warning, std::move(message)); }
    void report(Diagnostic::Severity severity, std::string message) const;
    // How many diagnostics this sink has reported so far.
    std::uint64_t reported() const noexcept { return reported_; }
    // Fills entities, analysis_text and local_date, then hands the tweet on.
    void emit(ParsedTweet&& parsed) const;

private:
    std::string source_;
    const ReadOptions& options_;
    TimeZone zone_;
    const std::function<void(Tweet&&)>& on_tweet_;
    const std::function<void(Diagnostic&&)>& on_diagnostic_;
    std::uint64_t line_ = 0;
    std::uint64_t offset_ = 0;
    mutable std::uint64_t reported_ = 0;
};

// Entities, analysis text and local day of a converted tweet (and of its embedded original).
void complete_tweet(Tweet& tweet, const std::vector<UrlExpansion>& expansions, const TimeZone& zone);

}  // namespace td::ingest
