#pragma once
// Five days of synthetic tweets (2026-01-21 .. 2026-01-25, Asia/Shanghai) with a known story:
// four topics run every day; Claude Code trickles along and bursts on day 5; Figure's humanoid
// robot appears on day 3 and stays; the IMF jobs warning runs on days 1-4 and then stops; TSMC's
// CoWoS capacity is new on day 5.

#include "../digest/synthetic_corpus.hpp"

#include <tweetdigest/ingest.hpp>

#include <string>
#include <vector>

namespace td_test {

enum FiveDayTopic : std::size_t { claude_code = 0, kimi = 1, nvidia = 2, bitcoin = 3, world_models = 4,
                                  imf = 5, figure = 7, cowos = 9 };

inline int five_day_tweets(std::size_t topic, int day) {  // day 1..5
    switch (topic) {
    case claude_code: return day == 5 ? 30 : 2;
    case kimi: case nvidia: case bitcoin: case world_models: return 8;
    case imf: return day <= 4 ? 10 : 0;
    case figure: return day >= 3 ? 8 : 0;
    case cowos: return day == 5 ? 8 : 0;
    default: return 0;
    }
}

inline td::LocalDate five_day_date(int day) { return td::LocalDate::parse("2026-01-2" + std::to_string(day)); }

inline td::Corpus five_day_corpus(int day) {
    td::Corpus corpus;
    corpus.time_zone = "Asia/Shanghai";
    corpus.from = corpus.to = five_day_date(day);
    const std::int64_t base = 1769320800 - std::int64_t(5 - day) * 86400;  // 14:00 local
    std::uint64_t next_id = 1900000000000000000ULL + std::uint64_t(day) * 1000000;
    for (std::size_t topic : {claude_code, kimi, nvidia, bitcoin, world_models, imf, figure, cowos}) {
        const SyntheticTopic& t = topics()[topic];
        for (int i = 0; i < five_day_tweets(topic, day); ++i) {
            const std::string text = t.sentences.front() + " " + t.terms[std::size_t(i + day) % t.terms.size()];
            const std::string user = "author" + std::to_string((topic * 7 + std::size_t(i) * 3) % 29);
            td::Tweet tweet = make_tweet(std::to_string(next_id++), user, text, t.likes / std::uint64_t(1 + i),
                                         base + std::int64_t(topic * 600 + std::size_t(i) * 30));
            tweet.local_date = *corpus.from;
            corpus.tweets.push_back(std::move(tweet));
        }
    }
    std::sort(corpus.tweets.begin(), corpus.tweets.end(), [](const td::Tweet& a, const td::Tweet& b) {
        return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
    });
    corpus.counts.read = corpus.counts.kept = corpus.tweets.size();
    return corpus;
}

// Every tweet of the five days in one corpus (what re-reading the input would give).
inline td::Corpus five_day_range_corpus() {
    td::Corpus all = five_day_corpus(1);
    for (int day = 2; day <= 5; ++day) {
        td::Corpus more = five_day_corpus(day);
        all.tweets.insert(all.tweets.end(), more.tweets.begin(), more.tweets.end());
    }
    all.to = five_day_date(5);
    all.counts.read = all.counts.kept = all.tweets.size();
    return all;
}

}  // namespace td_test
