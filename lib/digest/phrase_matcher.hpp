#pragma once
// Finds the entries of a word list in text: Latin entries as whole words, others anywhere.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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

    // Leftmost-longest, non-overlapping matches in text order; of equally long entries that
    // match, the first added.
    std::vector<PhraseMatch> find_all(std::string_view text) const;
    bool contains_any(std::string_view text) const { return !find_all(text).empty(); }

private:
    struct Entry {
        std::string phrase;
        std::uint32_t payload = 0;
        bool case_sensitive = false;
        bool whole_word = false;
    };
    // A trie over the entries' bytes, ASCII letters lowercased. A node lists the entries that
    // end at it, in the order they were added.
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> children;  // by byte, ascending
        std::vector<std::uint32_t> entries;
    };
    std::uint32_t child(std::uint32_t node, unsigned char byte) const noexcept;  // 0: none
    bool matches_at(const Entry& entry, std::string_view text, std::size_t at) const;
    // The length and payload of the match at `at`, or a length of 0.
    std::pair<std::size_t, std::uint32_t> longest_at(std::string_view text, std::size_t at) const;

    std::vector<Entry> entries_;
    std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
    std::array<std::uint32_t, 256> root_children_{};  // the root's children, by byte
};

}  // namespace td::digest
