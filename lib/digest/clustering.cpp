#include "digest/clustering.hpp"

#include "digest/tweet_text.hpp"

#include "common/string_map.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <type_traits>

namespace td::digest {
namespace {

struct Vocabulary {
    std::vector<std::string> keys;
    StringMap<char> ids;  // a key's entry index is its TermId
    std::vector<std::uint64_t> document_frequency;

    TermId intern(const std::string& key) {
        const auto [id, inserted] = ids.try_emplace(key);
        if (inserted) {
            keys.push_back(key);
            document_frequency.push_back(0);
        }
        return TermId(id);
    }
};

std::vector<SparseVector> tf_idf_vectors(const TermAnalysis& terms, std::size_t tweets,
                                         Vocabulary& vocabulary) {
    std::vector<std::vector<TermId>> ids(tweets);
    for (std::size_t i = 0; i < tweets && i < terms.tweet_terms.size(); ++i) {
        for (const std::string& key : terms.tweet_terms[i]) ids[i].push_back(vocabulary.intern(key));
        std::sort(ids[i].begin(), ids[i].end());
        ids[i].erase(std::unique(ids[i].begin(), ids[i].end()), ids[i].end());
        for (TermId id : ids[i]) ++vocabulary.document_frequency[id];
    }
    std::vector<SparseVector> vectors(tweets);
    const double n = double(std::max<std::size_t>(tweets, 1));
    for (std::size_t i = 0; i < tweets; ++i) {
        double norm2 = 0;
        for (TermId id : ids[i]) {
            const double idf = std::log(1.0 + n / double(vocabulary.document_frequency[id]));
            vectors[i].weights.emplace_back(id, idf);
            norm2 += idf * idf;
        }
        const double norm = std::sqrt(norm2);
        for (auto& [id, weight] : vectors[i].weights) weight /= norm;
    }
    return vectors;
}

// Tweets in order of engagement, so that popular tweets seed the clusters.
std::vector<std::size_t> seeding_order(const Corpus& corpus, const std::vector<double>& engagements) {
    std::vector<std::size_t> order(corpus.tweets.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return engagements[a] > engagements[b]; });
    return order;
}

// A cluster holding a term, and the position of that term in the cluster's centroid.
struct Posting {
    std::uint32_t cluster;
    std::uint32_t position;
};
static_assert(std::is_nothrow_move_constructible_v<Cluster>, "growing the cluster vector must move the maps, not copy them");

// Term -> the clusters whose centroid holds it, and the scratch space of one lookup.
struct ClusterIndex {
    std::vector<std::vector<Posting>> postings;
    std::vector<double> partial;          // by cluster; 0 until touched, as all weights are positive
    std::vector<std::uint32_t> touched;   // clusters with a partial, in order of first touch

    explicit ClusterIndex(std::size_t vocabulary_size) : postings(vocabulary_size) {}

    void add_member(std::vector<Cluster>& clusters, std::uint32_t c, std::size_t index, const SparseVector& vector) {
        Cluster& cluster = clusters[c];
        cluster.members.push_back(index);
        for (const auto& [id, weight] : vector.weights) {
            const auto [position, inserted] = cluster.centroid.try_emplace(id);
            if (inserted) postings[id].push_back({c, position});
            double& centroid_weight = cluster.centroid.weight_at(position);
            cluster.centroid_norm2 += 2 * centroid_weight * weight + weight * weight;
            centroid_weight += weight;
        }
        if (partial.size() < clusters.size()) partial.resize(clusters.size(), 0.0);
    }

