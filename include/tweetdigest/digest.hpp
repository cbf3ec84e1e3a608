#pragma once
// The daily report as data: sections of the seed posts, each statement linked to its tweets.

#include <tweetdigest/common.hpp>
#include <tweetdigest/export.h>
#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace td {

enum class Language { zh, en };
TD_API Language parse_language(std::string_view name);  // "zh" | "en"; throws Error
TD_API const char* to_string(Language language) noexcept;

enum class Impact { high, medium, low };
TD_API const char* to_string(Impact impact) noexcept;

// A sentence or paragraph of the report and the tweets it was written from.
struct TD_API Statement {
    std::string text;
    std::vector<std::string> tweet_ids;
};

struct TD_API SourceTweet {
    std::string id;
    std::string username;
    std::string url;
};

// ---- Multi-day context: momentum and stories carried forward -----------------------------------

enum class Trend { unknown, rising, stable, falling };  // unknown: no earlier day to compare with
TD_API const char* to_string(Trend trend) noexcept;     // "unknown", "rising", "stable", "falling"
TD_API Trend parse_trend(std::string_view name);        // throws Error(invalid_argument)

struct TD_API DayCount {
    LocalDate date;
    std::uint64_t count = 0;      // documents (tweets or duplicate groups) mentioning it that day
    std::uint64_t documents = 0;  // documents analysed that day
};

// How often a term or topic came up per day, and how the last day compares with the days before:
// a Poisson z-score of the last day's count against the count the earlier days' rate predicts
// for the last day's volume.
struct TD_API Momentum {
    Trend trend = Trend::unknown;
    std::vector<DayCount> days;  // oldest first; the last entry is the digest's own window
    double expected = 0;         // the last day's count expected from the earlier days
    double z = 0;                // (count - expected) / sqrt(max(expected, 1))
};

struct TD_API WeightedTerm {
    std::string key;  // canonical term key
    double weight = 0;
};

enum class StoryStatus { unknown, new_story, continuing };  // unknown: no history was given
TD_API const char* to_string(StoryStatus status) noexcept;  // "unknown", "new", "continuing"

// Whether a core point continues a story of an earlier day's report.
struct TD_API StoryLink {
    StoryStatus status = StoryStatus::unknown;
    LocalDate since;          // continuing: the first day of the story
    std::string since_title;  // continuing: the digest title of that day's post
    LocalDate matched_day;    // continuing: the latest earlier day it matched
    double similarity = 0;    // cosine of the signatures of that match
};

struct TD_API CorePoint {
    std::string title;   // the topic, e.g. "Claude Code"
    Statement summary;   // one sentence
    Impact impact = Impact::medium;
    std::vector<std::string> terms;  // the cluster's top terms (display forms)
    std::uint64_t tweets = 0;        // tweets in the cluster, duplicates included
    double engagement = 0;
    // The cluster's term vector: its heaviest centroid terms, L2-normalised. Stories of different
    // days are matched on it.
    std::vector<WeightedTerm> signature;
    Momentum momentum;  // of the topic's leading terms; trend unknown without history
    StoryLink story;
};

struct TD_API View {
    std::string author;    // display name
    std::string username;  // screen name
    Statement statement;
};

struct TD_API KeyEvent {
    LocalDate date;
    Statement event;
    Impact impact = Impact::medium;
    std::string cue;  // what marked it as an event ("发布", "launch", ...)
};

struct TD_API TickerMention {
    std::string symbol;  // "$NVDA" for stocks and unlisted cashtags, "BTC" for coins
    std::string kind;    // "stock" | "crypto" | "other" (a cashtag the shipped lists do not know)
    std::uint64_t mentions = 0;
    double sentiment = 0;  // -1 .. 1
    Statement representative;
};

struct TD_API Sentiment {
    double positive = 0, neutral = 0, negative = 0;  // shares summing to 1
    std::string label;  // 乐观/谨慎/分歧/中性 or optimistic/cautious/mixed/neutral
};

struct TD_API DigestCounts {
    std::uint64_t tweets = 0;      // tweets read in the window, duplicates and retweets included
    std::uint64_t authors = 0;
    std::uint64_t kept = 0;        // distinct tweets analysed
    std::uint64_t duplicates = 0;
    std::uint64_t retweets = 0;
};

struct TD_API TermTrend {
    std::string key;
    std::string display;
    Momentum momentum;
};

// One day of a range report: where its story comes from.
struct TD_API DaySummary {
    LocalDate date;
    std::string title;                // that day's digest title (the post of the day)
    std::string source;               // "history" (stored day digest) or "input" (read this run)
    std::uint64_t tweets = 0;
    std::vector<std::string> topics;  // titles of the day's leading core points
};

