// Important views: what the most engaged authors said, one statement each.

#include "digest/evidence.hpp"
#include "digest/tweet_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace td::digest {
namespace {

constexpr std::size_t max_views = 6;

struct AuthorStanding {
    double weight = 0;
    std::size_t best_tweet = 0;
    double best_engagement = -1;
};

}  // namespace

void add_views(const Evidence& evidence, Digest& digest) {
    std::map<std::string, AuthorStanding> authors;  // by username (ordered: deterministic ties)
    for (std::size_t i = 0; i < evidence.corpus.tweets.size(); ++i) {
        const Tweet& tweet = evidence.tweet(i);
        if (tweet.author.username.empty() || !evidence.quotable[i]) continue;
        AuthorStanding& standing = authors[tweet.author.username];
        const double e = engagement(tweet);
        standing.weight += e;
        if (e > standing.best_engagement) {
            standing.best_engagement = e;
            standing.best_tweet = i;
        }
    }
    std::vector<std::pair<double, const AuthorStanding*>> ranked;
    for (auto& [username, standing] : authors) {
        const double followers = double(evidence.tweet(standing.best_tweet).author.followers);
        ranked.emplace_back(standing.weight + 0.25 * std::log1p(followers), &standing);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < ranked.size() && i < max_views; ++i) {
        const Tweet& tweet = evidence.tweet(ranked[i].second->best_tweet);
        View view;
        view.author = tweet.author.name.empty() ? tweet.author.username : tweet.author.name;
        view.username = tweet.author.username;
        view.statement = {evidence.sentence(ranked[i].second->best_tweet, 200), {tweet.id}};
        digest.views.push_back(std::move(view));
    }
}

}  // namespace td::digest
