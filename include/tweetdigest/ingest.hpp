#pragma once
// Reading tweets: format detection, streaming readers, normalisation, dedupe, local-day windows.

#include <tweetdigest/common.hpp>
#include <tweetdigest/export.h>
#include <tweetdigest/text.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace td {

struct TD_API Author {
    std::string id;
    std::string username;
    std::string name;
    std::uint64_t followers = 0;
    friend bool operator==(const Author&, const Author&) = default;
};

struct TD_API Metrics {
    std::uint64_t likes = 0;
    std::uint64_t retweets = 0;
    std::uint64_t replies = 0;
    std::uint64_t quotes = 0;
    std::uint64_t impressions = 0;
    std::uint64_t bookmarks = 0;
    friend bool operator==(const Metrics&, const Metrics&) = default;
};

struct TD_API Tweet {
    std::string id;               // decimal digits as given by the source
    bool id_approximate = false;  // the source lost precision (e.g. "1.64e+18" in a CSV)
    std::int64_t created_at = 0;  // Unix seconds, UTC
    LocalDate local_date;         // created_at in the corpus time zone
    Author author;
    std::string text;             // original text for display (HTML entities decoded, long form)
    std::string analysis_text;    // normalize_for_analysis(text) with the tweet's URL expansions
    std::string lang;
    Metrics metrics;
    std::string conversation_id;
    std::string reply_to_id;
    std::string retweet_of_id;    // non-empty when this tweet is a retweet
    std::string quote_of_id;      // non-empty when this tweet quotes another
    std::vector<Entity> entities;  // extracted from `text`
    std::vector<std::string> edit_history_ids;
    // Duplicate grouping: the representative of a group carries the group size.
    std::string dup_group;          // id of the group's representative
    std::uint32_t dup_count = 1;    // tweets in the group (1 = unique)
    std::uint32_t retweets_seen = 0;  // retweets of this tweet collapsed onto it
    // For a retweet: the retweeted tweet as the source embedded it (v2 includes.tweets, the
    // flattened form, v1.1 retweeted_status), when present. It stands in for an absent original.
    std::shared_ptr<const Tweet> original;

    bool is_retweet() const noexcept { return !retweet_of_id.empty(); }
    bool is_quote() const noexcept { return !quote_of_id.empty(); }
    // https://x.com/<username>/status/<id> (or /i/web/status/<id> without a username);
    // empty when the id is approximate, since no link can be built from it.
    std::string url() const;
    // Field by field; `original` compares as a pointer.
    friend bool operator==(const Tweet&, const Tweet&) = default;
};

enum class InputFormat { automatic, v2, v1, archive, csv };
TD_API InputFormat parse_input_format(std::string_view name);  // "auto", "v2", ...; throws Error
TD_API const char* to_string(InputFormat format) noexcept;

struct TD_API ReadOptions {
    InputFormat format = InputFormat::automatic;
    std::string time_zone = "Asia/Shanghai";
    std::optional<LocalDate> from;  // inclusive local day
    std::optional<LocalDate> to;    // inclusive local day
    bool collapse_retweets = true;
    bool dedupe = true;
    // Hamming distance (of 64) at or below which two SimHash signatures are near-duplicates.
    int near_duplicate_distance = 3;
    // Threads read_corpus and build_corpus work on (0: one per core). The corpus does not depend on it.
    std::size_t threads = 0;
};

struct TD_API CorpusCounts {
    std::uint64_t read = 0;        // records that parsed as tweets
    std::uint64_t kept = 0;        // tweets in the corpus after windowing and dedupe
    std::uint64_t duplicates = 0;  // folded into another tweet: near/exact copies, repeated ids, old edits
    std::uint64_t retweets = 0;    // retweets collapsed onto their original
    std::uint64_t out_of_window = 0;
    std::uint64_t errors = 0;      // records that produced an error diagnostic
};

// The tweets of a time window, ready for analysis, with everything that went wrong on the way.
struct TD_API Corpus {
    std::string time_zone;
    std::optional<LocalDate> from;
    std::optional<LocalDate> to;
    std::vector<Tweet> tweets;  // representatives only, ordered by (created_at, id)
    std::vector<Diagnostic> diagnostics;
    CorpusCounts counts;
};