struct TD_API Digest {
    Language language = Language::zh;
    std::string time_zone;
    LocalDate from, to;
    std::int64_t generated_at = 0;  // Unix seconds; drives the front matter's date
    std::string title;              // twitter_ai_YYYYMMDD_YYYYMMDD
    DigestCounts counts;
    Statement overview;
    Sentiment sentiment;
    std::vector<CorePoint> core_points;   // 10 unless the data has fewer distinct topics
    std::string core_points_note;         // says why there are fewer than 10, else empty
    std::vector<View> views;
    std::vector<KeyEvent> events;
    std::vector<TickerMention> tickers;
    Statement tickers_note;               // the "none present" statement when tickers is empty
    std::vector<Statement> ai_analysis;
    std::vector<Statement> finance_analysis;
    std::vector<Statement> conclusions;
    std::string disclaimer;
    std::string wordcloud_image;          // file name of the cloud (see wordcloud_relative_path)
    std::vector<Term> top_terms;          // what the cloud shows
    std::vector<SourceTweet> sources;     // every tweet cited anywhere, in first-cited order
    // With history: the momentum of the leading terms, then of earlier days' leading terms that
    // faded; and, for range reports, one entry per day.
    std::vector<TermTrend> term_trends;
    std::vector<DaySummary> days;
    std::uint64_t new_stories = 0;        // core points whose story is new (with history)
};

// One story of an earlier day's report (a stored core point).
struct TD_API StorySignature {
    std::string title;
    std::vector<WeightedTerm> terms;
    std::vector<std::string> tweet_ids;
    LocalDate since;  // the first day of the story (the day itself when it was new)
};

// What the digest reads from one earlier day (see history.hpp for where it is stored).
struct TD_API PastDay {
    LocalDate date;
    std::string title;  // that day's digest title
    TermFrequencies terms;  // the day's document frequencies (momentum counts)
    std::vector<StorySignature> stories;
    std::vector<std::string> top_terms;  // canonical keys of the day's leading terms
    std::map<std::string, std::string> top_term_display;  // their display forms, where not the key
};

struct TD_API DigestHistory {
    std::vector<PastDay> days;  // oldest first, every one before the digest's window
    // What today's terms are scored against: every term's document frequency added up over the
    // days, and their documents (other counts and per_day are left zero; `background_days` says
    // how many days it covers, see TermOptions::background_days).
    TermStats background;
    std::size_t background_days = 0;
};

struct TD_API DigestOptions {
    Language language = Language::zh;
    std::size_t core_points = 10;
    std::size_t cloud_terms = 150;
    std::int64_t generated_at = 0;  // 0: the end of the window (reproducible output)
    std::string wordcloud_extension = "png";
    TermOptions terms;
    // Earlier days: adds momentum, stories carried forward and term trends. May be null.
    const DigestHistory* history = nullptr;
    double story_threshold = 0.4;   // signature cosine at or above which two stories are one
    std::size_t trend_terms = 12;   // leading terms given a momentum (and as many faded ones at most)
};

// Builds the report for the corpus window. Pure function of its inputs: the same corpus and
// options give the same digest. Tweets are clustered on their TF-IDF term vectors (single pass
// against centroids); clusters rank by log-damped engagement, spread (duplicates and retweets
// count) and LexRank centrality; core points are picked by maximal marginal relevance. Events,
// tickers, sentiment and the AI / finance sections use the word lists in resources/digest/.
// The first form runs analyze_terms(corpus, options.terms) itself.
TD_API Digest build_digest(const Corpus& corpus, const DigestOptions& options = {});
// `terms` must come from this corpus: terms.tweet_terms[i] belongs to corpus.tweets[i].
TD_API Digest build_digest(const Corpus& corpus, const TermAnalysis& terms,
                           const DigestOptions& options);

// Adds the multi-day fields (momentum, stories, term trends, the overview's count of new
// stories) to a digest built from `today` without history. build_digest calls it when
// options.history is set; exposed for callers that compose digests themselves.
TD_API void apply_history(Digest& digest, const TermStats& today, const DigestHistory& history,
                          const DigestOptions& options);

// One report for several days, composed from the day digests and the days' merged term stats
// instead of the tweets: terms ranked from `merged`, core points merged across days by story,
// events, views and tickers gathered from the days. `days` oldest first, one per local day.
TD_API Digest compose_range_digest(const std::vector<Digest>& days, const TermStats& merged,
                                   const DigestOptions& options);

// "twitter_ai_20260125_20260125"
TD_API std::string digest_title(const LocalDate& from, const LocalDate& to);

}  // namespace td
