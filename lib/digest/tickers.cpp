// Stocks and crypto: cashtags plus the shipped ticker list, only as the tweets mention them.

#include "digest/evidence.hpp"
#include "digest/tweet_text.hpp"

#include <tweetdigest/text.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace td::digest {
namespace {

constexpr std::size_t max_tickers = 12;

struct Tally {
    std::string kind;
    std::uint64_t mentions = 0;
    double sentiment_sum = 0;
    std::size_t tweets = 0;
    std::size_t best_tweet = 0;
    double best_engagement = -1;
};

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

// How the report names a ticker: "$NVDA" for stocks and unlisted cashtags, "BTC" for coins.
std::string report_symbol(const std::string& symbol, const std::string& kind) {
    return kind == "crypto" ? symbol : "$" + symbol;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> mentioned_tickers(const Lexicons& lexicons, const Tweet& tweet) {
    std::map<std::string, std::string> symbols;
    const std::vector<Entity> extracted = tweet.entities.empty() ? extract_cashtags(tweet.text) : std::vector<Entity>();
    for (const Entity& entity : tweet.entities.empty() ? extracted : tweet.entities) {
        if (entity.kind != EntityKind::cashtag) continue;
        const std::string symbol = upper(entity.value);
        const KnownTicker* known = lexicons.find_ticker(symbol);
        const std::string kind = known ? known->kind : "other";
        symbols.emplace(report_symbol(symbol, kind), kind);
    }
    for (const PhraseMatch& match : lexicons.tickers.find_all(tweet.text)) {
        const KnownTicker& known = lexicons.known_tickers[match.payload];
        symbols.emplace(report_symbol(known.symbol, known.kind), known.kind);
    }
    return {symbols.begin(), symbols.end()};
}

void add_tickers(const Evidence& evidence, Digest& digest) {
    std::map<std::string, Tally> tallies;
    for (std::size_t i = 0; i < evidence.corpus.tweets.size(); ++i) {
        const Tweet& tweet = evidence.tweet(i);
        for (const auto& [symbol, kind] : evidence.tickers[i]) {
            Tally& tally = tallies[symbol];
            tally.kind = kind;
            tally.mentions += copies(tweet);
            tally.sentiment_sum += std::clamp(evidence.sentiment[i], -1, 1);
            ++tally.tweets;
            const double e = engagement(tweet);
            if (e > tally.best_engagement && evidence.quotable[i]) {
                tally.best_engagement = e;
                tally.best_tweet = i;
            }
        }
    }
    std::vector<std::pair<std::string, const Tally*>> ranked;
    for (const auto& [symbol, tally] : tallies)
        if (tally.best_engagement >= 0) ranked.emplace_back(symbol, &tally);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second->mentions > b.second->mentions;
    });
    for (std::size_t i = 0; i < ranked.size() && i < max_tickers; ++i) {
        const Tally& tally = *ranked[i].second;
        TickerMention ticker;
        ticker.symbol = ranked[i].first;
        ticker.kind = tally.kind;
        ticker.mentions = tally.mentions;
        ticker.sentiment = tally.sentiment_sum / double(tally.tweets);
        ticker.representative = {evidence.sentence(tally.best_tweet), {evidence.tweet(tally.best_tweet).id}};
        digest.tickers.push_back(std::move(ticker));
    }
    if (digest.tickers.empty()) digest.tickers_note = {evidence.wording.text("tickers_none"), {}};
}

}  // namespace td::digest
