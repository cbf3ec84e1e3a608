// The overview paragraph, the day's sentiment and the conclusions drawn from the top clusters.

#include "digest/evidence.hpp"
#include "digest/tweet_text.hpp"

#include <algorithm>

namespace td::digest {
namespace {

// Shares at which the mood counts as leaning one way, or as divided.
constexpr double leaning_margin = 0.10;
constexpr double divided_share = 0.15;
constexpr double divided_balance = 0.6;

}  // namespace

std::string_view mood(const Sentiment& s) {
    const double high = std::max(s.positive, s.negative), low = std::min(s.positive, s.negative);
    if (low >= divided_share && low >= divided_balance * high) return "mixed";
    if (s.positive - s.negative >= leaning_margin) return "positive";
    if (s.negative - s.positive >= leaning_margin) return "negative";
    return "neutral";
}

namespace {

Sentiment measure_sentiment(const Evidence& evidence) {
    Sentiment s;
    double total = 0;
    for (std::size_t i = 0; i < evidence.corpus.tweets.size(); ++i) {
        const double weight = double(copies(evidence.tweet(i)));
        total += weight;
        (evidence.sentiment[i] > 0 ? s.positive : evidence.sentiment[i] < 0 ? s.negative : s.neutral) += weight;
    }
    if (total > 0) {
        s.positive /= total;
        s.neutral /= total;
        s.negative /= total;
    } else {
        s.neutral = 1;
    }
    s.label = evidence.wording.text("label_" + std::string(mood(s)));
    return s;
}

}  // namespace

void add_summary(const Evidence& evidence, Digest& digest) {
    digest.sentiment = measure_sentiment(evidence);
    const Fields window = {{"from", digest.from.to_string()}, {"to", digest.to.to_string()}};
    const std::vector<const Cluster*> leading = evidence.leading_clusters(3);
    if (leading.empty()) {
        digest.overview = {evidence.wording.fill("overview_empty", window), {}};
        return;
    }
    std::vector<std::string> topics, ids;
    for (const Cluster* cluster : leading) {
        topics.push_back(evidence.wording.fill("quoted", {{"text", evidence.title(*cluster)}}));
        ids.push_back(evidence.tweet(evidence.quotable_member(*cluster)).id);
    }
    Fields fields = window;
    fields.insert(fields.end(), {{"tweets", std::to_string(digest.counts.tweets)},
                                 {"authors", std::to_string(digest.counts.authors)},
                                 {"kept", std::to_string(digest.counts.kept)},
                                 {"topics", evidence.wording.join(topics)},
                                 {"top", evidence.wording.fill("quoted", {{"text", evidence.title(*leading.front())}})},
                                 {"top_tweets", std::to_string(leading.front()->tweets)}});
    digest.overview = {evidence.wording.fill("overview", fields), ids};
}

void cite_first(const Statement& statement, std::vector<std::string>& ids) {
    if (!statement.tweet_ids.empty()) ids.push_back(statement.tweet_ids.front());
}

void add_conclusions(const Evidence& evidence, Digest& digest) { add_conclusions(evidence.wording, digest); }

void add_conclusions(const Wording& w, Digest& digest) {
    if (digest.core_points.empty()) {
        digest.conclusions.push_back({w.text("conclusion_none"), {}});
        return;
    }
    std::vector<std::string> topics, ids;
    for (std::size_t i = 0; i < digest.core_points.size() && i < 3; ++i) {
        topics.push_back(w.fill("quoted", {{"text", digest.core_points[i].title}}));
        cite_first(digest.core_points[i].summary, ids);
    }
    digest.conclusions.push_back({w.fill("conclusion_focus", {{"topics", w.join(topics)}}), ids});
    if (!digest.events.empty()) {
        const KeyEvent* top = &digest.events.front();
        for (const KeyEvent& event : digest.events)
            if (event.impact < top->impact) top = &event;  // high sorts first
        digest.conclusions.push_back(
            {w.fill("conclusion_event", {{"event", w.fill("quoted", {{"text", top->event.text}})}}), top->event.tweet_ids});
    }
    const std::string advice = w.text("advice_" + std::string(mood(digest.sentiment)));
    digest.conclusions.push_back(
        {w.fill("conclusion_sentiment", {{"label", digest.sentiment.label}, {"advice", advice}}), {}});
    if (!digest.tickers.empty()) {
        std::vector<std::string> symbols, ticker_ids;
        for (std::size_t i = 0; i < digest.tickers.size() && i < 3; ++i) {
            symbols.push_back(digest.tickers[i].symbol);
            cite_first(digest.tickers[i].representative, ticker_ids);
        }
        digest.conclusions.push_back({w.fill("conclusion_tickers", {{"symbols", w.join(symbols)}}), ticker_ids});
    }
}

}  // namespace td::digest
