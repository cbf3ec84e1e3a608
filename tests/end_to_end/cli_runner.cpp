#include "cli_runner.hpp"

#include "test_support.hpp"

#include <atomic>
#include <cstdlib>
#include <sys/wait.h>

namespace td_test {
namespace {

std::string quote(const std::string& arg) {
    std::string out = "'";
    for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

CliResult run(const std::string& shell_setup, const std::vector<std::string>& args, const std::string& stdin_text) {
    static std::atomic<int> counter{0};
    const auto base = output_dir() / ("cli-" + std::to_string(counter++));
    const std::string in = base.string() + ".in", out = base.string() + ".out",
                      err = base.string() + ".err";
    {
        std::ofstream(in, std::ios::binary) << stdin_text;
    }
    std::string command = "exec " + quote(TD_CLI_PATH);
    for (const std::string& arg : args) command += " " + quote(arg);
    if (!shell_setup.empty()) command = shell_setup + "; " + command;
    // The setup's limits apply inside; the captured streams are opened by the outer shell.
    command = "/bin/sh -c " + quote(command) + " <" + quote(in) + " >" + quote(out) + " 2>" + quote(err);
    const int status = std::system(command.c_str());
    CliResult result;
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
    return run("", args, stdin_text);
}

CliResult run_cli_after(const std::string& shell_setup, const std::vector<std::string>& args) {
    return run(shell_setup, args, "");
}

}  // namespace td_test
