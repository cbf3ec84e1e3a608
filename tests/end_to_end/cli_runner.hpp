#pragma once
// Runs the tweetdigest CLI as a user would and captures what it prints.

#include <string>
#include <vector>

namespace td_test {

struct CliResult {
    int exit_status = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace td_test
