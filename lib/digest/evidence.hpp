#pragma once
// What every section of the digest reads: the corpus, its clusters and the shipped word lists.

#include "digest/clustering.hpp"
#include "digest/lexicons.hpp"
#include "digest/wording.hpp"

#include <tweetdigest/digest.hpp>

#include <string>
#include <vector>

namespace td::digest {

// What the sections read of each corpus tweet by itself, whatever its cluster.
struct TweetSignals {
    std::vector<int> sentiment;      // positive minus negative words
    std::vector<char> quotable;      // quotable_sentence() of its text is not empty
    std::vector<int> event_cue;      // index of its first event cue in lexicons.event_cues, or -1
    std::vector<std::vector<std::pair<std::string, std::string>>> tickers;  // symbol, kind
};

// The signals of a corpus, computed in chunks of tweets that threads may take in any order.
class TweetSignalsWork {
public:
    TweetSignalsWork(const Corpus& corpus, const Lexicons& lexicons);
    std::size_t chunks() const noexcept;
    // Safe to call from several threads at once for different chunks.
    void compute(std::size_t chunk);
    TweetSignals take() && { return std::move(signals_); }

private:
    static constexpr std::size_t chunk_size = 2048;
    const Corpus& corpus_;
    const Lexicons& lexicons_;
    TweetSignals signals_;
};

struct Evidence : TweetSignals {
    const Corpus& corpus;
    const TermAnalysis& terms;
    const Clustering& clustering;
    const Lexicons& lexicons;
    const Wording& wording;
    const DigestOptions& options;

    Evidence(const Corpus& corpus, const TermAnalysis& terms, const Clustering& clustering,
             const Lexicons& lexicons, const DigestOptions& options, TweetSignals signals);

    const Tweet& tweet(std::size_t index) const { return corpus.tweets[index]; }
    std::string display(TermId term) const;
    std::vector<std::string> top_terms(const Cluster& cluster, std::size_t count) const;
    std::string title(const Cluster& cluster) const;  // one or two leading terms
    std::string sentence(std::size_t tweet, std::size_t max_chars = 120) const;
    // The best member whose text makes a non-empty sentence (the first member otherwise).
    std::size_t quotable_member(const Cluster& cluster) const;
    Impact impact(const Cluster& cluster) const;
    // Clusters in rank order that have terms, at most `count`.
    std::vector<const Cluster*> leading_clusters(std::size_t count) const;
};

// The ticker symbols a tweet mentions as the report names them ("$NVDA", "BTC"), each once in
// symbol order, with their kind ("stock", "crypto", "other").
std::vector<std::pair<std::string, std::string>> mentioned_tickers(const Lexicons& lexicons, const Tweet& tweet);

// Ids of the first `count` members of a cluster, starting with `first`.
std::vector<std::string> cited_ids(const Evidence& evidence, const Cluster& cluster, std::size_t first,
                                   std::size_t count);

void add_core_points(const Evidence& evidence, Digest& digest);
void add_views(const Evidence& evidence, Digest& digest);
void add_events(const Evidence& evidence, Digest& digest);
void add_tickers(const Evidence& evidence, Digest& digest);
void add_topic_analysis(const Evidence& evidence, Digest& digest);
void add_summary(const Evidence& evidence, Digest& digest);      // overview and sentiment
void add_conclusions(const Evidence& evidence, Digest& digest);  // after every other section
void add_conclusions(const Wording& wording, Digest& digest);    // from the digest's sections alone
// Appends the first tweet `statement` cites, if it cites any: a digest read back from JSON (a
// stored day) may hold a statement that cites none.
void cite_first(const Statement& statement, std::vector<std::string>& ids);
// "positive", "negative", "mixed" or "neutral": the wording keys label_* and advice_*.
std::string_view mood(const Sentiment& sentiment);

}  // namespace td::digest
