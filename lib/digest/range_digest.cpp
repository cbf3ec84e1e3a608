// A report for several days composed from the day digests (see compose_range_digest).

#include "digest/evidence.hpp"
#include "digest/momentum.hpp"
#include "digest/range.hpp"

#include <tweetdigest/digest.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace td {
namespace {

using digest::Wording;

constexpr std::size_t max_views = 10, max_events = 20, max_analysis = 6;

// Item i of every day before item i + 1 of any, so each day is heard, up to `limit`.
template <typename T, typename Field>
std::vector<T> interleave(const std::vector<Digest>& days, Field field, std::size_t limit) {
    std::vector<T> out;
    for (std::size_t i = 0; out.size() < limit; ++i) {
        bool any = false;
        for (const Digest& day : days) {
            const std::vector<T>& items = day.*field;
            if (i >= items.size()) continue;
            any = true;
            if (out.size() < limit) out.push_back(items[i]);
        }
        if (!any) break;
    }
    return out;
}

std::vector<TickerMention> merge_tickers(const std::vector<Digest>& days) {
    std::map<std::string, TickerMention> by_symbol;
    std::map<std::string, std::uint64_t> best_day;
    std::vector<std::string> order;
    for (const Digest& day : days) {
        for (const TickerMention& t : day.tickers) {
            auto [it, inserted] = by_symbol.try_emplace(t.symbol, t);
            if (inserted) {
                order.push_back(t.symbol);
                best_day[t.symbol] = t.mentions;
                continue;
            }
            TickerMention& m = it->second;
            const double total = double(m.mentions + t.mentions);
            m.sentiment = total > 0 ? (m.sentiment * double(m.mentions) + t.sentiment * double(t.mentions)) / total : 0;
            m.mentions += t.mentions;
            if (t.mentions > best_day[t.symbol]) best_day[t.symbol] = t.mentions, m.representative = t.representative;
        }
    }
    std::vector<TickerMention> out;
    for (const std::string& symbol : order) out.push_back(by_symbol[symbol]);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.mentions > b.mentions; });
    return out;
}

Sentiment merge_sentiment(const std::vector<Digest>& days, const Wording& w) {
    Sentiment s;
    double total = 0;
    for (const Digest& day : days) {
        const double weight = double(day.counts.tweets);
        s.positive += day.sentiment.positive * weight;
        s.neutral += day.sentiment.neutral * weight;
        s.negative += day.sentiment.negative * weight;
        total += weight;
    }
    if (total > 0) s.positive /= total, s.neutral /= total, s.negative /= total;
    else s.neutral = 1;
    s.label = w.text("label_" + std::string(digest::mood(s)));
    return s;
}

void add_overview(Digest& d, const Wording& w, std::size_t day_count) {
    const digest::Fields window = {{"from", d.from.to_string()}, {"to", d.to.to_string()}};
    if (d.core_points.empty()) {
        d.overview = {w.fill("overview_empty", window), {}};
        return;
    }
    std::vector<std::string> topics, ids;
    for (std::size_t i = 0; i < d.core_points.size() && i < 3; ++i) {
        topics.push_back(w.fill("quoted", {{"text", d.core_points[i].title}}));
        digest::cite_first(d.core_points[i].summary, ids);
    }
    digest::Fields fields = window;
    fields.insert(fields.end(), {{"tweets", std::to_string(d.counts.tweets)},
                                 {"authors", std::to_string(d.counts.authors)},
                                 {"kept", std::to_string(d.counts.kept)},
                                 {"topics", w.join(topics)},
                                 {"top", w.fill("quoted", {{"text", d.core_points.front().title}})},
                                 {"top_tweets", std::to_string(d.core_points.front().tweets)}});
    d.overview = {w.fill("overview", fields), ids};
    if (d.language == Language::en) d.overview.text += ' ';
    d.overview.text += w.fill("overview_range", {{"days", std::to_string(day_count)},
                                                 {"new", std::to_string(d.new_stories)}});
}

