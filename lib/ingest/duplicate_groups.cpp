#include "ingest/duplicate_groups.hpp"

#include "ingest/simhash.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

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

std::vector<std::vector<std::size_t>> duplicate_groups(const std::vector<GroupingKey>& keys, int max_distance) {
    DisjointSets sets(keys.size());
    // Identical signatures are united directly; only distinct ones go through the band search.
    std::unordered_map<std::uint64_t, std::size_t> first_with_signature;
    std::vector<std::uint64_t> distinct;
    std::vector<std::size_t> distinct_owner;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].has_text) continue;
        const auto [found, inserted] = first_with_signature.emplace(keys[i].simhash, i);
        if (!inserted) {
            sets.unite(i, found->second);
            continue;
        }
        distinct.push_back(keys[i].simhash);
        distinct_owner.push_back(i);
    }
    for_each_near_pair(distinct, max_distance, [&](std::size_t a, std::size_t b) {
        sets.unite(distinct_owner[a], distinct_owner[b]);
    });

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
