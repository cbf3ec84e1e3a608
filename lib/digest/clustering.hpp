#pragma once
// Topic clusters over the day's tweets: TF-IDF term vectors, single-pass clustering against
// centroids, then ranking by engagement, spread and LexRank-style centrality.

#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace td::digest {

using TermId = std::uint32_t;

struct SparseVector {
    std::vector<std::pair<TermId, double>> weights;  // by term id, L2-normalised
};

// The sum of a cluster's member vectors: weights in the order their terms first appeared, found
// by term through an open-addressing index. An entry's position never changes.
class Centroid {
public:
    using Entry = std::pair<TermId, double>;
    std::size_t size() const noexcept { return entries_.size(); }
    std::vector<Entry>::const_iterator begin() const noexcept { return entries_.begin(); }
    std::vector<Entry>::const_iterator end() const noexcept { return entries_.end(); }
    // The position of `id`'s entry, appended with weight 0 when absent; second: whether it was.
    std::pair<std::uint32_t, bool> try_emplace(TermId id);
    double& weight_at(std::uint32_t position) noexcept { return entries_[position].second; }
    double weight_at(std::uint32_t position) const noexcept { return entries_[position].second; }
    // The weight of `id`; 0 when the centroid does not hold it.
    double weight_of(TermId id) const noexcept;

private:
    std::size_t slot_of(TermId id) const noexcept;
    void rehash(std::size_t capacity);

    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;  // entry position + 1; 0: empty
};

struct Cluster {
    std::vector<std::size_t> members;  // corpus indices, most representative first
    Centroid centroid;                 // sum of member vectors
    double centroid_norm2 = 0;
    std::vector<TermId> top_terms;  // by centroid weight, terms ranked high by the terms stage first
    std::uint64_t tweets = 0;       // copies seen, duplicates and retweets included
    double engagement = 0;          // sum of members' log-damped engagement
    double centrality = 0;          // LexRank score among the candidate clusters
    double score = 0;               // 0..1, the ranking key

    double cosine(const SparseVector& vector) const;
    double cosine(const Cluster& other) const;
};

struct Clustering {
    std::vector<std::string> vocabulary;  // TermId -> canonical term key
    std::vector<SparseVector> vectors;    // per corpus tweet
    std::vector<Cluster> clusters;        // best first
};

struct ClusterOptions {
    double join_threshold = 0.3;      // cosine to a centroid needed to join its cluster
    std::size_t max_postings = 150;   // a term in more clusters than this proposes none of them
    std::size_t centrality_candidates = 80;
};

Clustering cluster_tweets(const Corpus& corpus, const TermAnalysis& terms,
                          const ClusterOptions& options = {});

}  // namespace td::digest
