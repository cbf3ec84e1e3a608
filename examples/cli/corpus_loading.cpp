#include "commands.hpp"

#include <iostream>

namespace td::cli {

std::vector<OptionSpec> corpus_options() {
    return {
        {"date", "YYYY-MM-DD", "first local day of the window"},
        {"from", "YYYY-MM-DD", "same as --date"},
        {"to", "YYYY-MM-DD", "last local day of the window (default: --date)"},
        {"tz", "ZONE", "IANA time zone of the local days (default Asia/Shanghai)"},
        {"format", "FORMAT", "auto|v2|v1|archive|csv (default auto)"},
        {"no-dedupe", "", "keep exact and near duplicates as separate tweets"},
        {"max-diagnostics", "N", "diagnostics printed before a count (default 20)"},
    };
}

Corpus load_corpus(const Arguments& args, bool window_required) {
    if (args.operands().empty()) throw UsageError("no input files (use - for standard input)");
    ReadOptions options;
    options.format = parse_input_format(args.value_or("format", "auto"));
    options.time_zone = args.value_or("tz", "Asia/Shanghai");
    TimeZone::load(options.time_zone);  // fail early with a clear message
    options.dedupe = !args.has("no-dedupe");
    if (args.has("date") && args.has("from")) throw UsageError("give --date or --from, not both");
    if (const auto date = args.has("from") ? args.value("from") : args.value("date")) {
        options.from = LocalDate::parse(*date);
        options.to = args.has("to") ? LocalDate::parse(args.required("to")) : *options.from;
        if (*options.to < *options.from) throw UsageError("--to is before --date");
    } else if (window_required) {
        throw UsageError("missing required option --date");
    }

    Corpus corpus = read_corpus(args.operands(), options);

    const auto limit = static_cast<std::size_t>(args.integer_or("max-diagnostics", 20));
    for (std::size_t i = 0; i < corpus.diagnostics.size() && i < limit; ++i)
        std::cerr << corpus.diagnostics[i].to_string() << "\n";
    if (corpus.diagnostics.size() > limit)
        std::cerr << "... and " << corpus.diagnostics.size() - limit << " more diagnostics\n";
    const CorpusCounts& c = corpus.counts;
    std::cerr << "read " << c.read << ", kept " << c.kept << ", duplicates " << c.duplicates
              << ", retweets " << c.retweets << ", outside window " << c.out_of_window
              << ", errors " << c.errors << "\n";
    return corpus;
}

}  // namespace td::cli
