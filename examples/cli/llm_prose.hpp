#pragma once
// The digest command's optional LLM-written prose (only with the network module).

#include "arguments.hpp"

#include <tweetdigest/digest.hpp>

#include <vector>

namespace td::cli {

std::vector<OptionSpec> llm_options();
// With --llm-base-url and --llm-model, asks the model to rewrite the prose and returns the
// validated result (diagnostics and token usage on stderr); otherwise the digest unchanged.
Digest apply_llm_prose(const Arguments& args, Digest digest);

}  // namespace td::cli
