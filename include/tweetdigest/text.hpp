#pragma once
// twitter-text: entity extraction, validation, weighted length, hit highlighting and
// normalisation for analysis. Invalid UTF-8 never throws: invalid bytes are ordinary characters
// that belong to no entity (each counts as one code point and one UTF-16 unit).

#include <tweetdigest/export.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace td {

enum class EntityKind { url, hashtag, mention, list, cashtag };

// One entity in a text. Indices are half-open and given three ways: UTF-8 bytes (for slicing in
// C++), Unicode code points and UTF-16 code units (twitter-text and the X API use the latter two).
struct TD_API Entity {
    EntityKind kind = EntityKind::url;
    std::string value;      // hashtag/cashtag/mention without sigil; list: the owner's screen name; URL as written
    std::string list_slug;  // "/slug" for list entities, empty otherwise
    std::size_t byte_begin = 0, byte_end = 0;
    std::size_t begin = 0, end = 0;            // code points
    std::size_t begin_utf16 = 0, end_utf16 = 0;  // UTF-16 code units
    friend bool operator==(const Entity&, const Entity&) = default;
};

TD_API const char* to_string(EntityKind kind) noexcept;

// All entities in text order, overlapping candidates resolved as twitter-text does.
TD_API std::vector<Entity> extract_entities(std::string_view text);
TD_API std::vector<Entity> extract_urls(std::string_view text);
TD_API std::vector<Entity> extract_hashtags(std::string_view text);  // without those inside URLs
TD_API std::vector<Entity> extract_cashtags(std::string_view text);
TD_API std::vector<Entity> extract_mentions(std::string_view text);  // mentions only, no lists
TD_API std::vector<Entity> extract_mentions_or_lists(std::string_view text);
// The screen name a tweet replies to ("@user ..." at the start), or empty.
TD_API std::string extract_reply_username(std::string_view text);

// The weighting rules of a twitter-text configuration file (v2.json, v3.json).
struct TD_API WeightRange {
    char32_t first = 0, last = 0;  // inclusive
    int weight = 0;
};
struct TD_API TextConfig {
    int max_weighted_length = 280;
    int scale = 100;
    int default_weight = 200;
    int transformed_url_length = 23;
    bool emoji_parsing = false;
    std::vector<WeightRange> ranges;

    // Parses a configuration in twitter-text's JSON form; throws Error(parse) when malformed.
    static TextConfig parse(std::string_view json);
    static const TextConfig& v1();  // the legacy rule: 140 code points, URLs as 23
    static const TextConfig& v2();  // embedded copies of the official files
    static const TextConfig& v3();  // the current one: emoji count as 2, CJK as 2, URLs as 23
};

// Weighted length and validity (twitter-text parseTweet).
struct TD_API TweetLength {
    int weighted_length = 0;
    int permillage = 0;
    bool valid = false;
    std::size_t display_range_end = 0;  // last code-unit index (UTF-16) of the text, inclusive
    std::size_t valid_range_end = 0;    // last UTF-16 index that still fits, inclusive
};
TD_API TweetLength weighted_length(std::string_view text);  // with TextConfig::v3()
TD_API TweetLength weighted_length(std::string_view text, const TextConfig& config);

// twitter-text Validator: a whole text that is exactly one valid entity (or a valid tweet).
TD_API bool is_valid_tweet(std::string_view text);  // with TextConfig::v3()
TD_API bool is_valid_tweet(std::string_view text, const TextConfig& config);
TD_API bool is_valid_username(std::string_view text);  // "@name"
TD_API bool is_valid_list(std::string_view text);      // "@owner/slug"
TD_API bool is_valid_hashtag(std::string_view text);   // "#tag"
// RFC 3986 URL with an http(s) scheme (or none when require_protocol is false) and a valid host.
TD_API bool is_valid_url(std::string_view text, bool require_protocol = true);

// Wraps the code-point ranges `hits` of the text outside HTML tags in <em>...</em>, closing and
// reopening around tags so the output stays well nested (twitter-text HitHighlighter).
using HitRange = std::pair<std::size_t, std::size_t>;
TD_API std::string highlight_hits(std::string_view text, const std::vector<HitRange>& hits);

// Text for analysis: HTML entities decoded once, NFKC, t.co links replaced by their expansion
// (pairs of short, expanded) or removed, whitespace collapsed. The original is kept for display.
struct TD_API UrlExpansion {
    std::string short_url;
    std::string expanded_url;
};
TD_API std::string normalize_for_analysis(std::string_view text,
                                          const std::vector<UrlExpansion>& expansions = {});
// Decode &amp; &lt; &gt; &quot; &apos; &#39;, the common named entities and numeric
// references, once: "&amp;lt;" becomes "&lt;".
TD_API std::string decode_html_entities(std::string_view text);

}  // namespace td