// Streaming: calls on_tweet for every tweet (before windowing/dedupe) and on_diagnostic for every
// problem, in input order. Memory stays bounded by one record. Throws Error only when the source
// itself cannot be opened; "-" reads standard input. Formats are detected from the content
// (gzip by its magic bytes); diagnostics' lines and byte offsets count decompressed bytes.
TD_API void read_tweets(const std::string& path, const ReadOptions& options,
                        const std::function<void(Tweet&&)>& on_tweet,
                        const std::function<void(Diagnostic&&)>& on_diagnostic);
TD_API void read_tweets_from_memory(std::string_view data, const std::string& source_name,
                                    const ReadOptions& options,
                                    const std::function<void(Tweet&&)>& on_tweet,
                                    const std::function<void(Diagnostic&&)>& on_diagnostic);

// Convenience: read every path, window by local day, collapse retweets, dedupe. Tweets outside
// the window are dropped while reading, so memory follows the window rather than the input.
// A path that cannot be read becomes an error diagnostic; the other paths are still read.
TD_API Corpus read_corpus(const std::vector<std::string>& paths, const ReadOptions& options = {});
TD_API Corpus read_corpus_from_memory(std::string_view data, const std::string& source_name,
                                      const ReadOptions& options = {});
// Window, collapse and dedupe tweets that were already read.
TD_API Corpus build_corpus(std::vector<Tweet> tweets, std::vector<Diagnostic> diagnostics,
                           const ReadOptions& options);

// What duplicate grouping looks at in one tweet of a corpus. Signatures of corpora read from parts
// of one input (dedupe off) merge and cluster as that input's corpus groups its tweets, so the
// grouping can be worked out where the parts are read, without the texts.
struct TD_API DuplicateSignature {
    std::string id;
    bool id_approximate = false;
    std::int64_t created_at = 0;
    std::uint64_t engagement = 0;     // likes, retweets, replies, quotes and bookmarks
    std::uint32_t retweets_seen = 0;  // retweets collapsed onto the tweet
    std::optional<std::uint64_t> simhash;  // of the analysis text; none when that is empty
    std::vector<std::string> superseded_ids;  // older versions named by its edit history
    friend bool operator==(const DuplicateSignature&, const DuplicateSignature&) = default;
};

// Tweets of the same content, as duplicate grouping forms them.
struct TD_API DuplicateCluster {
    std::vector<std::string> ids;     // the representative first, then the others
    std::uint64_t retweets_seen = 0;  // of all of them
    friend bool operator==(const DuplicateCluster&, const DuplicateCluster&) = default;
};

// The signatures of the corpus' tweets, in corpus order.
TD_API std::vector<DuplicateSignature> duplicate_signatures(const Corpus& corpus);
// The signatures of two parts of an input, `first` the earlier: a tweet in both (same exact id)
// becomes one, the copy with more engagement (the earlier on a tie) with the retweets of both;
// a tweet that a later version's edit history names is dropped.
TD_API std::vector<DuplicateSignature> merge_duplicate_signatures(std::vector<DuplicateSignature> first,
                                                                  std::vector<DuplicateSignature> second);
// The clusters of equal or near (within max_distance bits) signatures, ordered by their
// representatives' (created_at, id); a tweet without a signature is a cluster of its own.
// Found on `threads` threads (0: one per core); the clusters do not depend on it.
TD_API std::vector<DuplicateCluster> duplicate_clusters(const std::vector<DuplicateSignature>& signatures,
                                                        int max_distance = 3, std::size_t threads = 0);
// As JSON: an array of {"id", "id_approximate", "created_at", "engagement", "retweets_seen",
// "simhash" (16 lowercase hex digits or null), "superseded_ids"}. Parsing throws Error(parse)
// naming the element and field at fault.
TD_API std::string duplicate_signatures_to_json(const std::vector<DuplicateSignature>& signatures);
TD_API std::vector<DuplicateSignature> duplicate_signatures_from_json(std::string_view json);

// One normalised tweet as a JSON object (the `ingest --jsonl` line format).
TD_API std::string tweet_to_json(const Tweet& tweet);

}  // namespace td
