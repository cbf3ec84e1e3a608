// tweetdigest: daily reports and word clouds from tweet dumps.

#include "commands.hpp"
#include "huge_pages.hpp"

#include <tweetdigest/common.hpp>
#include <tweetdigest/version.h>

#include <exception>
#include <iostream>

namespace td::cli {

const std::vector<Command>& all_commands() {
    static const std::vector<Command> commands = {
        digest_command(), daily_command(), terms_command(), segment_command(), cloud_command(),
        ingest_command(), stats_command(),
#ifdef TD_CLI_HAVE_NET
        fetch_command(),
#endif
    };
    return commands;
}

namespace {

void print_overview(std::ostream& out) {
    out << "usage: tweetdigest COMMAND [options]\n\ncommands:\n";
    for (const Command& command : all_commands()) {
        std::string name = "  " + command.name;
        name.resize(12, ' ');
        const std::size_t sentence_end = command.description.find(". ");
        out << name << command.description.substr(0, sentence_end == std::string::npos ? sentence_end : sentence_end + 1)
            << "\n";
    }
    out << "\n'tweetdigest COMMAND --help' describes a command. Version " TD_VERSION_STRING "\n";
}

void print_help(const Command& command, std::ostream& out) {
    out << "usage: tweetdigest " << command.name << " " << command.synopsis << "\n\n"
        << command.description << "\n\noptions:\n"
        << describe_options(command.options) << "  --help                  show this help\n";
}

int run(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_overview(args.empty() ? std::cerr : std::cout);
        return args.empty() ? exit_usage : exit_ok;
    }
    if (args[0] == "--version") {
        std::cout << "tweetdigest " TD_VERSION_STRING "\n";
        return exit_ok;
    }
    for (const Command& command : all_commands()) {
        if (command.name != args[0]) continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const std::string& arg : rest) {
            if (arg == "--help" || arg == "-h") {
                print_help(command, std::cout);
                return exit_ok;
            }
        }
        try {
            return command.run(Arguments(rest, command.options));
        } catch (const UsageError& error) {
            std::cerr << "tweetdigest " << command.name << ": " << error.what() << "\n";
            print_help(command, std::cerr);
            return exit_usage;
        } catch (const Error& error) {
            std::cerr << "tweetdigest " << command.name << ": " << error.what() << "\n";
            return error.code() == Error::Code::invalid_argument ? exit_usage : exit_error;
        }
    }
    std::cerr << "tweetdigest: unknown command '" << args[0] << "'\n\n";
    print_overview(std::cerr);
    return exit_usage;
}

}  // namespace
}  // namespace td::cli

int main(int argc, char** argv) {
    td::cli::restart_with_huge_pages(argv);
    try {
        return td::cli::run(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "tweetdigest: " << error.what() << "\n";
        return td::cli::exit_error;
    }
}
