#pragma once
// Finds the entries of a word list in text: Latin entries as whole words, others anywhere.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace td::digest {

struct PhraseMatch {
    std::size_t begin = 0;  // byte range in the searched text
    std::size_t end = 0;
    std::uint32_t payload = 0;
};

class PhraseMatcher {
public:
    // An entry starting with an ASCII letter or digit matches whole words only. Case-insensitive
    // entries compare ASCII letters without case.
    void add(std::string_view phrase, std::uint32_t payload, bool case_sensitive = false);

    // Leftmost-longest, non-overlapping matches in text order.
    std::vector<PhraseMatch> find_all(std::string_view text) const;
    bool contains_any(std::string_view text) const { return !find_all(text).empty(); }

private:
    struct Entry {
        std::string phrase;
        std::uint32_t payload = 0;
        bool case_sensitive = false;
        bool whole_word = false;
    };
    std::size_t match_length(const Entry& entry, std::string_view text, std::size_t at) const;
    std::vector<Entry>& bucket_for(std::string_view text);
    const std::vector<Entry>* bucket_at(std::string_view text, std::size_t at) const;

    // Entries by their first character, longest first: ASCII by lowercase byte, others by
    // their UTF-8 bytes packed into an integer.
    std::array<std::vector<Entry>, 128> by_ascii_;
    std::unordered_map<std::uint32_t, std::vector<Entry>> by_code_point_;
};

}  // namespace td::digest
