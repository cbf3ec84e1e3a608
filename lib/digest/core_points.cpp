// Core points: one per topic cluster, chosen by maximal marginal relevance so that no two points
// say the same thing.

#include "digest/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace td::digest {
namespace {

constexpr double relevance_weight = 0.7;   // MMR lambda
constexpr double redundant_cosine = 0.5;   // a candidate this close to a chosen point is dropped
constexpr double redundant_overlap = 0.34; // ... and so is one sharing this share of top terms
constexpr std::size_t candidate_pool = 60;
constexpr std::size_t compared_terms = 5;
constexpr std::size_t signature_terms = 12;

double term_overlap(const Cluster& a, const Cluster& b) {
    const std::size_t na = std::min(a.top_terms.size(), compared_terms);
    const std::size_t nb = std::min(b.top_terms.size(), compared_terms);
    const std::set<TermId> left(a.top_terms.begin(), a.top_terms.begin() + long(na));
    std::size_t shared = 0;
    for (std::size_t i = 0; i < nb; ++i) shared += left.count(b.top_terms[i]);
    const std::size_t joined = na + nb - shared;
    return joined ? double(shared) / double(joined) : 0.0;
}

bool redundant(const Cluster& candidate, const std::vector<const Cluster*>& chosen) {
    for (const Cluster* c : chosen)
        if (candidate.cosine(*c) > redundant_cosine || term_overlap(candidate, *c) >= redundant_overlap) return true;
    return false;
}

// The pool index MMR picks next, or pool.size() when every candidate is redundant.
std::size_t next_by_mmr(const std::vector<const Cluster*>& pool, const std::vector<const Cluster*>& chosen) {
    std::size_t best = pool.size();
    double best_value = 0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        if (redundant(*pool[i], chosen)) continue;
        double similarity = 0;
        for (const Cluster* c : chosen) similarity = std::max(similarity, pool[i]->cosine(*c));
        const double value = relevance_weight * pool[i]->score - (1 - relevance_weight) * similarity;
        if (best == pool.size() || value > best_value) {
            best = i;
            best_value = value;
        }
    }
    return best;
}

// Clusters in the order they become points: the best-ranked first, the most engaged second
// (unless it repeats the first), then by MMR; redundant clusters never make it.
std::vector<const Cluster*> pick_diverse(const Evidence& evidence, std::size_t wanted) {
    std::vector<const Cluster*> pool = evidence.leading_clusters(candidate_pool);
    const Cluster* most_engaged = nullptr;
    for (const Cluster* c : pool)
        if (!most_engaged || c->engagement > most_engaged->engagement) most_engaged = c;
    std::vector<const Cluster*> chosen;
    std::set<std::string> sentences;
    while (chosen.size() < wanted && !pool.empty()) {
        std::size_t next = pool.size();
        if (chosen.size() == 1 && !redundant(*most_engaged, chosen))
            next = std::size_t(std::find(pool.begin(), pool.end(), most_engaged) - pool.begin());
        if (next == pool.size()) next = next_by_mmr(pool, chosen);
        if (next == pool.size()) break;
        const Cluster* cluster = pool[next];
        pool.erase(pool.begin() + long(next));
        if (sentences.insert(evidence.sentence(evidence.quotable_member(*cluster))).second)
            chosen.push_back(cluster);
    }
    return chosen;
}

// The heaviest centroid terms, L2-normalised, weights rounded so the stored form is stable.
std::vector<WeightedTerm> signature(const Evidence& evidence, const Cluster& cluster) {
    std::vector<std::pair<TermId, double>> weights(cluster.centroid.begin(), cluster.centroid.end());
    std::sort(weights.begin(), weights.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return evidence.clustering.vocabulary[a.first] < evidence.clustering.vocabulary[b.first];
    });
    if (weights.size() > signature_terms) weights.resize(signature_terms);
    double norm2 = 0;
    for (const auto& [id, weight] : weights) norm2 += weight * weight;
    std::vector<WeightedTerm> out;
    if (norm2 <= 0) return out;
    for (const auto& [id, weight] : weights)
        out.push_back({evidence.clustering.vocabulary[id], std::round(weight / std::sqrt(norm2) * 1e4) / 1e4});
    return out;
}

}  // namespace

void add_core_points(const Evidence& evidence, Digest& digest) {
    const std::size_t wanted = evidence.options.core_points;
    for (const Cluster* cluster : pick_diverse(evidence, wanted)) {
        const std::size_t best = evidence.quotable_member(*cluster);
        CorePoint point;
        point.title = evidence.title(*cluster);
        point.terms = evidence.top_terms(*cluster, 5);
        point.tweets = cluster->tweets;
        point.engagement = cluster->engagement;
        point.impact = evidence.impact(*cluster);
        point.signature = signature(evidence, *cluster);
        const std::vector<std::string> shown(point.terms.begin(),
                                             point.terms.begin() + long(std::min<std::size_t>(3, point.terms.size())));
        point.summary.text = evidence.wording.fill(
            "point", {{"sentence", evidence.sentence(best)},
                      {"tweets", std::to_string(cluster->tweets)},
                      {"terms", evidence.wording.join(shown)}});
        point.summary.tweet_ids = cited_ids(evidence, *cluster, best, 3);
        digest.core_points.push_back(std::move(point));
    }
    if (digest.core_points.size() < wanted) {
        digest.core_points_note = evidence.wording.fill(
            "core_note", {{"count", std::to_string(digest.core_points.size())},
                          {"wanted", std::to_string(wanted)}});
    }
}

}  // namespace td::digest
