#pragma once
// The steps of `digest`, shared with `daily`: read, analyse (with history when asked), build the
// report, write the post, its JSON and its word cloud into a Jekyll site, update the history.

#include "arguments.hpp"

#include <string_view>
#include <vector>

namespace td::cli {

// Every option `digest` accepts (corpus, report, cloud, history and LLM options).
std::vector<OptionSpec> digest_option_specs();
// Runs the steps for parsed `digest` arguments; returns the exit status. `command` prefixes
// messages.
int run_digest_steps(const Arguments& args, std::string_view command);

}  // namespace td::cli
