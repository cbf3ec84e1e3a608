#pragma once
// day.json, the manifest of one history entry (schema tweetdigest.history/2; /1 is still read).

#include <tweetdigest/history.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace td::history {

inline constexpr std::string_view schema = "tweetdigest.history/2";
// Version 1 checked terms.bin like digest.json, by an FNV-1a 64 of all its bytes.
inline constexpr std::string_view schema_v1 = "tweetdigest.history/1";
inline constexpr std::string_view manifest_file = "day.json";
inline constexpr std::string_view stats_file = "terms.bin";
inline constexpr std::string_view digest_file = "digest.json";

struct FileCheck {
    enum class Sum {
        fnv1a64,  // of all the bytes ("fnv1a64": 16 hex digits)
        // the CRC-32 a file ends with, over everything before it ("crc32": 8 hex digits); the
        // reader of the file verifies it, so checking costs no pass of its own (terms.bin)
        crc32_trailer,
    };
    std::uint64_t bytes = 0;
    Sum sum = Sum::fnv1a64;
    std::uint64_t checksum = 0;
};

struct Manifest {
    HistoryEntry entry;  // without stats and digest
    FileCheck stats;
    FileCheck digest;
};

std::uint64_t fnv1a64(std::string_view bytes) noexcept;
FileCheck check_of(std::string_view bytes) noexcept;
FileCheck trailer_check_of(std::string_view bytes) noexcept;
// Whether `bytes` have the expected size and checksum (for crc32_trailer: the stored trailer).
bool matches(const FileCheck& expected, std::string_view bytes) noexcept;
std::string write_manifest(const Manifest& manifest);
// Throws Error(parse) naming the field that is missing or malformed.
Manifest read_manifest(std::string_view json);

}  // namespace td::history
