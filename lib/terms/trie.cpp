#include "terms/trie.hpp"

#include "common/utf8.hpp"

#include <algorithm>

namespace td::terms {
namespace {

constexpr char32_t root_table_size = 0x32000;

struct Pending {
    std::uint32_t node;
    std::uint32_t lo, hi;  // the range of words under this node
    std::size_t depth;     // bytes of prefix the words share
};

}  // namespace

Trie::Trie(const std::vector<std::string_view>& words, const std::vector<float>& weights) {
    nodes_.reserve(words.size() * 2 + 1);
    labels_.reserve(words.size() * 2 + 1);
    nodes_.push_back({});
    labels_.push_back(0);
    std::vector<Pending> queue{{0, 0, static_cast<std::uint32_t>(words.size()), 0}};
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const Pending p = queue[q];
        std::uint32_t i = p.lo;
        if (i < p.hi && words[i].size() == p.depth) {
            nodes_[p.node].value = i;
            nodes_[p.node].weight = weights[i];
            ++i;
        }
        nodes_[p.node].first_child = static_cast<std::uint32_t>(nodes_.size());
        while (i < p.hi) {
            std::size_t pos = p.depth;
            const char32_t c = utf8::decode(words[i], pos);
            std::uint32_t j = i + 1;
            while (j < p.hi) {
                std::size_t other = p.depth;
                if (words[j].size() <= p.depth || utf8::decode(words[j], other) != c) break;
                ++j;
            }
            const auto id = static_cast<std::uint32_t>(nodes_.size());
            nodes_.push_back({0, 0, none, 0});
            labels_.push_back(c);
            ++nodes_[p.node].child_count;
            queue.push_back({id, i, j, pos});
            i = j;
        }
    }
    root_table_.assign(root_table_size, none);
    const Node& root = nodes_[0];
    for (std::uint32_t k = 0; k < root.child_count; ++k) {
        const char32_t c = labels_[root.first_child + k];
        if (c < root_table_size) root_table_[c] = root.first_child + k;
    }
}

std::uint32_t Trie::root_search(char32_t c) const noexcept {
    if (nodes_.empty()) return none;
    const Node& root = nodes_[0];
    const auto begin = labels_.begin() + root.first_child;
    const auto end = begin + root.child_count;
    const auto found = std::lower_bound(begin, end, c);
    return found != end && *found == c ? static_cast<std::uint32_t>(found - labels_.begin()) : none;
}

std::uint32_t Trie::find(std::string_view word) const noexcept {
    if (nodes_.empty() || word.empty()) return none;
    std::uint32_t node = 0;
    for (std::size_t pos = 0; pos < word.size();) {
        node = child(node, utf8::decode(word, pos));
        if (node == none) return none;
    }
    return nodes_[node].value;
}

}  // namespace td::terms
