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

struct TD_API CorePoint {
    std::string title;   // the topic, e.g. "Claude Code"
    Statement summary;   // one sentence
    Impact impact = Impact::medium;
    std::vector<std::string> terms;  // the cluster's top terms (display forms)
    std::uint64_t tweets = 0;        // tweets in the cluster, duplicates included
    double engagement = 0;
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
};

struct TD_API DigestOptions {
    Language language = Language::zh;
    std::size_t core_points = 10;
    std::size_t cloud_terms = 150;
    std::int64_t generated_at = 0;  // 0: the end of the window (reproducible output)
    std::string wordcloud_extension = "png";
    TermOptions terms;
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

// "twitter_ai_20260125_20260125"
TD_API std::string digest_title(const LocalDate& from, const LocalDate& to);

}  // namespace td
