#include "commands.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdio>
#include <iostream>

namespace td::cli {
namespace {

int build(const Arguments& args, std::vector<std::string> inputs) {
    const Arguments corpus_args(
        [&] {
            std::vector<std::string> forwarded = inputs;
            for (const char* name : {"date", "from", "to", "tz", "format"})
                if (const auto value = args.value(name)) {
                    forwarded.push_back(std::string("--") + name);
                    forwarded.push_back(*value);
                }
            return forwarded;
        }(),
        corpus_options());
    const Corpus corpus = load_corpus(corpus_args, false);
    const TermStats stats = build_term_stats(corpus);
    write_file_atomically(args.required("out"), stats.serialize());
    std::cerr << "stats of " << stats.documents << " tweets, " << stats.terms.size() << " terms\n";
    return exit_ok;
}

int merge(const Arguments& args, const std::vector<std::string>& inputs) {
    if (inputs.empty()) throw UsageError("stats merge needs at least one STATS file");
    TermStats merged;
    for (const std::string& path : inputs) merged.merge(TermStats::deserialize(read_file(path)));
    write_file_atomically(args.required("out"), merged.serialize());
    std::cerr << "merged " << inputs.size() << " files: " << merged.documents << " tweets, "
              << merged.terms.size() << " terms\n";
    return exit_ok;
}

int show(const Arguments& args, const std::vector<std::string>& inputs) {
    if (inputs.size() != 1) throw UsageError("stats show needs exactly one STATS file");
    const TermStats stats = TermStats::deserialize(read_file(inputs[0]));
    TermOptions options;
    options.top = static_cast<std::size_t>(args.integer_or("top", 30));
    std::printf("documents %llu, terms %zu\n", static_cast<unsigned long long>(stats.documents),
                stats.terms.size());
    for (const Term& term : score_terms(stats, options))
        std::printf("%-24s %-8s %10.3f %6llu %6llu\n", term.display.c_str(), to_string(term.kind),
                    term.score, static_cast<unsigned long long>(term.frequency),
                    static_cast<unsigned long long>(term.document_frequency));
    return exit_ok;
}

int run_stats(const Arguments& args) {
    if (args.operands().empty()) throw UsageError("expected build, merge or show");
    const std::string action = args.operands()[0];
    const std::vector<std::string> inputs(args.operands().begin() + 1, args.operands().end());
    if (action == "build") return build(args, inputs);
    if (action == "merge") return merge(args, inputs);
    if (action == "show") return show(args, inputs);
    throw UsageError("unknown stats action '" + action + "' (expected build, merge or show)");
}

}  // namespace

Command stats_command() {
    return {"stats",
            "build FILE... [--date D [--to D]] --out STATS | merge STATS... --out STATS | show STATS",
            "Builds, merges and shows serialized term statistics. Statistics of shards merge into "
            "exactly the statistics of the whole, so large inputs can be processed in pieces.",
            {{"out", "FILE", "where build and merge write"},
             {"date", "YYYY-MM-DD", "build: first local day"},
             {"from", "YYYY-MM-DD", "build: same as --date"},
             {"to", "YYYY-MM-DD", "build: last local day"},
             {"tz", "ZONE", "build: time zone of the local days"},
             {"format", "FORMAT", "build: input format (default auto)"},
             {"top", "N", "show: terms to print (default 30)"}},
            run_stats};
}

}  // namespace td::cli
