#pragma once
// What a run with history reads from each earlier day's terms.bin: the day's document
// frequencies, added up into the background, straight from the serialized bytes.

#include "common/string_map.hpp"
#include "terms/stats_reader.hpp"

#include <tweetdigest/digest.hpp>

#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace td::history {

class BackgroundSum {
public:
    // Sets day.terms and day.top_term_display from the day's serialized stats and adds its counts;
    // nothing is changed unless all of `bytes` is valid (else Error(parse)).
    void add_day(std::string_view bytes, PastDay& day);
    void merge(BackgroundSum&& other);
    std::size_t days() const noexcept { return days_.size(); }
    TermStats finish() &&;  // document frequencies only

private:
    void add(std::string_view key, std::uint64_t document_frequency);

    std::uint64_t documents_ = 0;
    StringMap<std::uint64_t> terms_;  // key -> document frequency
    std::set<int> days_;
    std::vector<std::string_view> wanted_;
};

}  // namespace td::history
