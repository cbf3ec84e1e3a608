#include "commands.hpp"

#include <tweetdigest/terms.hpp>

#include <iostream>
#include <string>

namespace td::cli {
namespace {

int run_segment(const Arguments& args) {
    std::shared_ptr<const Lexicon> lexicon = Lexicon::builtin();
    if (const auto dictionary = args.value("userdict")) {
        std::vector<Diagnostic> diagnostics;
        const auto entries = Lexicon::read_user_dictionary(*dictionary, &diagnostics);
        for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
        lexicon = Lexicon::with_user_entries(*lexicon, entries);
    }
    const Segmenter segmenter(lexicon);
    std::ios::sync_with_stdio(false);
    std::string line, out;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.clear();
        for (const std::string& word : segmenter.segment(line)) {
            if (!out.empty()) out += ' ';
            out += word;
        }
        out += '\n';
        std::cout << out;
    }
    return exit_ok;
}

}  // namespace

Command segment_command() {
    return {"segment", "[--userdict FILE] < TEXT",
            "Reads text on standard input and writes the words of each line separated by single "
            "spaces (the SIGHAN bakeoff format).",
            {{"userdict", "FILE", "extra words: 'word [weight] [tag]' per line"}}, run_segment};
}

}  // namespace td::cli
