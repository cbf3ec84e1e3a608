#include <tweetdigest/cloud.hpp>

#include "common/utf8.hpp"

#include <charconv>
#include <cmath>

namespace td {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<CloudWord> read_cloud_words(const std::string& path,
                                        std::vector<Diagnostic>& diagnostics) {
    const std::string text = read_file(path);
    std::vector<CloudWord> words;
    std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (std::uint64_t line_number = 1; start < text.size(); ++line_number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t line_start = start;
        start = end + 1;
        const auto problem = [&](const std::string& message) {
            Diagnostic diagnostic;
            diagnostic.source = path;
            diagnostic.line = line_number;
            diagnostic.byte_offset = line_start;
            diagnostic.message = message;
            diagnostics.push_back(std::move(diagnostic));
        };
        if (trim(line).empty() || line.front() == '#') continue;
        const std::size_t tab = line.rfind('\t');
        if (tab == std::string_view::npos) {
            problem("expected \"term<TAB>weight\"");
            continue;
        }
        const std::string_view term = trim(line.substr(0, tab));
        const std::string_view number = trim(line.substr(tab + 1));
        double weight = 0;
        const auto parsed = std::from_chars(number.data(), number.data() + number.size(), weight);
        if (term.empty()) {
            problem("empty term");
        } else if (utf8::find_invalid(term) != std::string_view::npos) {
            problem("term is not valid UTF-8");
        } else if (parsed.ec != std::errc() || parsed.ptr != number.data() + number.size()) {
            problem("weight \"" + std::string(number) + "\" is not a number");
        } else if (!std::isfinite(weight) || weight <= 0) {
            problem("weight must be a positive number");
        } else {
            words.push_back({std::string(term), weight, ""});
        }
    }
    return words;
}

}  // namespace td
