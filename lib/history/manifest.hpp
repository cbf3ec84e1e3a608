#pragma once
// day.json, the manifest of one history entry (schema tweetdigest.history/1).

#include <tweetdigest/history.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace td::history {

inline constexpr std::string_view schema = "tweetdigest.history/1";
inline constexpr std::string_view manifest_file = "day.json";
inline constexpr std::string_view stats_file = "terms.bin";
inline constexpr std::string_view digest_file = "digest.json";

struct FileCheck {
    std::uint64_t bytes = 0;
    std::uint64_t checksum = 0;  // FNV-1a 64
};

struct Manifest {
    HistoryEntry entry;  // without stats and digest
    FileCheck stats;
    FileCheck digest;
};

std::uint64_t fnv1a64(std::string_view bytes) noexcept;
FileCheck check_of(std::string_view bytes) noexcept;
std::string write_manifest(const Manifest& manifest);
// Throws Error(parse) naming the field that is missing or malformed.
Manifest read_manifest(std::string_view json);

}  // namespace td::history
