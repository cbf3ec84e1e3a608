#pragma once
// read_corpus with the size below which one file is read on one core, and the window test
// shared by reading and building corpora.

#include <tweetdigest/ingest.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace td::ingest {

// Ranges of a single file are at least this long, so small files are not split.
constexpr std::uint64_t min_range_bytes = std::uint64_t{16} << 20;

Corpus read_corpus(const std::vector<std::string>& paths, const ReadOptions& options, std::uint64_t min_range_bytes);

inline bool in_window(const ReadOptions& options, const LocalDate& day) {
    return (!options.from || day >= *options.from) && (!options.to || day <= *options.to);
}

}  // namespace td::ingest
