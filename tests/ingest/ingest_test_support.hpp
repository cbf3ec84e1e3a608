#pragma once
// Reading helpers shared by the ingest tests.

#include <tweetdigest/ingest.hpp>

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace td_test {

struct ReadResult {
    std::vector<td::Tweet> tweets;
    std::vector<td::Diagnostic> diagnostics;

    std::vector<std::string> ids() const {
        std::vector<std::string> ids;
        for (const td::Tweet& tweet : tweets) ids.push_back(tweet.id);
        return ids;
    }
    std::size_t errors() const {
        std::size_t count = 0;
        for (const td::Diagnostic& d : diagnostics) count += d.severity == td::Diagnostic::Severity::error;
        return count;
    }
    const td::Tweet& tweet(std::string_view id) const {
        for (const td::Tweet& tweet : tweets)
            if (tweet.id == id) return tweet;
        throw std::runtime_error("no tweet " + std::string(id));
    }
};

// A tweet with the analysis text of `text`, created at an ISO 8601 time.
inline td::Tweet make_tweet(std::string id, std::string text, std::string_view created_at, std::uint64_t likes = 0) {
    td::Tweet tweet;
    tweet.id = std::move(id);
    tweet.text = std::move(text);
    tweet.analysis_text = td::normalize_for_analysis(tweet.text);
    if (!td::parse_iso8601(created_at, tweet.created_at)) throw std::invalid_argument("bad time " + std::string(created_at));
    tweet.metrics.likes = likes;
    return tweet;
}

inline ReadResult read_memory(std::string_view data, const td::ReadOptions& options = {}) {
    ReadResult result;
    td::read_tweets_from_memory(
        data, "test", options, [&](td::Tweet&& tweet) { result.tweets.push_back(std::move(tweet)); },
        [&](td::Diagnostic&& diagnostic) { result.diagnostics.push_back(std::move(diagnostic)); });
    return result;
}

inline ReadResult read_path(const std::string& path, const td::ReadOptions& options = {}) {
    ReadResult result;
    td::read_tweets(
        path, options, [&](td::Tweet&& tweet) { result.tweets.push_back(std::move(tweet)); },
        [&](td::Diagnostic&& diagnostic) { result.diagnostics.push_back(std::move(diagnostic)); });
    return result;
}

inline std::string gzip_compress(std::string_view data) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

}  // namespace td_test
