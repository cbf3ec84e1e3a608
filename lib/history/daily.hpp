#pragma once
// One day's digest with history, keeping the stats it was built from.

#include <tweetdigest/history.hpp>

#include <vector>

namespace td::history {

struct DayResult {
    Digest digest;
    TermStats stats;
};

DayResult run_day(const Corpus& corpus, DigestOptions options, const HistoryOptions& history, bool save,
                  std::vector<Diagnostic>* diagnostics);

}  // namespace td::history
