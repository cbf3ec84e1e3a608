#include "history/daily.hpp"

namespace td {
namespace history {

DayResult run_day(const Corpus& corpus, DigestOptions options, const HistoryOptions& history_options, bool save,
                  std::vector<Diagnostic>* diagnostics) {
    if (!corpus.from || !corpus.to || *corpus.from != *corpus.to)
        throw Error(Error::Code::invalid_argument,
                    "a digest with history needs a one-day corpus window (use build_range_digest for several days)");
    const DigestHistory history = previous_days(history_options, *corpus.from, diagnostics);
    use_history_background(history, options.terms);
    TermAnalysis terms = analyze_terms(corpus, options.terms);
    DayResult result{build_digest_with_history(corpus, terms, history, options), std::move(terms.stats)};
    if (save) save_history_day(history_options.dir, result.digest, result.stats);
    return result;
}

}  // namespace history

Digest build_digest_with_history(const Corpus& corpus, DigestOptions digest_options, const HistoryOptions& options,
                                 bool save, std::vector<Diagnostic>* diagnostics) {
    return history::run_day(corpus, std::move(digest_options), options, save, diagnostics).digest;
}

Digest build_digest_with_history(const Corpus& corpus, const TermAnalysis& terms, const DigestHistory& history,
                                 DigestOptions digest_options) {
    digest_options.history = &history;
    return build_digest(corpus, terms, digest_options);
}

}  // namespace td
