#pragma once
// Repairs for JSON lines that are well-formed except for their text encoding.

#include <optional>
#include <string>
#include <string_view>

namespace td::ingest {

struct RepairedLine {
    std::string text;
    std::string what;  // the repair made, for the warning
};

// Replaces invalid UTF-8 bytes and lone UTF-16 surrogate escapes ("\ud800" without its pair)
// with U+FFFD; nullopt when the line has neither.
std::optional<RepairedLine> repair_json_line(std::string_view line);

}  // namespace td::ingest
