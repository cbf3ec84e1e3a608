#include "digest/evidence.hpp"
#include "digest/tweet_text.hpp"

#include "common/parallel.hpp"

#include <tweetdigest/digest.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace td {
namespace {

using digest::Evidence;

std::pair<LocalDate, LocalDate> window(const Corpus& corpus, const TimeZone& zone) {
    LocalDate from = corpus.from.value_or(LocalDate{}), to = corpus.to.value_or(LocalDate{});
    if (!corpus.tweets.empty()) {
        const auto [first, last] = std::minmax_element(
            corpus.tweets.begin(), corpus.tweets.end(),
            [](const Tweet& a, const Tweet& b) { return a.created_at < b.created_at; });
        if (!corpus.from) from = zone.local_date(first->created_at);
        if (!corpus.to) to = zone.local_date(last->created_at);
    }
    if (to < from) to = from;
    return {from, to};
}

DigestCounts count(const Corpus& corpus) {
    DigestCounts counts;
    std::set<std::string> authors;
    for (const Tweet& tweet : corpus.tweets) {
        counts.tweets += digest::copies(tweet);
        counts.duplicates += std::max<std::uint32_t>(tweet.dup_count, 1) - 1;
        counts.retweets += tweet.retweets_seen;
        authors.insert(tweet.author.id.empty() ? tweet.author.username : tweet.author.id);
    }
    counts.kept = corpus.tweets.size();
    counts.authors = authors.size();
    return counts;
}

// Every cited tweet once, in the order the report cites them.
std::vector<SourceTweet> sources(const Digest& digest, const Corpus& corpus) {
    std::vector<std::string_view> cited;  // in order of first citation
    std::unordered_map<std::string_view, const Tweet*> by_id;
    auto cite = [&](const Statement& statement) {
        for (const std::string& id : statement.tweet_ids)
            if (by_id.emplace(id, nullptr).second) cited.push_back(id);
    };
    cite(digest.overview);
    for (const CorePoint& point : digest.core_points) cite(point.summary);
    for (const View& view : digest.views) cite(view.statement);
    for (const KeyEvent& event : digest.events) cite(event.event);
    for (const TickerMention& ticker : digest.tickers) cite(ticker.representative);
    cite(digest.tickers_note);
    for (const auto* list : {&digest.ai_analysis, &digest.finance_analysis, &digest.conclusions})
        for (const Statement& statement : *list) cite(statement);
    for (const Tweet& tweet : corpus.tweets)
        if (const auto found = by_id.find(tweet.id); found != by_id.end() && found->second == nullptr) found->second = &tweet;
    std::vector<SourceTweet> out;
    for (const std::string_view id : cited)
        if (const Tweet* tweet = by_id.at(id)) out.push_back({std::string(id), tweet->author.username, tweet->url()});
    return out;
}

}  // namespace

Language parse_language(std::string_view name) {
    if (name == "zh") return Language::zh;
    if (name == "en") return Language::en;
    throw Error(Error::Code::invalid_argument, "unknown report language '" + std::string(name) + "' (zh or en)");
}

const char* to_string(Language language) noexcept { return language == Language::en ? "en" : "zh"; }

const char* to_string(Impact impact) noexcept {
    switch (impact) {
    case Impact::high: return "high";
    case Impact::medium: return "medium";
    case Impact::low: return "low";
    }
    return "medium";
}

std::string digest_title(const LocalDate& from, const LocalDate& to) {
    return "twitter_ai_" + from.compact() + "_" + to.compact();
}

Digest build_digest(const Corpus& corpus, const TermAnalysis& terms, const DigestOptions& options) {
    Digest result;
    result.language = options.language;
    result.time_zone = corpus.time_zone.empty() ? "UTC" : corpus.time_zone;
    const TimeZone zone = TimeZone::load(result.time_zone);
    std::tie(result.from, result.to) = window(corpus, zone);
    result.generated_at = options.generated_at ? options.generated_at : zone.start_of_day(result.to.next()) - 1;
    result.title = digest_title(result.from, result.to);
    result.counts = count(corpus);
    result.wordcloud_image = "wordcloud_" + result.title + "." + options.wordcloud_extension;
    result.top_terms.assign(terms.ranked.begin(),
                            terms.ranked.begin() + long(std::min(options.cloud_terms, terms.ranked.size())));

    // Clustering runs on one thread; what the sections read of single tweets is computed meanwhile
    // on the others, and on that thread too once clustering is done.
    const digest::Lexicons& lexicons = digest::Lexicons::builtin();
    digest::Clustering clustering;
    digest::TweetSignalsWork signals(corpus, lexicons);
    run_beside_tasks(
        options.terms.threads, [&] { clustering = digest::cluster_tweets(corpus, terms); }, signals.chunks(),
        [&](std::size_t chunk) { signals.compute(chunk); });
    const Evidence evidence(corpus, terms, clustering, lexicons, options, std::move(signals).take());
    digest::add_summary(evidence, result);
    digest::add_core_points(evidence, result);
    digest::add_views(evidence, result);
    digest::add_events(evidence, result);
    digest::add_tickers(evidence, result);
    digest::add_topic_analysis(evidence, result);
    digest::add_conclusions(evidence, result);
    result.disclaimer = evidence.wording.text("disclaimer");
    result.sources = sources(result, corpus);
    if (options.history) apply_history(result, terms.stats, *options.history, options);
    return result;
}

}  // namespace td
