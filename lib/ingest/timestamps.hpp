#pragma once
// Timestamps in the forms tweet sources use, to Unix seconds.

#include <cstdint>
#include <string_view>

namespace td::ingest {

// "Wed Oct 10 20:19:24 +0000 2018" (v1.1 and archives).
bool parse_v1_timestamp(std::string_view text, std::int64_t& unix_seconds);
// ISO-8601 (with "T" or a space, optional " UTC"), the v1.1 form, or Unix seconds/milliseconds.
bool parse_any_timestamp(std::string_view text, std::int64_t& unix_seconds);

}  // namespace td::ingest
