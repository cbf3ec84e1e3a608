#pragma once
// Exact and near-duplicate grouping, shared by corpora (over tweets) and by duplicate
// signatures merged from many corpora (over their signatures).

#include <tweetdigest/ingest.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace td::ingest {

// Likes, retweets, replies, quotes and bookmarks.
inline std::uint64_t metrics_engagement(const Metrics& m) noexcept {
    return m.likes + m.retweets + m.replies + m.quotes + m.bookmarks;
}

// The versions older than this one of an edited tweet: those its (chronological) edit history
// lists before its own id; none when the history does not name it.
inline std::span<const std::string> older_versions(const Tweet& tweet) {
    const auto& history = tweet.edit_history_ids;
    const auto self = std::find(history.begin(), history.end(), tweet.id);
    if (self == history.end()) return {};
    return {history.begin(), self};
}

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
// representative first, then the others in index order. Runs on `threads` threads (0: one per
// core); the groups do not depend on it.
std::vector<std::vector<std::size_t>> duplicate_groups(const std::vector<GroupingKey>& keys, int max_distance,
                                                       std::size_t threads = 1);

}  // namespace td::ingest
