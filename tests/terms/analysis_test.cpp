#include "terms_test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using td_terms_test::find_term;
using td_terms_test::rank_of;

namespace {

// A fragment that nearly always occurs inside `whole` must rank below it.
void check_whole_above_fragments(const td::TermAnalysis& analysis, const std::string& whole,
                                 const std::vector<std::string>& fragments, std::size_t within) {
    INFO(whole);
    const std::size_t rank = rank_of(analysis.ranked, whole);
    CHECK(rank < within);
    const auto& terms = analysis.stats.terms;
    REQUIRE(terms.count(whole));
    for (const std::string& fragment : fragments) {
        INFO(fragment);
        const auto found = terms.find(fragment);
        if (found == terms.end()) continue;
        if (double(terms.at(whole).frequency) >= 0.8 * double(found->second.frequency))
            CHECK(rank_of(analysis.ranked, fragment) > rank);
    }
}

}  // namespace

TEST_CASE("the bundled corpus: multiword terms come out whole and above their fragments") {
    const td::Corpus& corpus = td_terms_test::sample_corpus();
    REQUIRE(corpus.tweets.size() > 300);
    td::TermOptions options;
    options.top = 60;
    const td::TermAnalysis analysis = td::analyze_terms(corpus, options);
    REQUIRE(analysis.ranked.size() == 60);
    CHECK(analysis.tweet_terms.size() == corpus.tweets.size());
    check_whole_above_fragments(analysis, "claude code", {"claude", "code"}, 15);
    check_whole_above_fragments(analysis, "kimi k2.5", {"kimi", "k2.5"}, 15);
    check_whole_above_fragments(analysis, "ai代理", {"ai", "代理"}, 15);
    check_whole_above_fragments(analysis, "世界模型", {"世界", "模型"}, 30);
    check_whole_above_fragments(analysis, "具身智能", {"具身", "智能"}, 30);
    check_whole_above_fragments(analysis, "开源模型", {"开源", "模型"}, 15);
    CHECK(find_term(analysis.ranked, "claude code")->display == "Claude Code");
    CHECK(find_term(analysis.ranked, "kimi k2.5")->display == "Kimi K2.5");
    CHECK(find_term(analysis.ranked, "ai代理")->display == "AI代理");
    CHECK(find_term(analysis.ranked, "ai代理")->kind == td::TermKind::phrase);
    CHECK(analysis.stats.display.at("claude code") == "Claude Code");

    std::set<std::string> kinds;
    for (const td::Term& term : analysis.ranked) {
        INFO(term.key);
        kinds.insert(td::to_string(term.kind));
        CHECK_FALSE(term.key.empty());
        CHECK_FALSE(term.display.empty());
        CHECK(term.key.find("http") == std::string::npos);
        CHECK(term.key.find("t.co") == std::string::npos);
        CHECK(td::utf8_length_for_test(term.key) > 1);
        CHECK(term.key.find_first_not_of("0123456789.,%") != std::string::npos);
        CHECK(term.example_ids.size() <= options.max_examples);
        CHECK_FALSE(term.example_ids.empty());
    }
    CHECK(kinds.count("hashtag"));
    CHECK(kinds.count("cashtag"));
    CHECK(kinds.count("phrase"));
    for (std::size_t i = 1; i < analysis.ranked.size(); ++i)
        CHECK(analysis.ranked[i - 1].score >= analysis.ranked[i].score);
}

TEST_CASE("examples are the most engaged tweets and tweet terms drop stopwords") {
    td::Corpus corpus;
    corpus.tweets.push_back(td_terms_test::make_tweet("1", "我们的世界模型发布了", 5));
    corpus.tweets.push_back(td_terms_test::make_tweet("2", "世界模型是什么？世界模型就是未来", 500));
    corpus.tweets.push_back(td_terms_test::make_tweet("3", "关于世界模型的讨论 https://t.co/abc", 50));
    corpus.tweets.push_back(td_terms_test::make_tweet("4", "今天的天气很好", 1));
    td::TermOptions options;
    options.min_frequency = 2;
    const td::TermAnalysis analysis = td::analyze_terms(corpus, options);
    const td::Term* term = find_term(analysis.ranked, "世界模型");
    REQUIRE(term != nullptr);
    CHECK(term->kind == td::TermKind::phrase);
    CHECK(term->example_ids == std::vector<std::string>{"2", "3", "1"});
    for (const auto& keys : analysis.tweet_terms)
        for (const std::string& key : keys) {
            CHECK(key != "的");
            CHECK(key != "我们");
            CHECK(key != "是");
            CHECK(key.find("t.co") == std::string::npos);
        }
    CHECK(std::find(analysis.tweet_terms[1].begin(), analysis.tweet_terms[1].end(), "世界模型") !=
          analysis.tweet_terms[1].end());
}

