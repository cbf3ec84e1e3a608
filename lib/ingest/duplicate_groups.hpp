#pragma once
// Exact and near-duplicate grouping, shared by corpora (over tweets) and by duplicate
// signatures merged from many corpora (over their signatures).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace td::ingest {

// What grouping looks at in one tweet.
struct GroupingKey {
    std::string_view id;
    std::int64_t created_at = 0;
    std::uint64_t engagement = 0;  // metrics plus the retweets collapsed onto it
    std::uint64_t simhash = 0;
    bool has_text = false;         // without analysis text a tweet is never grouped
};

// Numeric order of decimal ids without converting them.
inline bool id_less(std::string_view a, std::string_view b) noexcept {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Ordered by (created_at, id).
inline bool chronological(const GroupingKey& a, const GroupingKey& b) noexcept {
    return a.created_at != b.created_at ? a.created_at < b.created_at : id_less(a.id, b.id);
}

// The better representative of the same content: more engagement, then earlier.
inline bool better_representative(const GroupingKey& a, const GroupingKey& b) noexcept {
    return a.engagement != b.engagement ? a.engagement > b.engagement : chronological(a, b);
}

// The groups of tweets with equal signatures or signatures within max_distance bits of each
// other (transitively), as indexes into `keys`: every index in exactly one group, each group's
// representative first, then the others in index order.
std::vector<std::vector<std::size_t>> duplicate_groups(const std::vector<GroupingKey>& keys, int max_distance);

}  // namespace td::ingest
