// Rendering: the seeds' front matter and sections, inert tweet text, JSON round trips.

#include "../digest/synthetic_corpus.hpp"
#include "test_support.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>

#include <doctest/doctest.h>

#include <regex>
#include <sstream>

namespace {

std::vector<std::string> hostile_tweets() {
    std::vector<std::string> tweets;
    std::istringstream in(td_test::read_file(td_test::source_dir() / "tests/render/hostile_tweets.txt"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.starts_with("# Tweets") || line.starts_with("# \"")) continue;
        for (std::size_t at; (at = line.find("\\n")) != std::string::npos;) line.replace(at, 2, "\n");
        tweets.push_back(line);
    }
    return tweets;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Unescaped occurrences of c in a line (a backslash escapes the next character).
std::size_t count_unescaped(std::string_view line, char c) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        n += line[i] == c;
    }
    return n;
}

const std::vector<std::string> zh_headings = {
    "## 简要概述", "## 核心要点", "## 详细分析", "### 重要观点", "### 关键事件", "### 股票与加密货币",
    "## 专项分析", "### 人工智能相关内容", "### 金融市场相关内容", "## 结论与建议", "## 免责声明", "## 词云分析"};
const std::vector<std::string> en_headings = {
    "## Summary", "## Core Points", "## Detailed Analysis", "### Key Views", "### Key Events",
    "### Stocks and Crypto", "## Topic Analysis", "### Artificial Intelligence", "### Financial Markets",
    "## Conclusions and Recommendations", "## Disclaimer", "## Word Cloud"};

// Everything a hostile tweet could turn into an active construct, checked on a whole post.
void check_inert(const std::string& post, const std::vector<std::string>& headings) {
    const std::vector<std::string> lines = lines_of(post);
    REQUIRE(lines.size() > 8);
    CHECK(lines[0] == "---");
    CHECK(lines[5] == "---");
    CHECK(count(post, "{%") == 0);
    CHECK(count(post, "{{") == 1);  // the word cloud's relative_url
    CHECK(post.find('<') == std::string::npos);
    std::size_t table_columns = 0;
    for (std::size_t i = 6; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        INFO("line " << i + 1 << ": " << line);
        CHECK(line != "---");
        if (line.starts_with("#"))
            CHECK(std::find(headings.begin(), headings.end(), line) != headings.end());
        // Our own citation links and the cloud image are the only links; strip them, then no
        // unescaped link, code or emphasis syntax may remain.
        static const std::regex own_links(R"( \[\\\[[0-9]+\\\]\]\(https://x\.com/[A-Za-z0-9_/]+\)|!\[[^\]]*\]\(\{\{ "/assets/wordcloud/[A-Za-z0-9_.-]+" \| relative_url \}\}\))");
        const std::string text = std::regex_replace(line, own_links, "");
        CHECK(count_unescaped(text, '`') == 0);
        CHECK(count_unescaped(text, '_') == 0);
        CHECK(count_unescaped(text, '[') == 0);
        CHECK(count_unescaped(text, ']') == 0);
        CHECK(count_unescaped(text, '{') == 0);
        if (line.starts_with("|")) {
            if (table_columns == 0) table_columns = count_unescaped(line, '|');
            CHECK(count_unescaped(line, '|') == table_columns);
        } else {
            table_columns = 0;
        }
    }
}

// Every heading is followed by content or by a deeper heading.
void check_no_empty_sections(const std::string& post) {
    const auto lines = lines_of(post);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].starts_with("#")) continue;
        std::size_t next = i + 1;
        while (next < lines.size() && lines[next].empty()) ++next;
        INFO(lines[i]);
        REQUIRE(next < lines.size());
        const bool deeper = lines[next].starts_with(lines[i].substr(0, lines[i].find(' ')) + "#");
        CHECK((!lines[next].starts_with("#") || deeper));
    }
}

struct HostileDay {
    td::Corpus corpus;
    td::TermAnalysis terms;
};

HostileDay hostile_day() {
    HostileDay day;
    day.corpus.time_zone = "Asia/Shanghai";
    day.corpus.from = day.corpus.to = td::LocalDate::parse("2026-01-25");
    std::uint64_t id = 1800000000000000000ULL;
    for (const std::string& text : hostile_tweets()) {
        ++id;
        day.corpus.tweets.push_back(td_test::make_tweet(std::to_string(id), "x_" + std::to_string(id % 97), text, id % 300));
        std::vector<std::string> keys;
        std::istringstream words(text);
        for (std::string word; words >> word;) keys.push_back(word);
        day.terms.tweet_terms.push_back(keys);
    }
    day.corpus.tweets.front().author.name = "<b>{{ name }}</b> | [x](y)";
    return day;
}

}  // namespace

