// The digest built from hand-made corpora: sections, citations, determinism and quality.

#include "synthetic_corpus.hpp"

#include "digest/clustering.hpp"
#include "digest/lexicons.hpp"
#include "digest/phrase_matcher.hpp"
#include "digest/sentiment.hpp"
#include "digest/tweet_text.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <tuple>

using td_test::make_tweet;
using td_test::synthetic_day;

namespace {

td::DigestOptions options(td::Language language = td::Language::zh) {
    td::DigestOptions o;
    o.language = language;
    return o;
}

std::vector<const td::Statement*> all_statements(const td::Digest& d) {
    std::vector<const td::Statement*> out{&d.overview, &d.tickers_note};
    for (const auto& p : d.core_points) out.push_back(&p.summary);
    for (const auto& v : d.views) out.push_back(&v.statement);
    for (const auto& e : d.events) out.push_back(&e.event);
    for (const auto& t : d.tickers) out.push_back(&t.representative);
    for (const auto* list : {&d.ai_analysis, &d.finance_analysis, &d.conclusions})
        for (const auto& s : *list) out.push_back(&s);
    return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::set<std::string> left(a.begin(), a.end()), right(b.begin(), b.end());
    std::size_t shared = 0;
    for (const auto& x : left) shared += right.count(x);
    const std::size_t joined = left.size() + right.size() - shared;
    return joined ? double(shared) / double(joined) : 0;
}

// One tweet per entry, each with its own terms: a corpus where every tweet is its own topic.
struct SmallDay {
    td::Corpus corpus;
    td::TermAnalysis terms;
    void add(const std::string& id, const std::string& text, std::vector<std::string> keys,
             std::uint64_t likes = 10, std::int64_t created_at = 1769320800) {
        corpus.tweets.push_back(make_tweet(id, "user" + id, text, likes, created_at));
        terms.tweet_terms.push_back(std::move(keys));
    }
    SmallDay() {
        corpus.time_zone = "Asia/Shanghai";
        corpus.from = corpus.to = td::LocalDate::parse("2026-01-25");
    }
};

}  // namespace

TEST_CASE("a centroid keeps each term once, at a position that survives growth, in order of first appearance") {
    td::digest::Centroid centroid;
    CHECK(centroid.weight_of(7) == 0.0);
    std::vector<std::uint32_t> positions;
    for (td::digest::TermId id = 0; id < 5000; ++id) {
        const auto [position, inserted] = centroid.try_emplace(id * 7919u);
        CHECK(inserted);
        centroid.weight_at(position) = double(id) + 0.5;
        positions.push_back(position);
    }
    REQUIRE(centroid.size() == 5000);
    std::size_t wrong = 0;
    for (td::digest::TermId id = 0; id < 5000; ++id) {
        const auto [position, inserted] = centroid.try_emplace(id * 7919u);
        wrong += inserted || position != positions[id] || centroid.weight_of(id * 7919u) != double(id) + 0.5;
    }
    CHECK(wrong == 0);
    CHECK(centroid.size() == 5000);
    CHECK(centroid.weight_of(1) == 0.0);  // absent terms weigh nothing
    CHECK(centroid.begin()->first == 0u);
    CHECK((centroid.end() - 1)->first == 4999u * 7919u);
}

TEST_CASE("quotable sentences drop retweet prefixes, links and reply mentions") {
    using td::digest::quotable_sentence;
    CHECK(quotable_sentence("RT @someone: Claude Code ships today. More later https://t.co/x") ==
          "Claude Code ships today.");
    CHECK(quotable_sentence("@a @b 这个模型的推理能力非常强。后面还有很多内容") == "这个模型的推理能力非常强。");
    CHECK(quotable_sentence("line one\n\nline   two") == "line one line two");
    const std::string long_text(300, 'x');
    const std::string cut = quotable_sentence(long_text, 50);
    CHECK(cut == std::string(50, 'x') + "…");
    CHECK(quotable_sentence("https://t.co/only") == "");
    CHECK(quotable_sentence("PSAKI: Pres. Biden and fmr. President Obama spoke today. Then more.") ==
          "PSAKI: Pres. Biden and fmr. President Obama spoke today.");
}

TEST_CASE("sentiment counts negated words for the other side") {
    const auto& lexicons = td::digest::Lexicons::builtin();
    using td::digest::sentiment_score;
    CHECK(sentiment_score(lexicons, "这个产品真不错") > 0);      // 不错 is one positive word
    CHECK(sentiment_score(lexicons, "我不看好这次发布") < 0);    // negated 看好
    CHECK(sentiment_score(lexicons, "This is not good at all") < 0);
    CHECK(sentiment_score(lexicons, "This is good. Not bad either") > 0);
    CHECK(sentiment_score(lexicons, "Layoffs and a crash, terrible") < 0);
    CHECK(sentiment_score(lexicons, "The weather is cloudy") == 0);
    CHECK(sentiment_score(lexicons, "Nvidia GPU 供不应求，$NVDA 再创新高，租赁价格继续上涨。") > 0);
}