    // The cluster the vector is most similar to, if that similarity reaches the threshold.
    // Candidates come from the postings of the vector's terms; their partial dot products (over
    // those terms) shortlist a few whose exact cosine decides.
    std::optional<std::uint32_t> best_cluster(const SparseVector& vector, const std::vector<Cluster>& clusters,
                                              const ClusterOptions& options) {
        for (const auto& [id, weight] : vector.weights) {
            if (postings[id].size() > options.max_postings) continue;  // a term every topic shares
            for (const Posting& posting : postings[id]) {
                if (partial[posting.cluster] == 0.0) touched.push_back(posting.cluster);
                partial[posting.cluster] += weight * clusters[posting.cluster].centroid.weight_at(posting.position);
            }
        }
        std::vector<std::pair<double, std::uint32_t>> shortlist;
        shortlist.reserve(touched.size());
        for (std::uint32_t c : touched) {
            shortlist.emplace_back(partial[c] / std::sqrt(clusters[c].centroid_norm2), c);
            partial[c] = 0.0;
        }
        touched.clear();
        const std::size_t keep = std::min<std::size_t>(shortlist.size(), 8);
        std::partial_sort(shortlist.begin(), shortlist.begin() + long(keep), shortlist.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        std::optional<std::uint32_t> best;
        double best_similarity = options.join_threshold;
        for (std::size_t i = 0; i < keep; ++i) {
            const double similarity = clusters[shortlist[i].second].cosine(vector);
            if (similarity >= best_similarity && (!best || similarity > best_similarity || shortlist[i].second < *best)) {
                best = shortlist[i].second;
                best_similarity = similarity;
            }
        }
        return best;
    }
};

std::vector<Cluster> single_pass(const std::vector<SparseVector>& vectors, const Vocabulary& vocabulary,
                                 const std::vector<std::size_t>& order, const ClusterOptions& options) {
    std::vector<Cluster> clusters;
    ClusterIndex index(vocabulary.keys.size());
    for (std::size_t tweet : order) {
        const SparseVector& vector = vectors[tweet];
        if (vector.weights.empty()) continue;
        const std::uint32_t c = index.best_cluster(vector, clusters, options).value_or(std::uint32_t(clusters.size()));
        if (c == clusters.size()) clusters.emplace_back();
        index.add_member(clusters, c, tweet, vector);
    }
    return clusters;
}

// Terms the terms stage ranked high name a cluster better than equally frequent ordinary words.
std::vector<double> naming_boost(const TermAnalysis& terms, const Vocabulary& vocabulary) {
    std::vector<double> boost(vocabulary.keys.size(), 1.0);
    for (std::size_t rank = 0; rank < terms.ranked.size(); ++rank) {
        const std::size_t id = vocabulary.ids.find(terms.ranked[rank].key);
        if (id != vocabulary.ids.npos) boost[id] = std::max(boost[id], 1.0 + 2.0 / (1.0 + double(rank) / 10.0));
    }
    return boost;
}

void describe(Cluster& cluster, const Corpus& corpus, const std::vector<SparseVector>& vectors,
              const std::vector<double>& engagements, const std::vector<double>& boost) {
    std::vector<double> representativeness(cluster.members.size());
    for (std::size_t i = 0; i < cluster.members.size(); ++i) {
        const std::size_t index = cluster.members[i];
        representativeness[i] = cluster.cosine(vectors[index]) * (1.0 + engagements[index]);
        cluster.tweets += copies(corpus.tweets[index]);
        cluster.engagement += engagements[index];
    }
    std::vector<std::size_t> order(cluster.members.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return representativeness[a] > representativeness[b];
    });
    std::vector<std::size_t> members;
    for (std::size_t i : order) members.push_back(cluster.members[i]);
    cluster.members = std::move(members);

