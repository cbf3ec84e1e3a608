#include "commands.hpp"

#include <tweetdigest/ingest.hpp>

#include <iostream>

namespace td::cli {
namespace {

int run_ingest(const Arguments& args) {
    const Corpus corpus = load_corpus(args, false);
    std::string lines;
    for (const Tweet& tweet : corpus.tweets) {
        lines += tweet_to_json(tweet);
        lines += '\n';
    }
    const std::string out = args.value_or("jsonl", "-");
    if (out == "-")
        std::cout << lines;
    else
        write_file_atomically(out, lines);
    return corpus.counts.read == 0 && corpus.counts.errors > 0 ? exit_error : exit_ok;
}

}  // namespace

Command ingest_command() {
    std::vector<OptionSpec> options = corpus_options();
    options.push_back({"jsonl", "OUT", "where to write one normalised tweet per line (default -)"});
    return {"ingest", "FILE... [--format F] [--tz ZONE] [--date D [--to D]] [--jsonl OUT]",
            "Reads tweets in any supported format (X API v2, v1.1, archive tweets.js, CSV, gzip), "
            "collapses retweets and duplicates, and writes them normalised as JSON lines.",
            options, run_ingest};
}

}  // namespace td::cli
