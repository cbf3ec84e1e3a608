#pragma once
// The body shared by the ingest harnesses: arbitrary bytes read as one input format never crash,
// and every tweet or diagnostic that comes out is well-formed.

#include "fuzz_input.hpp"

#include <tweetdigest/ingest.hpp>

#include <cstdlib>
#include <vector>

namespace td_fuzz {

inline int ingest_as(td::InputFormat format, const std::uint8_t* data, std::size_t size) {
    td::ReadOptions options;
    options.format = format;
    options.time_zone = "UTC";
    std::vector<td::Tweet> tweets;
    std::vector<td::Diagnostic> diagnostics;
    // Offsets count the decompressed content of gzip input, which may exceed its size.
    const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    td::read_tweets_from_memory(
        as_text(data, size), "fuzz", options, [&](td::Tweet&& tweet) { tweets.push_back(std::move(tweet)); },
        [&](td::Diagnostic&& diagnostic) {
            if (!gzip && diagnostic.byte_offset > size) std::abort();
            diagnostics.push_back(std::move(diagnostic));
        });
    for (const td::Tweet& tweet : tweets) {
        if (tweet.id.empty()) std::abort();
        (void)td::tweet_to_json(tweet);
    }
    (void)td::build_corpus(std::move(tweets), std::move(diagnostics), options);
    return 0;
}

}  // namespace td_fuzz
