#include "text/tld_list.hpp"

#include "common/resources.hpp"
#include "common/utf8.hpp"
#include "text/char_classes.hpp"

#include <algorithm>

namespace td::text {
namespace {

char32_t fold_ascii(char32_t c) noexcept { return (c >= U'A' && c <= U'Z') ? c + 0x20 : c; }

std::u32string decode_line(std::string_view line) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < line.size()) out += fold_ascii(utf8::decode(line, pos));
    return out;
}

}  // namespace

TldList::TldList(std::string_view lines) {
    while (!lines.empty()) {
        const std::size_t newline = std::min(lines.find('\n'), lines.size());
        std::string_view line = lines.substr(0, newline);
        lines.remove_prefix(std::min(newline + 1, lines.size()));
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::u32string tld = decode_line(line);
        by_first_char_[tld.front()].push_back(std::move(tld));
    }
    for (auto& [first, tlds] : by_first_char_) {
        std::sort(tlds.begin(), tlds.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
}

std::optional<std::size_t> TldList::match(const DecodedText& text, std::size_t pos) const {
    const auto candidates = by_first_char_.find(fold_ascii(text[pos]));
    if (candidates == by_first_char_.end()) return std::nullopt;
    for (const std::u32string& tld : candidates->second) {
        const std::size_t end = pos + tld.size();
        if (end > text.size()) continue;
        bool equal = true;
        for (std::size_t i = 1; i < tld.size() && equal; ++i) {
            equal = fold_ascii(text[pos + i]) == tld[i];
        }
        if (!equal) continue;
        const char32_t next = text[end];
        if (end < text.size() && (is_ascii_alnum(next) || next == U'@' || next == U'+' || next == U'-')) {
            continue;
        }
        return end;
    }
    return std::nullopt;
}

const TldList& generic_tlds() {
    static const TldList list(resources::get("text/tlds_generic.txt"));
    return list;
}

const TldList& country_tlds() {
    static const TldList list(resources::get("text/tlds_country.txt"));
    return list;
}

}  // namespace td::text
