// Ingest of arbitrary bytes as auto input: never crashes, every tweet or diagnostic is well-formed.

#include "fuzz_input.hpp"

#include <tweetdigest/ingest.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    td::ReadOptions options;
    options.format = td::InputFormat::automatic;
    options.time_zone = "UTC";
    std::vector<td::Tweet> tweets;
    std::vector<td::Diagnostic> diagnostics;
    td::read_tweets_from_memory(
        td_fuzz::as_text(data, size), "fuzz", options,
        [&](td::Tweet&& tweet) { tweets.push_back(std::move(tweet)); },
        [&](td::Diagnostic&& diagnostic) {
            if (diagnostic.byte_offset > size) std::abort();
            diagnostics.push_back(std::move(diagnostic));
        });
    for (const td::Tweet& tweet : tweets) {
        if (tweet.id.empty()) std::abort();
        (void)td::tweet_to_json(tweet);
    }
    (void)td::build_corpus(std::move(tweets), std::move(diagnostics), options);
    return 0;
}
