#include "commands.hpp"

#include <tweetdigest/terms.hpp>

#include <boost/json.hpp>

#include <cstdio>
#include <iostream>

namespace td::cli {
namespace {

TermOptions term_options(const Arguments& args) {
    TermOptions options;
    options.top = static_cast<std::size_t>(args.integer_or("top", 50));
    options.min_frequency = static_cast<std::size_t>(args.integer_or("min-frequency", 2));
    if (const auto dictionary = args.value("userdict")) {
        std::vector<Diagnostic> diagnostics;
        const auto entries = Lexicon::read_user_dictionary(*dictionary, &diagnostics);
        for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
        options.lexicon = Lexicon::with_user_entries(*Lexicon::builtin(), entries);
    }
    return options;
}

void print_json(const std::vector<Term>& terms) {
    boost::json::array out;
    for (const Term& term : terms) {
        boost::json::array examples;
        for (const std::string& id : term.example_ids) examples.emplace_back(id);
        out.emplace_back(boost::json::object{{"term", term.display},
                                             {"key", term.key},
                                             {"kind", to_string(term.kind)},
                                             {"score", term.score},
                                             {"frequency", term.frequency},
                                             {"document_frequency", term.document_frequency},
                                             {"examples", std::move(examples)}});
    }
    std::cout << boost::json::serialize(out) << "\n";
}

void print_table(const std::vector<Term>& terms) {
    std::printf("%4s  %-24s %-8s %10s %6s %6s\n", "rank", "term", "kind", "score", "freq", "docs");
    int rank = 0;
    for (const Term& term : terms)
        std::printf("%4d  %-24s %-8s %10.3f %6llu %6llu\n", ++rank, term.display.c_str(),
                    to_string(term.kind), term.score,
                    static_cast<unsigned long long>(term.frequency),
                    static_cast<unsigned long long>(term.document_frequency));
}

int run_terms(const Arguments& args) {
    const Corpus corpus = load_corpus(args, false);
    if (corpus.tweets.empty()) {
        std::cerr << "tweetdigest terms: no tweets in the window\n";
        return exit_no_tweets;
    }
    TermOptions options = term_options(args);
    TermStats background;
    if (const auto path = args.value("background")) {
        background = TermStats::deserialize(read_file(*path));
        options.background = &background;
    }
    const TermAnalysis analysis = analyze_terms(corpus, options);
    if (args.has("json"))
        print_json(analysis.ranked);
    else
        print_table(analysis.ranked);
    return exit_ok;
}

}  // namespace

Command terms_command() {
    std::vector<OptionSpec> options = corpus_options();
    const std::vector<OptionSpec> own = {
        {"top", "N", "terms to print (default 50)"},
        {"min-frequency", "N", "least occurrences of a word or phrase (default 2)"},
        {"json", "", "print JSON instead of a table"},
        {"background", "STATS", "score against these statistics (from 'tweetdigest stats build')"},
        {"userdict", "FILE", "extra words for segmentation: 'word [weight] [tag]' per line"},
    };
    options.insert(options.end(), own.begin(), own.end());
    return {"terms", "FILE... [--date YYYY-MM-DD [--to YYYY-MM-DD]] [--top N] [--json]",
            "Prints the window's ranked terms: words, discovered phrases, hashtags, cashtags and "
            "mentions, scored against the background when one is given.",
            options, run_terms};
}

}  // namespace td::cli
