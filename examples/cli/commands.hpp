#pragma once
// The CLI's subcommands. Each returns the process exit status.

#include "arguments.hpp"

#include <tweetdigest/ingest.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace td::cli {

// Exit statuses shared by every subcommand.
enum ExitStatus : int {
    exit_ok = 0,
    exit_error = 1,      // the operation failed (message on stderr)
    exit_usage = 2,      // bad command line
    exit_no_tweets = 3,  // the input held no tweet for the requested window
};

struct Command {
    std::string name;
    std::string synopsis;     // "FILE... --date YYYY-MM-DD [options]"
    std::string description;  // one paragraph
    std::vector<OptionSpec> options;
    std::function<int(const Arguments&)> run;
};

const std::vector<Command>& all_commands();

Command digest_command();
Command daily_command();
Command terms_command();
Command segment_command();
Command cloud_command();
Command ingest_command();
Command stats_command();
Command fetch_command();  // only with the network module

// Options shared by the commands that read tweets.
std::vector<OptionSpec> corpus_options();
// Reads the operands as tweet files with --format/--tz/--date/--to/--from, prints diagnostics and
// the read/kept/duplicates/retweets/errors summary to stderr.
Corpus load_corpus(const Arguments& args, bool window_required);

}  // namespace td::cli