std::vector<SourceTweet> cited_sources(const Digest& d, const std::vector<Digest>& days) {
    std::map<std::string, SourceTweet> known;
    for (const Digest& day : days)
        for (const SourceTweet& s : day.sources) known.try_emplace(s.id, s);
    std::vector<SourceTweet> out;
    std::set<std::string> seen;
    auto cite = [&](const Statement& statement) {
        for (const std::string& id : statement.tweet_ids)
            if (const auto found = known.find(id); found != known.end() && seen.insert(id).second)
                out.push_back(found->second);
    };
    cite(d.overview);
    for (const CorePoint& p : d.core_points) cite(p.summary);
    for (const View& v : d.views) cite(v.statement);
    for (const KeyEvent& e : d.events) cite(e.event);
    for (const TickerMention& t : d.tickers) cite(t.representative);
    for (const auto* list : {&d.ai_analysis, &d.finance_analysis, &d.conclusions})
        for (const Statement& s : *list) cite(s);
    return out;
}

}  // namespace

Digest compose_range_digest(const std::vector<Digest>& days, const TermStats& merged, const DigestOptions& options) {
    if (days.empty()) throw Error(Error::Code::invalid_argument, "a range report needs at least one day");
    const Wording& w = Wording::get(options.language);
    Digest d;
    d.language = options.language;
    d.time_zone = days.front().time_zone.empty() ? "UTC" : days.front().time_zone;
    d.from = days.front().from;
    d.to = days.back().to;
    d.generated_at = options.generated_at ? options.generated_at
                                          : TimeZone::load(d.time_zone).start_of_day(d.to.next()) - 1;
    d.title = digest_title(d.from, d.to);
    d.wordcloud_image = "wordcloud_" + d.title + "." + options.wordcloud_extension;
    for (const Digest& day : days) {
        d.counts.tweets += day.counts.tweets;
        d.counts.authors += day.counts.authors;  // an author of two days counts twice
        d.counts.kept += day.counts.kept;
        d.counts.duplicates += day.counts.duplicates;
        d.counts.retweets += day.counts.retweets;
        DaySummary summary{day.from, day.title, "history", day.counts.tweets, {}};
        for (std::size_t i = 0; i < day.core_points.size() && i < 3; ++i) summary.topics.push_back(day.core_points[i].title);
        d.days.push_back(std::move(summary));
    }

    std::map<std::string, std::vector<std::string>> examples;
    for (const Digest& day : days)
        for (const Term& t : day.top_terms) examples.try_emplace(t.key, t.example_ids);
    for (Term& term : score_terms(merged, options.terms)) {
        if (d.top_terms.size() == options.cloud_terms) break;
        if (const auto found = examples.find(term.key); found != examples.end()) term.example_ids = found->second;
        d.top_terms.push_back(std::move(term));
    }
    for (const Term& term : d.top_terms) {
        if (d.term_trends.size() == options.trend_terms) break;
        d.term_trends.push_back({term.key, term.display, digest::momentum_of(digest::range_counts({term.key}, days, merged))});
    }

    d.core_points = digest::merge_core_points(days, merged, options);
    for (const CorePoint& p : d.core_points) d.new_stories += p.story.status == StoryStatus::new_story;
    if (d.core_points.size() < options.core_points)
        d.core_points_note = w.fill("core_note", {{"count", std::to_string(d.core_points.size())},
                                                  {"wanted", std::to_string(options.core_points)}});
    d.views = interleave<View>(days, &Digest::views, max_views);
    d.events = interleave<KeyEvent>(days, &Digest::events, max_events);
    std::stable_sort(d.events.begin(), d.events.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    d.tickers = merge_tickers(days);
    if (d.tickers.empty()) d.tickers_note = {w.text("tickers_none"), {}};
    d.ai_analysis = interleave<Statement>(days, &Digest::ai_analysis, max_analysis);
    d.finance_analysis = interleave<Statement>(days, &Digest::finance_analysis, max_analysis);
    d.sentiment = merge_sentiment(days, w);
    add_overview(d, w, days.size());
    digest::add_conclusions(w, d);
    d.disclaimer = w.text("disclaimer");
    d.sources = cited_sources(d, days);
    return d;
}

}  // namespace td