TEST_CASE("phrase matching respects word boundaries for Latin entries only") {
    td::digest::PhraseMatcher matcher;
    matcher.add("eth", 1);
    matcher.add("比特币", 2);
    matcher.add("ai", 3);
    CHECK(matcher.find_all("ETHICS and methods").empty());
    CHECK(matcher.find_all("Buy ETH now").size() == 1);
    CHECK(matcher.find_all("买入比特币").size() == 1);
    const auto matches = matcher.find_all("AI代理 and OpenAI");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].begin == 0);
}

TEST_CASE("a realistic day yields ten diverse, cited core points") {
    const auto day = synthetic_day();
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());

    REQUIRE(d.core_points.size() == 10);
    CHECK(d.core_points_note.empty());

    std::map<std::string, int> topic_of;
    for (std::size_t i = 0; i < day.corpus.tweets.size(); ++i) topic_of[day.corpus.tweets[i].id] = day.topic_of[i];
    std::set<int> topics;
    for (const auto& point : d.core_points) {
        REQUIRE_FALSE(point.summary.tweet_ids.empty());
        std::set<int> point_topics;
        for (const auto& id : point.summary.tweet_ids) point_topics.insert(topic_of.at(id));
        CHECK(point_topics.size() == 1);  // a point speaks about one cluster
        topics.insert(*point_topics.begin());
        CHECK_FALSE(point.title.empty());
        CHECK(point.summary.text.find("http") == std::string::npos);
        CHECK(point.summary.text.find("RT @") == std::string::npos);
    }
    CHECK(topics.size() >= 8);
    CHECK(topics.count(0) == 1);  // the most engaged topic is among the points
    CHECK(d.core_points.front().impact == td::Impact::high);

    for (std::size_t i = 0; i < d.core_points.size(); ++i)
        for (std::size_t j = i + 1; j < d.core_points.size(); ++j) {
            INFO(d.core_points[i].title << " vs " << d.core_points[j].title);
            CHECK(jaccard(d.core_points[i].terms, d.core_points[j].terms) < 0.34);
        }

    // Every cited id is a tweet of the input, and sources lists each exactly once.
    std::set<std::string> cited;
    for (const td::Statement* s : all_statements(d))
        for (const auto& id : s->tweet_ids) {
            CHECK(topic_of.count(id) == 1);
            cited.insert(id);
        }
    std::set<std::string> listed;
    for (const auto& source : d.sources) {
        CHECK(listed.insert(source.id).second);
        CHECK(source.url == "https://x.com/" + source.username + "/status/" + source.id);
    }
    CHECK(listed == cited);
}

TEST_CASE("sections of a realistic day: events, tickers, views, topics, conclusions") {
    const auto day = synthetic_day();
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());

    CHECK(d.title == "twitter_ai_20260125_20260125");
    CHECK(d.wordcloud_image == "wordcloud_twitter_ai_20260125_20260125.png");
    CHECK(d.counts.kept == day.corpus.tweets.size());
    CHECK(d.counts.duplicates == 2 * 12);  // one tweet per topic stands for three copies
    CHECK(d.counts.tweets == d.counts.kept + d.counts.duplicates);

    REQUIRE_FALSE(d.events.empty());
    std::set<std::string> cues;
    for (const auto& e : d.events) {
        CHECK(e.date == td::LocalDate::parse("2026-01-25"));
        CHECK_FALSE(e.event.tweet_ids.empty());
        cues.insert(e.cue);
    }
    CHECK(std::is_sorted(d.events.begin(), d.events.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; }));

    std::map<std::string, const td::TickerMention*> tickers;
    for (const auto& t : d.tickers) tickers[t.symbol] = &t;
    REQUIRE(tickers.count("$NVDA"));
    CHECK(tickers["$NVDA"]->kind == "stock");
    CHECK(tickers["$NVDA"]->sentiment > 0);
    REQUIRE(tickers.count("BTC"));
    CHECK(tickers["BTC"]->kind == "crypto");
    REQUIRE(tickers.count("$TSM"));
    CHECK(tickers.count("ETH") == 0);  // never a ticker the tweets do not mention
    CHECK(tickers.count("TSM") == 0);  // "台积电" and "$TSM" are one ticker, named like a cashtag
    CHECK(d.tickers_note.text.empty());

    CHECK_FALSE(d.views.empty());
    std::set<std::string> authors;
    for (const auto& v : d.views) CHECK(authors.insert(v.username).second);

    REQUIRE_FALSE(d.ai_analysis.empty());
    CHECK_FALSE(d.ai_analysis.front().tweet_ids.empty());
    REQUIRE_FALSE(d.finance_analysis.empty());
    CHECK_FALSE(d.finance_analysis.front().tweet_ids.empty());
    CHECK(d.conclusions.size() >= 3);
    CHECK_FALSE(d.disclaimer.empty());
    CHECK(d.sentiment.positive + d.sentiment.neutral + d.sentiment.negative == doctest::Approx(1));
    CHECK(d.sentiment.label == "乐观");
    CHECK(d.overview.text.find(d.core_points.front().title) != std::string::npos);
}

