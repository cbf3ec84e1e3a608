#include "ingest/duplicate_groups.hpp"

#include "ingest/simhash.hpp"

#include <algorithm>
#include <numeric>

namespace td::ingest {
namespace {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

private:
    std::vector<std::size_t> parent_;
};

}  // namespace

std::vector<std::vector<std::size_t>> duplicate_groups(const std::vector<GroupingKey>& keys, int max_distance,
                                                       std::size_t threads) {
    DisjointSets sets(keys.size());
    // Identical signatures are united directly; only distinct ones go through the band search.
    std::vector<std::pair<std::uint64_t, std::size_t>> by_signature;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].has_text) by_signature.emplace_back(keys[i].simhash, i);
    std::sort(by_signature.begin(), by_signature.end());
    std::vector<std::uint64_t> distinct;
    std::vector<std::size_t> distinct_owner;
    for (std::size_t k = 0; k < by_signature.size(); ++k) {
        const auto [signature, i] = by_signature[k];
        if (k > 0 && by_signature[k - 1].first == signature) {
            sets.unite(i, distinct_owner.back());
            continue;
        }
        distinct.push_back(signature);
        distinct_owner.push_back(i);
    }
    for (const auto& [a, b] : near_pairs(distinct, max_distance, threads)) sets.unite(distinct_owner[a], distinct_owner[b]);

    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::size_t> group_of_root(keys.size(), SIZE_MAX);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::size_t& group = group_of_root[sets.find(i)];
        if (group == SIZE_MAX) {
            group = groups.size();
            groups.emplace_back();
        }
        groups[group].push_back(i);
    }
    for (std::vector<std::size_t>& group : groups) {
        const auto best = std::min_element(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
            return better_representative(keys[a], keys[b]);
        });
        std::rotate(group.begin(), best, best + 1);
    }
    return groups;
}

}  // namespace td::ingest
