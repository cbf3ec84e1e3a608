// Deserialising arbitrary bytes as term statistics: a clean Error or stats that round-trip.

#include "fuzz_input.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const td::TermStats stats = td::TermStats::deserialize(td_fuzz::as_text(data, size));
        if (td::TermStats::deserialize(stats.serialize()) != stats) std::abort();
        td::TermStats merged;
        merged.merge(stats);
        merged.merge(stats);
        if (merged.documents != 2 * stats.documents) std::abort();
    } catch (const td::Error&) {
    }
    return 0;
}