TEST_CASE("the injection corpus has at least twenty hostile tweets") { CHECK(hostile_tweets().size() >= 20); }

TEST_CASE("escaping makes text inert") {
    CHECK(td::escape_markdown_inline("{{ x }} {% y %}") == "&#123;&#123; x &#125;&#125; &#123;% y %&#125;");
    CHECK(td::escape_markdown_inline("<script>") == "&lt;script&gt;");
    CHECK(td::escape_markdown_inline("a & b") == "a &amp; b");
    CHECK(td::escape_markdown_inline("# title") == "\\# title");
    CHECK(td::escape_markdown_inline("- item") == "\\- item");
    CHECK(td::escape_markdown_inline(": definition") == "\\: definition");
    CHECK(td::escape_markdown_inline("12. item") == "12\\. item");
    CHECK(td::escape_markdown_inline("a-b 1.5") == "a-b 1.5");
    CHECK(td::escape_markdown_inline("[a](b)") == "\\[a\\](b)");
    CHECK(td::escape_markdown_inline("*a* _b_ `c`") == "\\*a\\* \\_b\\_ \\`c\\`");
    CHECK(td::escape_markdown_inline("line\n---\nnext") == "line --- next");
    CHECK(td::escape_markdown_inline("---\nx") == "\\--- x");
    CHECK(td::escape_table_cell("a | b\nc") == "a \\| b c");
    CHECK(td::escape_markdown_inline("中文，保持原样。") == "中文，保持原样。");
    CHECK(td::escape_markdown_inline(std::string("bad \xff byte")) == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("a digest of hostile tweets renders inert Markdown") {
    const HostileDay day = hostile_day();
    for (td::Language language : {td::Language::zh, td::Language::en}) {
        td::DigestOptions options;
        options.language = language;
        const td::Digest digest = td::build_digest(day.corpus, day.terms, options);
        CHECK_FALSE(digest.core_points.empty());
        const std::string post = td::render_markdown(digest);
        check_inert(post, language == td::Language::zh ? zh_headings : en_headings);
        CHECK(post.find("alert") != std::string::npos);  // the text is shown, not dropped
    }
}

TEST_CASE("every text field of a digest is escaped, whatever its origin") {
    for (const std::string& text : hostile_tweets()) {
        INFO(text);
        td::Digest d;
        d.from = d.to = td::LocalDate::parse("2026-01-25");
        d.time_zone = "Asia/Shanghai";
        d.title = td::digest_title(d.from, d.to);
        d.wordcloud_image = "wordcloud_" + d.title + ".png";
        d.overview = {text, {"1"}};
        d.sentiment.label = text;
        d.core_points.push_back({text, {text, {"1"}}, td::Impact::high, {text}, 1, 1, {}, {}, {}});
        d.core_points_note = text;
        d.views.push_back({text, text, {text, {"1"}}});
        d.events.push_back({d.from, {text, {"1"}}, td::Impact::low, text});
        d.tickers.push_back({text, text, 2, 0.5, {text, {"1"}}});
        d.ai_analysis = d.finance_analysis = d.conclusions = {{text, {"1"}}};
        d.disclaimer = text;
        d.sources.push_back({"1", text, "javascript:alert(1)"});
        check_inert(td::render_markdown(d), zh_headings);
    }
}

TEST_CASE("the post has the seeds' front matter, title line and sections in order") {
    const auto day = td_test::synthetic_day();
    td::DigestOptions options;
    options.generated_at = 1769322732;  // 2026-01-25 14:32:12 +0800
    const td::Digest digest = td::build_digest(day.corpus, day.terms, options);
    const std::string post = td::render_markdown(digest);
    CHECK(post.starts_with("---\nlayout: post\ntitle: \"twitter_ai_20260125_20260125\"\n"
                           "date: \"2026-01-25 14:32:12 +0800\"\nposttime: \"2026-01-25 14:32:12 +0800\"\n---\n\n"
                           "Twitter Ai 报告 (2026-01-25 至 2026-01-25)\n"));
    std::size_t previous = 0;
    for (const std::string& heading : zh_headings) {
        INFO(heading);
        const std::size_t at = post.find("\n" + heading + "\n");
        REQUIRE(at != std::string::npos);
        CHECK(at > previous);
        previous = at;
    }
    CHECK(post.find("**当前情绪**：乐观（正面 ") != std::string::npos);
    CHECK(post.find("\n1.  **" + td::escape_markdown_inline(digest.core_points[0].title) + "**：") != std::string::npos);
    CHECK(post.find("\n10.  **") != std::string::npos);
    CHECK(post.find("| 日期 | 事件 | 影响 |") != std::string::npos);
    CHECK(post.find("| \\$NVDA | 个股 |") != std::string::npos);
    const td::SourceTweet& first = digest.sources.front();
    CHECK(post.find(" [\\[1\\]](https://x.com/" + first.username + "/status/" + first.id + ")") != std::string::npos);
    CHECK(post.ends_with("## 词云分析\n\n![词云图]({{ \"/assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png\" | relative_url }})\n"));
    check_inert(post, zh_headings);

    check_no_empty_sections(post);
}

TEST_CASE("English posts use English wording") {
    const auto day = td_test::synthetic_day();
    td::DigestOptions options;
    options.language = td::Language::en;
    const std::string post = td::render_markdown(td::build_digest(day.corpus, day.terms, options));
    CHECK(post.find("\nTwitter Ai Report (2026-01-25 to 2026-01-25)\n") != std::string::npos);
    for (const std::string& heading : en_headings) CHECK(post.find("\n" + heading + "\n") != std::string::npos);
    CHECK(post.find("**Current sentiment**: optimistic (positive ") != std::string::npos);
    CHECK(post.find("![Word cloud](") != std::string::npos);
}

TEST_CASE("JSON round trip keeps the whole model") {
    const auto day = td_test::synthetic_day();
    td::Digest digest = td::build_digest(day.corpus, day.terms, td::DigestOptions{});
    digest.top_terms.front().kind = td::TermKind::cashtag;
    digest.top_terms.front().example_ids = {"1", "2"};
    const std::string json = td::render_json(digest);
    const td::Digest back = td::digest_from_json(json);
    CHECK(td::render_json(back) == json);
    CHECK(td::render_markdown(back) == td::render_markdown(digest));
    CHECK(back.core_points.size() == digest.core_points.size());
    CHECK(back.events.front().date == digest.events.front().date);
    CHECK(back.top_terms.front().kind == td::TermKind::cashtag);
    CHECK(json.find("\"schema\":\"tweetdigest.digest/1\"") != std::string::npos);
}

TEST_CASE("malformed JSON digests are rejected with the field's path") {
    CHECK_THROWS_WITH_AS(td::digest_from_json("[1]"), "digest JSON: $: expected an object", td::Error);
    CHECK_THROWS_WITH_AS(td::digest_from_json(R"({"core_points":[{"impact":"huge"}]})"),
                         "digest JSON: $.core_points[0].impact: expected high, medium or low", td::Error);
    CHECK_THROWS_WITH_AS(td::digest_from_json(R"({"counts":{"tweets":-1}})"),
                         "digest JSON: $.counts.tweets: expected an integer in range", td::Error);
    CHECK_THROWS_WITH_AS(td::digest_from_json(R"({"core_points":[{"engagement":3.6E620}]})"),
                         "digest JSON: $.core_points[0].engagement: the number is out of range", td::Error);
    CHECK_THROWS_WITH_AS(td::digest_from_json(R"({"schema":"other/9"})"),
                         "digest JSON: $.schema: unsupported schema 'other/9'", td::Error);
    CHECK_THROWS_AS(td::digest_from_json("{"), td::Error);
    CHECK(td::digest_from_json("{}").core_points.empty());
}

TEST_CASE("an empty digest still renders every section with content") {
    for (const char* language : {R"({"language":"zh"})", R"({"language":"en"})"}) {
        const std::string post = td::render_markdown(td::digest_from_json(language));
        const auto& headings = std::string(language).find("zh") != std::string::npos ? zh_headings : en_headings;
        for (const std::string& heading : headings) CHECK(post.find("\n" + heading + "\n") != std::string::npos);
        check_no_empty_sections(post);
    }
}

TEST_CASE("paths inside the Jekyll site") {
    td::Digest d;
    d.from = td::LocalDate::parse("2026-01-25");
    d.title = "twitter_ai_20260125_20260125";
    d.wordcloud_image = "wordcloud_twitter_ai_20260125_20260125.jpg";
    CHECK(td::post_relative_path(d) == "_posts/2026-01-25-twitter_ai_20260125_20260125.md");
    CHECK(td::wordcloud_relative_path(d) == "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.jpg");
    d.wordcloud_image = "../../etc/passwd\" | evil";
    CHECK(td::wordcloud_relative_path(d) == "assets/wordcloud/_.._etc_passwd____evil");
}