TEST_CASE("stopwords are embedded, lower-case and replaceable") {
    const auto& zh = td::builtin_stopwords("zh");
    const auto& en = td::builtin_stopwords("en");
    for (const char* w : {"的", "了", "是", "在", "我们", "这个"})
        CHECK(std::find(zh.begin(), zh.end(), w) != zh.end());
    for (const char* w : {"the", "rt", "amp", "https", "t.co"}) CHECK(std::find(en.begin(), en.end(), w) != en.end());
    for (const std::string& w : en) CHECK(td_terms_test::lower(w) == w);
    CHECK(td::builtin_stopwords("xx").empty());

    const td::Corpus corpus = td_terms_test::lines_corpus("Codex CLI update\nCodex CLI again\nCodex CLI works\n");
    td::TermOptions options;
    CHECK(rank_of(td::analyze_terms(corpus, options).ranked, "codex cli") == 0);
    options.extra_stopwords = {"Codex CLI", "codex", "CLI"};
    const auto ranked = td::analyze_terms(corpus, options).ranked;
    CHECK(find_term(ranked, "codex cli") == nullptr);
    CHECK(find_term(ranked, "codex") == nullptr);
}

TEST_CASE("scoring against a background: bursting terms rise, everyday terms sink") {
    std::string day_text, background_text;
    for (int i = 0; i < 12; ++i) {
        background_text += "GPU 供应 紧张 line" + std::to_string(i) + "\n";
        const std::string tail[] = {"发布", "上线", "开源", "很强", "来了", "更新"};
        day_text += (i < 6 ? "GPU 供应 紧张\n" : "Kimi K2.5 " + tail[i % 6] + "\n");
    }
    const td::Corpus background_corpus = td_terms_test::lines_corpus(background_text, -3);
    const td::Corpus day = td_terms_test::lines_corpus(day_text);
    const td::TermStats background = td::build_term_stats(background_corpus);
    td::TermOptions options;
    const td::TermStats stats = td::build_term_stats(day);
    const auto plain = td::score_terms(stats, options);
    options.background = &background;
    const auto scored = td::score_terms(stats, options);
    REQUIRE(find_term(scored, "kimi k2.5"));
    REQUIRE(find_term(scored, "gpu供应紧张"));
    CHECK(rank_of(scored, "kimi k2.5") < rank_of(scored, "gpu供应紧张"));
    CHECK(find_term(scored, "gpu供应紧张")->score < find_term(plain, "gpu供应紧张")->score);
    // score_terms on the stats ranks like analyze_terms (minus the examples).
    const auto analysis = td::analyze_terms(day, options);
    REQUIRE(analysis.ranked.size() == scored.size());
    for (std::size_t i = 0; i < scored.size(); ++i) CHECK(analysis.ranked[i].key == scored[i].key);
}

TEST_CASE("analysis is deterministic and survives odd input") {
    const td::Corpus& corpus = td_terms_test::sample_corpus();
    const auto a = td::analyze_terms(corpus);
    const auto b = td::analyze_terms(corpus);
    REQUIRE(a.ranked.size() == b.ranked.size());
    for (std::size_t i = 0; i < a.ranked.size(); ++i) {
        CHECK(a.ranked[i].key == b.ranked[i].key);
        CHECK(a.ranked[i].score == b.ranked[i].score);
    }
    CHECK(a.tweet_terms == b.tweet_terms);
    CHECK(a.stats == b.stats);

    td::Corpus odd = td_terms_test::lines_corpus(std::string("\xff\xfe\n###\n$$$ @@@\n🚀🚀🚀\n", 19) + "ｗｏｒｌｄ ｍｏｄｅｌ\n한국어 텍스트\n");
    td::TermOptions options;
    options.min_frequency = 1;
    const auto analysis = td::analyze_terms(odd, options);
    CHECK(analysis.tweet_terms.size() == odd.tweets.size());
    CHECK(td::analyze_terms(td::Corpus{}).ranked.empty());
}
