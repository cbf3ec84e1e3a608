#pragma once
// What a run with history takes from each earlier day's terms: the day's document frequencies
// (read straight from terms.bin's bytes, or from the history index), added up into the
// background that today's terms are scored against.

#include "common/string_map.hpp"

#include <tweetdigest/digest.hpp>

#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace td::history {

// Sets day.terms and day.top_term_display (for day.top_terms) from the day's serialized stats and
// returns the distinct days of their per_day counts, increasing. Throws Error(parse) unless all of
// `bytes` is valid, leaving `day` unchanged.
std::vector<int> read_day_terms(std::string_view bytes, PastDay& day);

class BackgroundSum {
public:
    // `stats_days`: the distinct days the frequencies were counted on.
    void add(const TermFrequencies& frequencies, const std::vector<int>& stats_days);
    // The same for table `table` of `shared`, summed by key id while calls pass the same `shared`.
    void add(const std::shared_ptr<const TermFrequencies::Shared>& shared, std::size_t table,
             const std::vector<int>& stats_days);
    void merge(BackgroundSum&& other);
    std::size_t days() const noexcept { return days_.size(); }
    TermStats finish() &&;  // document frequencies only

private:
    void add(std::string_view key, std::uint64_t document_frequency);
    void fold_shared();  // moves the sums by key id into terms_


    std::uint64_t documents_ = 0;
    StringMap<std::uint64_t> terms_;  // key -> document frequency
    std::set<int> days_;
    std::shared_ptr<const TermFrequencies::Shared> shared_;
    std::vector<std::uint64_t> by_shared_id_;
};

}  // namespace td::history
