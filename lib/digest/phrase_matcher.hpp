#pragma once
// Finds the entries of a word list in text: Latin entries as whole words, others anywhere.

#include <array>
#include <bitset>
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
    PhraseMatcher() { nodes_.front().table = 1; }  // the root's children are in tables_[0]

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
    // end at it, in the order they were added. A node with many children (after the lead byte
    // of a CJK character) finds them in a table by byte.
    using Children = std::array<std::uint32_t, 256>;  // node by byte; 0: none
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> children;  // by byte, ascending; unused once a table holds them
        std::uint32_t table = 0;                                         // 1 + index into tables_; 0: none
        std::vector<std::uint32_t> entries;
    };
    static constexpr std::size_t listed_children = 6;
    std::uint32_t child(std::uint32_t node, unsigned char byte) const noexcept;  // 0: none
    void add_child(std::uint32_t node, unsigned char byte, std::uint32_t next);
    bool matches_at(const Entry& entry, std::string_view text, std::size_t at) const;
    // The length and payload of the match at `at`, or a length of 0.
    std::pair<std::size_t, std::uint32_t> longest_at(std::string_view text, std::size_t at) const;

    // Whether an entry may start at `at`, from its first one, two or three bytes (ASCII
    // lowercased; three hashed): most positions of a text are rejected without a trie walk.
    bool may_start_at(std::string_view text, std::size_t at) const noexcept;
    static std::size_t prefix_hash(unsigned char a, unsigned char b, unsigned char c) noexcept {
        return ((std::uint32_t(a) << 16 | std::uint32_t(b) << 8 | c) * 2654435761u) >> 16;
    }

    std::bitset<256> first_bytes_;          // of one-byte entries
    std::bitset<65536> first_two_bytes_;    // of two-byte entries
    std::bitset<65536> first_three_bytes_;  // of longer entries, by prefix_hash
    std::vector<Entry> entries_;
    std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
    std::vector<Children> tables_ = std::vector<Children>(1);  // tables_[0] is the root's
};

}  // namespace td::digest
