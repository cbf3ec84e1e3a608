#include "ingest/json_repair.hpp"

#include "common/utf8.hpp"

namespace td::ingest {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of a "\uXXXX" escape starting at text[pos], or -1.
int escaped_unit(std::string_view text, std::size_t pos) {
    if (pos + 6 > text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return -1;
    int unit = 0;
    for (std::size_t i = pos + 2; i < pos + 6; ++i) {
        const int digit = hex_value(text[i]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

bool is_high(int unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low(int unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// Rewrites lone surrogate escapes as \ufffd; returns how many were replaced.
std::size_t replace_lone_surrogates(std::string_view line, std::string& out) {
    std::size_t replaced = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\' || i + 1 >= line.size()) {
            out += line[i];
            continue;
        }
        const int unit = escaped_unit(line, i);
        if (is_high(unit) && is_low(escaped_unit(line, i + 6))) {
            out.append(line.substr(i, 12));
            i += 11;
        } else if (is_high(unit) || is_low(unit)) {
            out += "\\ufffd";
            ++replaced;
            i += 5;
        } else {
            out.append(line.substr(i, 2));  // any other escape, including "\\"
            ++i;
        }
    }
    return replaced;
}

}  // namespace

std::optional<RepairedLine> repair_json_line(std::string_view line) {
    RepairedLine repaired;
    std::string valid;
    if (const std::size_t bad = utf8::find_invalid(line); bad != std::string_view::npos) {
        valid = utf8::make_valid(line);
        line = valid;
        repaired.what = "invalid UTF-8 at byte " + std::to_string(bad) + " of the line";
    }
    if (const std::size_t lone = replace_lone_surrogates(line, repaired.text); lone > 0) {
        if (!repaired.what.empty()) repaired.what += " and ";
        repaired.what += std::to_string(lone) + " lone UTF-16 surrogate escape(s)";
    }
    if (repaired.what.empty()) return std::nullopt;
    repaired.what += " replaced with U+FFFD";
    return repaired;
}

}  // namespace td::ingest