TEST_CASE("the same input gives the same digest") {
    const auto day = synthetic_day();
    CHECK(td::render_json(td::build_digest(day.corpus, day.terms, options())) ==
          td::render_json(td::build_digest(day.corpus, day.terms, options())));
}

TEST_CASE("few topics: fewer points, and the note says why") {
    SmallDay day;
    day.add("101", "OpenAI 发布新的推理模型，数学能力提升明显。", {"openai", "推理模型", "数学"}, 500);
    day.add("102", "OpenAI 推理模型在数学竞赛中表现出色。", {"openai", "推理模型", "数学", "竞赛"}, 300);
    day.add("103", "A quiet day for robotics startups.", {"robotics", "startups"}, 5);
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());
    CHECK(d.core_points.size() == 2);
    CHECK(d.core_points_note.find("2") != std::string::npos);
    CHECK(d.core_points_note.find("10") != std::string::npos);
}

TEST_CASE("no tickers: the none-present statement, and no finance evidence: said in one sentence") {
    SmallDay day;
    day.add("201", "新的开源大模型在编程基准上领先。", {"开源", "大模型", "编程"});
    day.add("202", "Robots learned to fold laundry.", {"robots", "laundry"});
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());
    CHECK(d.tickers.empty());
    CHECK(d.tickers_note.text.find("并未涉及任何个股或数字货币") != std::string::npos);
    REQUIRE(d.finance_analysis.size() == 1);
    CHECK(d.finance_analysis.front().tweet_ids.empty());
    CHECK(d.finance_analysis.front().text.find("金融市场") != std::string::npos);

    const td::Digest en = td::build_digest(day.corpus, day.terms, options(td::Language::en));
    CHECK(en.tickers_note.text.find("do not discuss any individual stock or cryptocurrency") != std::string::npos);
    CHECK(en.sentiment.label == "optimistic");
}

TEST_CASE("tickers: unambiguous symbols and names count, ordinary words do not") {
    SmallDay day;
    day.add("401", "LINK IN BIO for the NEAR future of AI", {"link", "bio"});
    day.add("402", "ETH 和以太坊都在涨， $LINK 也跟涨", {"eth", "以太坊"});
    day.add("403", "Bitcoin and 比特币 are the same BTC", {"bitcoin", "btc"});
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());
    std::map<std::string, std::uint64_t> mentions;
    for (const auto& t : d.tickers) mentions[t.symbol] = t.mentions;
    std::string listed;
    for (const auto& [symbol, count] : mentions) listed += symbol + "=" + std::to_string(count) + " ";
    INFO(listed);
    CHECK(mentions == std::map<std::string, std::uint64_t>{{"BTC", 1}, {"ETH", 1}, {"LINK", 1}});
}

TEST_CASE("the sentiment label follows the shares") {
    SmallDay gloomy;
    gloomy.add("501", "Layoffs everywhere, the market crash is terrible.", {"layoffs"});
    gloomy.add("502", "担心泡沫破裂，风险太大。", {"泡沫"});
    gloomy.add("503", "A plain statement.", {"statement"});
    CHECK(td::build_digest(gloomy.corpus, gloomy.terms, options()).sentiment.label == "谨慎");
    SmallDay divided = gloomy;
    divided.add("504", "Amazing breakthrough, I love it.", {"breakthrough"});
    divided.add("505", "这次发布非常惊艳，值得期待。", {"发布"});
    CHECK(td::build_digest(divided.corpus, divided.terms, options(td::Language::en)).sentiment.label == "mixed");
}

