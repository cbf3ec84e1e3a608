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
// The same, the CLI started by `/bin/sh -c "<shell_setup>; exec tweetdigest ..."` (limits,
// signal dispositions), its output captured outside those limits.
CliResult run_cli_after(const std::string& shell_setup, const std::vector<std::string>& args);

}  // namespace td_test
