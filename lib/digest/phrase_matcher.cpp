#include "digest/phrase_matcher.hpp"

#include <algorithm>

namespace td::digest {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

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

std::uint32_t packed_char(std::string_view text, std::size_t at) {
    const std::size_t n = std::min(char_length(text[at]), text.size() - at);
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < n; ++i) key = key << 8 | static_cast<unsigned char>(text[at + i]);
    return key;
}

}  // namespace

std::vector<PhraseMatcher::Entry>& PhraseMatcher::bucket_for(std::string_view text) {
    const auto lead = static_cast<unsigned char>(text.front());
    if (lead < 0x80) return by_ascii_[static_cast<unsigned char>(ascii_lower(text.front()))];
    return by_code_point_[packed_char(text, 0)];
}

const std::vector<PhraseMatcher::Entry>* PhraseMatcher::bucket_at(std::string_view text, std::size_t at) const {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
        const auto& bucket = by_ascii_[static_cast<unsigned char>(ascii_lower(text[at]))];
        return bucket.empty() ? nullptr : &bucket;
    }
    const auto found = by_code_point_.find(packed_char(text, at));
    return found == by_code_point_.end() ? nullptr : &found->second;
}

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, bool case_sensitive) {
    if (phrase.empty()) return;
    Entry entry{std::string(phrase), payload, case_sensitive, is_word_byte(phrase.front())};
    auto& bucket = bucket_for(phrase);
    bucket.push_back(std::move(entry));
    std::stable_sort(bucket.begin(), bucket.end(), [](const Entry& a, const Entry& b) {
        return a.phrase.size() > b.phrase.size();
    });
}

std::size_t PhraseMatcher::match_length(const Entry& entry, std::string_view text,
                                        std::size_t at) const {
    const std::string& phrase = entry.phrase;
    if (text.size() - at < phrase.size()) return 0;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        const char a = text[at + i];
        const bool same = entry.case_sensitive ? a == phrase[i] : ascii_lower(a) == ascii_lower(phrase[i]);
        if (!same) return 0;
    }
    const std::size_t end = at + phrase.size();
    if (entry.whole_word && is_word_byte(phrase.back()) && end < text.size() && is_word_byte(text[end]))
        return 0;
    return phrase.size();
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
    std::vector<PhraseMatch> matches;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t advance = std::min(char_length(text[at]), text.size() - at);
        const bool word_start = at == 0 || !is_word_byte(text[at - 1]);
        if (!word_start && is_word_byte(text[at])) {  // mid-word: entries starting here match whole words only
            ++at;
            continue;
        }
        if (const std::vector<Entry>* bucket = bucket_at(text, at)) {
            for (const Entry& entry : *bucket) {
                if (entry.whole_word && !word_start) continue;
                if (const std::size_t length = match_length(entry, text, at)) {
                    matches.push_back({at, at + length, entry.payload});
                    advance = length;
                    break;
                }
            }
        }
        at += advance;
    }
    return matches;
}

}  // namespace td::digest
