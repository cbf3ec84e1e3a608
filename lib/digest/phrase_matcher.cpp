#include "digest/phrase_matcher.hpp"

#include <algorithm>

namespace td::digest {
namespace {

unsigned char ascii_lower(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_';
}

std::size_t char_length(char lead) {
    const auto u = static_cast<unsigned char>(lead);
    if (u < 0x80) return 1;
    if ((u >> 5) == 0x6) return 2;
    if ((u >> 4) == 0xE) return 3;
    if ((u >> 3) == 0x1E) return 4;
    return 1;
}

}  // namespace

std::uint32_t PhraseMatcher::child(std::uint32_t node, unsigned char byte) const noexcept {
    const Node& parent = nodes_[node];
    if (parent.table) return tables_[parent.table - 1][byte];
    for (const auto& [b, next] : parent.children)
        if (b >= byte) return b == byte ? next : 0;
    return 0;
}

void PhraseMatcher::add_child(std::uint32_t node, unsigned char byte, std::uint32_t next) {
    Node& parent = nodes_[node];
    if (!parent.table && parent.children.size() == listed_children) {
        tables_.emplace_back();
        for (const auto& [b, n] : parent.children) tables_.back()[b] = n;
        parent.table = std::uint32_t(tables_.size());
        parent.children = {};
    }
    if (parent.table) {
        tables_[parent.table - 1][byte] = next;
        return;
    }
    auto& children = parent.children;
    const auto at = std::find_if(children.begin(), children.end(), [&](const auto& child) { return child.first > byte; });
    children.insert(at, {byte, next});
}

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, bool case_sensitive) {
    if (phrase.empty()) return;
    std::uint32_t node = 0;
    for (const char c : phrase) {
        const unsigned char byte = ascii_lower(c);
        std::uint32_t next = child(node, byte);
        if (next == 0) {
            next = std::uint32_t(nodes_.size());
            nodes_.emplace_back();
            add_child(node, byte, next);
        }
        node = next;
    }
    const unsigned char a = ascii_lower(phrase[0]);
    if (phrase.size() == 1) first_bytes_.set(a);
    else if (phrase.size() == 2) first_two_bytes_.set(std::size_t(a) << 8 | ascii_lower(phrase[1]));
    else first_three_bytes_.set(prefix_hash(a, ascii_lower(phrase[1]), ascii_lower(phrase[2])));
    nodes_[node].entries.push_back(std::uint32_t(entries_.size()));
    entries_.push_back({std::string(phrase), payload, case_sensitive, is_word_byte(phrase.front())});
}

// The trie walk has already compared the bytes without case.
bool PhraseMatcher::matches_at(const Entry& entry, std::string_view text, std::size_t at) const {
    const std::string& phrase = entry.phrase;
    if (entry.case_sensitive && text.compare(at, phrase.size(), phrase) != 0) return false;
    const std::size_t end = at + phrase.size();
    return !(entry.whole_word && is_word_byte(phrase.back()) && end < text.size() && is_word_byte(text[end]));
}

bool PhraseMatcher::may_start_at(std::string_view text, std::size_t at) const noexcept {
    const unsigned char a = ascii_lower(text[at]);
    if (first_bytes_[a]) return true;
    if (at + 1 >= text.size()) return false;
    const unsigned char b = ascii_lower(text[at + 1]);
    if (first_two_bytes_[std::size_t(a) << 8 | b]) return true;
    return at + 2 < text.size() && first_three_bytes_[prefix_hash(a, b, ascii_lower(text[at + 2]))];
}

std::pair<std::size_t, std::uint32_t> PhraseMatcher::longest_at(std::string_view text, std::size_t at) const {
    std::pair<std::size_t, std::uint32_t> longest{0, 0};
    std::uint32_t node = 0;
    for (std::size_t end = at; end < text.size();) {
        node = child(node, ascii_lower(text[end]));
        if (node == 0) break;
        ++end;
        for (const std::uint32_t e : nodes_[node].entries)
            if (matches_at(entries_[e], text, at)) {
                longest = {end - at, entries_[e].payload};
                break;
            }
    }
    return longest;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
    std::vector<PhraseMatch> matches;
    std::size_t at = 0;
    while (at < text.size()) {
        const bool word_start = at == 0 || !is_word_byte(text[at - 1]);
        if (!word_start && is_word_byte(text[at])) {  // mid-word: entries starting here match whole words only
            ++at;
            continue;
        }
        std::size_t advance = std::min(char_length(text[at]), text.size() - at);
        if (may_start_at(text, at))
            if (const auto [length, payload] = longest_at(text, at); length > 0) {
                matches.push_back({at, at + length, payload});
                advance = length;
            }
        at += advance;
    }
    return matches;
}

}  // namespace td::digest