    std::vector<std::pair<TermId, double>> weights;
    for (const auto& [id, weight] : cluster.centroid) weights.emplace_back(id, weight * boost[id]);
    std::sort(weights.begin(), weights.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (std::size_t i = 0; i < weights.size() && i < 8; ++i) cluster.top_terms.push_back(weights[i].first);
}

// LexRank over the candidate clusters: PageRank on the graph weighted by centroid cosine.
void lexrank(std::vector<Cluster*>& candidates) {
    const std::size_t n = candidates.size();
    if (n == 0) return;
    std::vector<std::vector<double>> similarity(n, std::vector<double>(n, 0.0));
    std::vector<double> row_sum(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double s = candidates[i]->cosine(*candidates[j]);
            similarity[i][j] = similarity[j][i] = s;
            row_sum[i] += s;
            row_sum[j] += s;
        }
    constexpr double damping = 0.85;
    std::vector<double> rank(n, 1.0 / double(n)), next(n);
    for (int iteration = 0; iteration < 50; ++iteration) {
        double dangling = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (row_sum[j] == 0) dangling += rank[j];
        for (std::size_t i = 0; i < n; ++i) {
            double incoming = dangling / double(n);
            for (std::size_t j = 0; j < n; ++j)
                if (row_sum[j] > 0) incoming += similarity[j][i] / row_sum[j] * rank[j];
            next[i] = (1 - damping) / double(n) + damping * incoming;
        }
        rank.swap(next);
    }
    for (std::size_t i = 0; i < n; ++i) candidates[i]->centrality = rank[i];
}

void rank_clusters(std::vector<Cluster>& clusters, const ClusterOptions& options) {
    // A first ordering without centrality picks the candidates LexRank runs on.
    auto pre_score = [](const Cluster& c) { return c.engagement + std::log1p(double(c.tweets)); };
    std::stable_sort(clusters.begin(), clusters.end(),
                     [&](const Cluster& a, const Cluster& b) { return pre_score(a) > pre_score(b); });
    std::vector<Cluster*> candidates;
    for (std::size_t i = 0; i < clusters.size() && i < options.centrality_candidates; ++i)
        candidates.push_back(&clusters[i]);
    lexrank(candidates);

    double max_engagement = 0, max_spread = 0, max_centrality = 0;
    for (const Cluster& c : clusters) {
        max_engagement = std::max(max_engagement, c.engagement);
        max_spread = std::max(max_spread, std::log1p(double(c.tweets)));
        max_centrality = std::max(max_centrality, c.centrality);
    }
    auto share = [](double value, double max) { return max > 0 ? value / max : 0.0; };
    for (Cluster& c : clusters) {
        c.score = 0.45 * share(c.engagement, max_engagement) +
                  0.35 * share(std::log1p(double(c.tweets)), max_spread) +
                  0.20 * share(c.centrality, max_centrality);
    }
    std::stable_sort(clusters.begin(), clusters.end(),
                     [](const Cluster& a, const Cluster& b) { return a.score > b.score; });
}

}  // namespace

std::size_t Centroid::slot_of(TermId id) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = std::size_t((std::uint64_t(id) * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slots_[at] != 0 && entries_[slots_[at] - 1].first != id) at = (at + 1) & mask;
    return at;
}

void Centroid::rehash(std::size_t capacity) {
    slots_.assign(capacity, 0);
    for (std::size_t i = 0; i < entries_.size(); ++i) slots_[slot_of(entries_[i].first)] = std::uint32_t(i + 1);
}

std::pair<std::uint32_t, bool> Centroid::try_emplace(TermId id) {
    if ((entries_.size() + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 8 : slots_.size() * 2);
    const std::size_t at = slot_of(id);
    if (slots_[at] != 0) return {slots_[at] - 1, false};
    entries_.emplace_back(id, 0.0);
    slots_[at] = std::uint32_t(entries_.size());
    return {std::uint32_t(entries_.size() - 1), true};
}

double Centroid::weight_of(TermId id) const noexcept {
    if (slots_.empty()) return 0;
    const std::uint32_t slot = slots_[slot_of(id)];
    return slot == 0 ? 0 : entries_[slot - 1].second;
}

double Cluster::cosine(const SparseVector& vector) const {
    if (centroid_norm2 <= 0) return 0;
    double dot = 0;
    for (const auto& [id, weight] : vector.weights) dot += centroid.weight_of(id) * weight;
    return dot / std::sqrt(centroid_norm2);
}

double Cluster::cosine(const Cluster& other) const {
    if (centroid_norm2 <= 0 || other.centroid_norm2 <= 0) return 0;
    const Cluster& small = centroid.size() <= other.centroid.size() ? *this : other;
    const Cluster& large = &small == this ? other : *this;
    double dot = 0;
    for (const auto& [id, weight] : small.centroid) dot += large.centroid.weight_of(id) * weight;
    return dot / std::sqrt(centroid_norm2 * other.centroid_norm2);
}

Clustering cluster_tweets(const Corpus& corpus, const TermAnalysis& terms, const ClusterOptions& options) {
    Vocabulary vocabulary;
    Clustering result;
    result.vectors = tf_idf_vectors(terms, corpus.tweets.size(), vocabulary);
    std::vector<double> engagements;
    engagements.reserve(corpus.tweets.size());
    for (const Tweet& tweet : corpus.tweets) engagements.push_back(engagement(tweet));
    result.clusters = single_pass(result.vectors, vocabulary, seeding_order(corpus, engagements), options);
    const std::vector<double> boost = naming_boost(terms, vocabulary);
    for (Cluster& cluster : result.clusters) describe(cluster, corpus, result.vectors, engagements, boost);
    rank_clusters(result.clusters, options);
    result.vocabulary = std::move(vocabulary.keys);
    return result;
}

}  // namespace td::digest
