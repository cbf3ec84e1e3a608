#include "terms/lexicon_impl.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace td::terms {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// Splits off the last blank-separated field of `s`.
std::string_view last_field(std::string_view s, std::string_view& rest) {
    std::size_t i = s.size();
    while (i > 0 && !is_blank(s[i - 1])) --i;
    rest = trim(s.substr(0, i));
    return s.substr(i);
}

bool is_tag(std::string_view s) {
    if (s.empty() || s.size() > 16) return false;
    for (char c : s)
        if (c < 'a' || c > 'z') return false;
    return true;
}

bool looks_numeric(std::string_view s) {
    return !s.empty() && ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+' || s[0] == '.');
}

}  // namespace

std::vector<Lexicon::Entry> parse_dictionary(std::string_view text, const std::string& source,
                                             std::vector<Diagnostic>* diagnostics) {
    std::vector<Lexicon::Entry> entries;
    entries.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    std::uint64_t line_number = 0;
    std::size_t offset = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") offset = 3;
    auto report = [&](std::size_t at, std::string message) {
        if (diagnostics)
            diagnostics->push_back({Diagnostic::Severity::error, source, line_number, at, std::move(message)});
    };
    while (offset < text.size()) {
        const std::size_t newline = text.find('\n', offset);
        const std::size_t line_end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view line = trim(text.substr(offset, line_end - offset));
        const std::size_t line_offset = offset;
        offset = line_end + 1;
        ++line_number;
        if (line.empty() || line[0] == '#') continue;
        if (utf8::find_invalid(line) != std::string_view::npos) {
            report(line_offset, "invalid UTF-8; line skipped");
            continue;
        }
        Lexicon::Entry entry;
        entry.frequency = 0;
        std::string_view word = line, rest;
        std::string_view field = last_field(word, rest);
        if (!rest.empty() && is_tag(field)) {
            entry.tag = std::string(field);
            word = rest;
        }
        field = last_field(word, rest);
        if (!rest.empty() && looks_numeric(field)) {
            double value = 0;
            const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
            if (error != std::errc() || end != field.data() + field.size() || !std::isfinite(value) || value < 0) {
                report(line_offset, "bad frequency '" + std::string(field) + "'; line skipped");
                continue;
            }
            entry.frequency = value;
            word = rest;
        }
        entry.word = std::string(word);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace td::terms
