#pragma once
// twitter-text: entity extraction, weighted length, normalisation for analysis.

#include <tweetdigest/export.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace td {

enum class EntityKind { url, hashtag, mention, list, cashtag };

// One entity in a text. Indices are half-open and given three ways: UTF-8 bytes (for slicing in
// C++), Unicode code points and UTF-16 code units (twitter-text and the X API use the latter two).
struct TD_API Entity {
    EntityKind kind = EntityKind::url;
    std::string value;      // hashtag/cashtag/mention without sigil; list "user/slug" owner; URL as written
    std::string list_slug;  // "/slug" for list entities, empty otherwise
    std::size_t byte_begin = 0, byte_end = 0;
    std::size_t begin = 0, end = 0;            // code points
    std::size_t begin_utf16 = 0, end_utf16 = 0;  // UTF-16 code units
};

TD_API const char* to_string(EntityKind kind) noexcept;

// All entities in text order, overlapping candidates resolved as twitter-text does.
TD_API std::vector<Entity> extract_entities(std::string_view text);
TD_API std::vector<Entity> extract_urls(std::string_view text);
TD_API std::vector<Entity> extract_hashtags(std::string_view text);
TD_API std::vector<Entity> extract_cashtags(std::string_view text);
TD_API std::vector<Entity> extract_mentions(std::string_view text);  // mentions only, no lists
TD_API std::vector<Entity> extract_mentions_or_lists(std::string_view text);
// The screen name a tweet replies to ("@user ..." at the start), or empty.
TD_API std::string extract_reply_username(std::string_view text);

// Weighted length and validity with the v3 configuration (twitter-text parseTweet).
struct TD_API TweetLength {
    int weighted_length = 0;
    int permillage = 0;
    bool valid = false;
    std::size_t display_range_end = 0;  // last code-unit index (UTF-16) of the text, inclusive
    std::size_t valid_range_end = 0;    // last UTF-16 index that still fits, inclusive
};
TD_API TweetLength weighted_length(std::string_view text);

// Text for analysis: HTML entities decoded once, NFKC, t.co links replaced by their expansion
// (pairs of short, expanded) or removed, whitespace collapsed. The original is kept for display.
struct TD_API UrlExpansion {
    std::string short_url;
    std::string expanded_url;
};
TD_API std::string normalize_for_analysis(std::string_view text,
                                          const std::vector<UrlExpansion>& expansions = {});
// Decode &amp; &lt; &gt; &quot; &#39; and numeric references, once.
TD_API std::string decode_html_entities(std::string_view text);

}  // namespace td
