#pragma once
// A compact, immutable trie over code points: nodes in breadth-first order, each node's children
// contiguous and sorted by code point, with a dense table for the first character.

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace td::terms {

class Trie {
public:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    struct Node {
        std::uint32_t first_child = 0;
        std::uint32_t child_count = 0;
        std::uint32_t value = none;  // the word ending here (an index chosen by the builder)
        float weight = 0;            // the builder's weight of that word
    };

    Trie() = default;
    // words[i] is stored with value i and weights[i]; `words` must be sorted bytewise and free of
    // duplicates.
    Trie(const std::vector<std::string_view>& words, const std::vector<float>& weights);

    // The child of `node` for `c`, or none. The root is node 0.
    std::uint32_t child(std::uint32_t node, char32_t c) const noexcept {
        if (node == 0) return c < root_table_.size() ? root_table_[c] : root_search(c);
        const Node& n = nodes_[node];
        const char32_t* first = labels_.data() + n.first_child;
        std::uint32_t lo = 0, hi = n.child_count;
        while (hi - lo > 8) {
            const std::uint32_t mid = (lo + hi) / 2;
            if (first[mid] <= c) lo = mid; else hi = mid;
        }
        for (std::uint32_t i = lo; i < hi; ++i)
            if (first[i] == c) return n.first_child + i;
        return none;
    }
    const Node& node(std::uint32_t id) const noexcept { return nodes_[id]; }
    std::uint32_t find(std::string_view word) const noexcept;  // value or none
    std::size_t node_count() const noexcept { return nodes_.size(); }

private:
    std::uint32_t root_search(char32_t c) const noexcept;
    std::vector<Node> nodes_;
    std::vector<char32_t> labels_;  // the code point leading to each node
    std::vector<std::uint32_t> root_table_;  // code point -> child of the root, below 0x32000
};

}  // namespace td::terms
