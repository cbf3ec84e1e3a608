#pragma once
// Term counting for one slice of a corpus: hashed tables while counting, TermStats's ordered
// maps built once at the end. Accumulators of disjoint slices merge exactly, so any split of a
// corpus gives the statistics of a single pass.

#include "common/string_map.hpp"
#include "terms/term_units.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace td::terms {

class StatsAccumulator {
public:
    // Counts one tweet (a duplicate group's representative, split into `units`).
    void add(const TextUnits& units, const Tweet& tweet);
    void merge(StatsAccumulator&& other);
    // The statistics, with display forms refreshed.
    TermStats finish() &&;

private:
    // A term's counts while counting: the documents of its latest day are kept beside the
    // per-day map (a corpus is mostly one day), which only takes them when another day comes.
    struct Tally {
        TermCounts counts;
        std::uint64_t last_document = 0;  // the accumulator's count of documents when it last counted this term
        int day = 0;
        std::uint64_t day_documents = 0;
        // Surface forms other than the key, with their occurrences: a term has few, searched in
        // a short list; a term with many (text written in random case) keeps them in a map.
        static constexpr std::size_t listed_forms = 16;
        std::vector<std::pair<std::string, std::uint64_t>> forms;
        std::unique_ptr<std::map<std::string, std::uint64_t, std::less<>>> many_forms;

        void add_day(int d, std::uint64_t documents);
        void add_form(std::string_view form, std::uint64_t n);
        std::map<std::string, std::uint64_t> surface_forms() &&;
        TermCounts finished() &&;
    };
    // What a tweet adds to each distinct term it holds.
    struct Document {
        double engagement = 0;
        std::uint64_t copies = 0;
        int day = 0;
    };
    // Counts one occurrence of a unit or phrase candidate; its first in the current document
    // gives the document's counts and, for a new term, the kind.
    void count(std::string_view key, std::string_view surface, TermKind kind, const Document& document);

    std::uint64_t documents_ = 0;
    StringMap<Tally> terms_;
    std::string phrase_key_, phrase_surface_;
};

}  // namespace td::terms