TEST_CASE("an event carries the local date of its first announcement") {
    SmallDay day;
    // 2026-01-24T20:00Z is already the 25th in Shanghai.
    day.add("301", "Acme launches its agent platform today.", {"acme", "agent platform"}, 50, 1769284800);
    day.add("302", "Acme agent platform launch draws a crowd.", {"acme", "agent platform"}, 80, 1769320800);
    day.corpus.tweets[0].local_date = td::LocalDate::parse("2026-01-25");
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());
    REQUIRE(d.events.size() == 1);
    CHECK(d.events[0].date == td::LocalDate::parse("2026-01-25"));
    CHECK(d.events[0].cue == "launch");
    CHECK(d.events[0].event.tweet_ids.front() == "302");  // the most engaged announcement
}

TEST_CASE("an empty corpus still gives a complete digest") {
    SmallDay day;
    const td::Digest d = td::build_digest(day.corpus, day.terms, options());
    CHECK(d.core_points.empty());
    CHECK_FALSE(d.core_points_note.empty());
    CHECK_FALSE(d.overview.text.empty());
    CHECK_FALSE(d.tickers_note.text.empty());
    CHECK(d.sources.empty());
    CHECK(d.generated_at == td::TimeZone::load("Asia/Shanghai").start_of_day(td::LocalDate::parse("2026-01-26")) - 1);
}

TEST_CASE("languages and titles") {
    CHECK(td::parse_language("en") == td::Language::en);
    CHECK_THROWS_AS(td::parse_language("fr"), td::Error);
    CHECK(td::digest_title(td::LocalDate::parse("2026-01-24"), td::LocalDate::parse("2026-01-26")) ==
          "twitter_ai_20260124_20260126");
}

namespace {

// The matches of `entries` in `text` by the rule itself: at each position where an entry may
// start, the longest entry (the first added of equal ones) that matches there.
std::vector<td::digest::PhraseMatch> reference_matches(const std::vector<std::tuple<std::string, std::uint32_t, bool>>& entries,
                                                       std::string_view text) {
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::get<0>(entries[a]).size() > std::get<0>(entries[b]).size();
    });
    std::vector<td::digest::PhraseMatch> matches;
    for (std::size_t at = 0; at < text.size();) {
        const bool word_start = at == 0 || !word(text[at - 1]);
        const unsigned char lead = static_cast<unsigned char>(text[at]);
        std::size_t advance = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        advance = std::min(advance, text.size() - at);
        if (!word_start && word(text[at])) {
            ++at;
            continue;
        }
        for (const std::size_t e : order) {
            const auto& [phrase, payload, case_sensitive] = entries[e];
            if (text.size() - at < phrase.size()) continue;
            bool same = true;
            for (std::size_t i = 0; i < phrase.size() && same; ++i)
                same = case_sensitive ? text[at + i] == phrase[i] : lower(text[at + i]) == lower(phrase[i]);
            const std::size_t end = at + phrase.size();
            if (!same || (word(phrase.front()) && word(phrase.back()) && end < text.size() && word(text[end]))) continue;
            matches.push_back({at, end, payload});
            advance = phrase.size();
            break;
        }
        at += advance;
    }
    return matches;
}

}  // namespace

// Rounds alternate between a few entries and many (nodes with enough children to use a table).
TEST_CASE("PhraseMatcher finds what the leftmost-longest rule finds, over random texts and entries") {
    const std::vector<std::string> pieces = {"a", "ab", "AB", "abc", "b", "ca", "比", "比特", "币", "特币", "$", "_", "-",
                                             " ", "x1", "é", "é比"};
    std::mt19937 random(7);
    const auto piece = [&] { return pieces[random() % pieces.size()]; };
    for (int round = 0; round < 200; ++round) {
        std::vector<std::tuple<std::string, std::uint32_t, bool>> entries;
        td::digest::PhraseMatcher matcher;
        const std::uint32_t count = 1 + random() % (round % 2 ? 80 : 12);
        for (std::uint32_t e = 0; e < count; ++e) {
            std::string phrase = piece();
            for (unsigned k = random() % 3; k > 0; --k) phrase += piece();
            const bool case_sensitive = random() % 4 == 0;
            entries.emplace_back(phrase, e, case_sensitive);
            matcher.add(phrase, e, case_sensitive);
        }
        std::string text;  // pieces, and whole entries so that long entries match too
        for (unsigned k = random() % 30; k > 0; --k)
            text += random() % 2 ? piece() : std::get<0>(entries[random() % entries.size()]);
        CAPTURE(text);
        const auto found = matcher.find_all(text);
        const auto expected = reference_matches(entries, text);
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CHECK(found[i].begin == expected[i].begin);
            CHECK(found[i].end == expected[i].end);
            CHECK(found[i].payload == expected[i].payload);
        }
    }
}
