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
    if (node == 0) return root_children_[byte];
    const auto& children = nodes_[node].children;
    const auto found = std::lower_bound(children.begin(), children.end(), byte,
                                        [](const auto& child, unsigned char b) { return child.first < b; });
    return found != children.end() && found->first == byte ? found->second : 0;
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
            if (node == 0) {
                root_children_[byte] = next;
            } else {
                auto& children = nodes_[node].children;
                const auto at = std::lower_bound(children.begin(), children.end(), byte,
                                                 [](const auto& child, unsigned char b) { return child.first < b; });
                children.insert(at, {byte, next});
            }
        }
        node = next;
    }
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
        if (const auto [length, payload] = longest_at(text, at); length > 0) {
            matches.push_back({at, at + length, payload});
            advance = length;
        }
        at += advance;
    }
    return matches;
}

}  // namespace td::digest
