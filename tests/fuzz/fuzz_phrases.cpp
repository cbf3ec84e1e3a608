// Phrase discovery and scoring over pseudo-tweets made from the input's lines.

#include "fuzz_input.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    td::Corpus corpus;
    corpus.time_zone = "UTC";
    int id = 1;
    while (!input.empty() && id < 200) {
        const std::size_t newline = input.find('\n');
        td::Tweet tweet;
        tweet.id = std::to_string(id);
        tweet.created_at = 1700000000 + id * 60;
        tweet.local_date = td::LocalDate::parse("2023-11-14");
        tweet.text = std::string(input.substr(0, newline));
        tweet.analysis_text = tweet.text;
        tweet.metrics.likes = static_cast<std::uint64_t>(id % 7);
        tweet.author.username = "user" + std::to_string(id % 5);
        corpus.tweets.push_back(std::move(tweet));
        ++id;
        if (newline == std::string_view::npos) break;
        input.remove_prefix(newline + 1);
    }
    td::TermOptions options;
    options.min_frequency = 1;
    const td::TermAnalysis analysis = td::analyze_terms(corpus, options);
    if (analysis.tweet_terms.size() != corpus.tweets.size()) std::abort();
    for (const td::Term& term : analysis.ranked)
        if (term.key.empty() || term.display.empty()) std::abort();
    return 0;
}
