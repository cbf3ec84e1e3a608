#include "digest/evidence.hpp"

#include "digest/sentiment.hpp"
#include "digest/tweet_text.hpp"

#include <algorithm>

namespace td::digest {

TweetSignalsWork::TweetSignalsWork(const Corpus& corpus, const Lexicons& lexicons) : corpus_(corpus), lexicons_(lexicons) {
    const std::size_t count = corpus.tweets.size();
    signals_.sentiment.resize(count);
    signals_.quotable.resize(count);
    signals_.event_cue.resize(count);
    signals_.tickers.resize(count);
}

std::size_t TweetSignalsWork::chunks() const noexcept { return (corpus_.tweets.size() + chunk_size - 1) / chunk_size; }

void TweetSignalsWork::compute(std::size_t chunk) {
    const std::size_t end = std::min(corpus_.tweets.size(), (chunk + 1) * chunk_size);
    for (std::size_t i = chunk * chunk_size; i < end; ++i) {
        const std::string& text = corpus_.tweets[i].text;
        signals_.sentiment[i] = sentiment_score(lexicons_, text);
        signals_.quotable[i] = !quotable_sentence(text).empty();
        const std::vector<PhraseMatch> cues = lexicons_.events.find_all(text);
        signals_.event_cue[i] = cues.empty() ? -1 : int(cues.front().payload);
        signals_.tickers[i] = mentioned_tickers(lexicons_, corpus_.tweets[i]);
    }
}

Evidence::Evidence(const Corpus& corpus_, const TermAnalysis& terms_, const Clustering& clustering_,
                   const Lexicons& lexicons_, const DigestOptions& options_, TweetSignals signals)
    : TweetSignals(std::move(signals)), corpus(corpus_), terms(terms_), clustering(clustering_), lexicons(lexicons_),
      wording(Wording::get(options_.language)), options(options_) {}

std::string Evidence::display(TermId term) const {
    const std::string& key = clustering.vocabulary[term];
    const auto found = terms.stats.display.find(key);
    return found != terms.stats.display.end() && !found->second.empty() ? found->second : key;
}

std::vector<std::string> Evidence::top_terms(const Cluster& cluster, std::size_t count) const {
    std::vector<std::string> out;
    for (TermId term : cluster.top_terms) {
        if (out.size() == count) break;
        out.push_back(display(term));
    }
    return out;
}

std::string Evidence::title(const Cluster& cluster) const {
    const std::vector<std::string> leading = top_terms(cluster, 2);
    if (leading.empty()) return {};
    if (leading.size() == 1 || leading[0].find(leading[1]) != std::string::npos ||
        leading[1].find(leading[0]) != std::string::npos)
        return leading[0];
    return wording.join(leading);
}

std::string Evidence::sentence(std::size_t index, std::size_t max_chars) const {
    return quotable_sentence(tweet(index).text, max_chars);
}

std::size_t Evidence::quotable_member(const Cluster& cluster) const {
    for (std::size_t member : cluster.members)
        if (quotable[member]) return member;
    return cluster.members.front();
}

Impact Evidence::impact(const Cluster& cluster) const {
    const double best = clustering.clusters.empty() ? 0 : clustering.clusters.front().score;
    if (best <= 0 || cluster.score >= 0.6 * best) return Impact::high;
    if (cluster.score >= 0.3 * best) return Impact::medium;
    return Impact::low;
}

std::vector<const Cluster*> Evidence::leading_clusters(std::size_t count) const {
    std::vector<const Cluster*> out;
    for (const Cluster& cluster : clustering.clusters) {
        if (out.size() == count) break;
        if (!cluster.top_terms.empty()) out.push_back(&cluster);
    }
    return out;
}

std::vector<std::string> cited_ids(const Evidence& evidence, const Cluster& cluster, std::size_t first,
                                   std::size_t count) {
    std::vector<std::string> ids{evidence.tweet(first).id};
    for (std::size_t member : cluster.members) {
        if (ids.size() >= count) break;
        if (member != first) ids.push_back(evidence.tweet(member).id);
    }
    return ids;
}

}  // namespace td::digest
