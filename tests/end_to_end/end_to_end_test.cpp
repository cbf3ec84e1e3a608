// The CLI on the bundled sample corpus, checked the way a reader of the post would check it.

#include "cli_runner.hpp"
#include "test_support.hpp"

#include <tweetdigest/cloud.hpp>
#include <tweetdigest/render.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <algorithm>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using td_test::run_cli;

namespace {

const std::string sample = (td_test::source_dir() / "examples/data/sample_tweets.jsonl").string();

struct DigestRun {
    fs::path site;
    std::string post;
    boost::json::object json;
    td::Digest digest;
};

DigestRun run_digest(const std::string& language, const std::string& image_format) {
    DigestRun run;
    run.site = td_test::output_dir() / ("site-" + language + "-" + image_format);
    fs::remove_all(run.site);
    const auto result = run_cli({"digest", sample, "--date", "2026-01-25", "--lang", language,
                                 "--out", run.site.string(), "--image-format", image_format});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    const fs::path post = run.site / "_posts/2026-01-25-twitter_ai_20260125_20260125.md";
    REQUIRE(fs::exists(post));
    CHECK(result.out.find(post.string()) != std::string::npos);
    run.post = td_test::read_file(post);
    const std::string json_text = td_test::read_file(fs::path(post).replace_extension(".json"));
    run.json = boost::json::parse(json_text).as_object();
    run.digest = td::digest_from_json(json_text);
    return run;
}

}  // namespace

TEST_CASE("digest writes a seed-shaped Chinese post, its JSON and a word cloud") {
    const DigestRun run = run_digest("zh", "png");

    const std::regex front_matter(
        "^---\nlayout: post\ntitle: \"twitter_ai_20260125_20260125\"\n"
        "date: \"2026-01-2[56] [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0800\"\n"
        "posttime: \"2026-01-2[56] [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0800\"\n---\n");
    CHECK(std::regex_search(run.post, front_matter));
    CHECK(run.post.find("Twitter Ai 报告 (2026-01-25 至 2026-01-25)") != std::string::npos);
    for (const char* heading : {"简要概述", "核心要点", "详细分析", "重要观点", "关键事件",
                                "股票与加密货币", "专项分析", "结论与建议", "免责声明", "词云分析"}) {
        INFO(heading);
        CHECK(run.post.find(heading) != std::string::npos);
    }

    // The JSON and the post tell the same story.
    CHECK(run.digest.title == "twitter_ai_20260125_20260125");
    CHECK(run.digest.core_points.size() == 10);
    for (const td::CorePoint& point : run.digest.core_points) {
        CHECK_FALSE(point.summary.tweet_ids.empty());
        CHECK(run.post.find(td::escape_markdown_inline(point.title)) != std::string::npos);
    }
    CHECK(run.json.contains("core_points"));

    // Every cited tweet is a tweet of the sample.
    const std::string corpus = td_test::read_file(sample);
    for (const td::SourceTweet& source : run.digest.sources)
        CHECK(corpus.find("\"" + source.id + "\"") != std::string::npos);

    // The cloud the post links to exists where the built site will serve it, and decodes.
    const fs::path image = run.site / td::wordcloud_relative_path(run.digest);
    REQUIRE(fs::exists(image));
    CHECK(run.post.find(image.filename().string()) != std::string::npos);
    const td::Image decoded = td::decode_png(td_test::read_file(image));
    CHECK(decoded.width == 1200);
    CHECK(decoded.height == 800);
    std::set<std::uint32_t> colours;
    for (std::size_t i = 0; i + 3 < decoded.rgba.size(); i += 4 * 97)
        colours.insert(decoded.rgba[i] << 16 | decoded.rgba[i + 1] << 8 | decoded.rgba[i + 2]);
    CHECK(colours.size() > 3);  // words were drawn, not just the background
}

TEST_CASE("digest writes an English post and a JPEG cloud by default") {
    if (!td::jpeg_supported()) {
        MESSAGE("skipped: built without libjpeg");
        return;
    }
    DigestRun run;
    run.site = td_test::output_dir() / "site-en-default";
    fs::remove_all(run.site);
    const auto result = run_cli({"digest", sample, "--date", "2026-01-26", "--lang", "en", "--out",
                                 run.site.string()});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    const fs::path post = run.site / "_posts/2026-01-26-twitter_ai_20260126_20260126.md";
    REQUIRE(fs::exists(post));
    const std::string text = td_test::read_file(post);
    CHECK(text.find("title: \"twitter_ai_20260126_20260126\"") != std::string::npos);
    const td::Digest digest =
        td::digest_from_json(td_test::read_file(fs::path(post).replace_extension(".json")));
    const fs::path image = run.site / td::wordcloud_relative_path(digest);
    CHECK(image.extension() == ".jpg");
    const std::string jpeg = td_test::read_file(image);
    REQUIRE(jpeg.size() > 1000);
    CHECK(static_cast<unsigned char>(jpeg[0]) == 0xFF);
    CHECK(static_cast<unsigned char>(jpeg[1]) == 0xD8);
    CHECK(static_cast<unsigned char>(jpeg[jpeg.size() - 2]) == 0xFF);
    CHECK(static_cast<unsigned char>(jpeg[jpeg.size() - 1]) == 0xD9);
}

TEST_CASE("a multi-day window gets both dates in its title") {
    const fs::path site = td_test::output_dir() / "site-range";
    fs::remove_all(site);
    const auto result = run_cli({"digest", sample, "--date", "2026-01-24", "--to", "2026-01-26",
                                 "--out", site.string(), "--image-format", "svg"});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    const std::string post =
        td_test::read_file(site / "_posts/2026-01-24-twitter_ai_20260124_20260126.md");
    CHECK(post.find("Twitter Ai 报告 (2026-01-24 至 2026-01-26)") != std::string::npos);
}

TEST_CASE("the CLI reports problems with exit statuses and messages") {
    SUBCASE("a day without tweets") {
        const auto result = run_cli({"digest", sample, "--date", "2020-01-01", "--out",
                                     (td_test::output_dir() / "site-empty").string()});
        CHECK(result.exit_status == 3);
        CHECK(result.err.find("no tweets") != std::string::npos);
    }
    SUBCASE("a missing option") {
        const auto result = run_cli({"digest", sample});
        CHECK(result.exit_status == 2);
        CHECK(result.err.find("--date") != std::string::npos);
    }
    SUBCASE("an unknown time zone") {
        const auto result = run_cli({"digest", sample, "--date", "2026-01-25", "--tz", "Nowhere/Else"});
        CHECK(result.exit_status == 2);
        CHECK(result.err.find("Nowhere/Else") != std::string::npos);
    }
    SUBCASE("an unknown command") {
        const auto result = run_cli({"summarise"});
        CHECK(result.exit_status == 2);
        CHECK(result.err.find("unknown command") != std::string::npos);
    }
    SUBCASE("a file that does not exist, next to one that does") {
        const auto result = run_cli({"terms", "/nonexistent/tweets.jsonl", sample, "--date",
                                     "2026-01-25", "--top", "5"});
        CHECK(result.exit_status == 0);
        CHECK(result.err.find("/nonexistent/tweets.jsonl") != std::string::npos);
        CHECK_FALSE(result.out.empty());
    }
}

TEST_CASE("every command answers --help") {
    for (const char* command : {"digest", "terms", "segment", "cloud", "ingest", "stats"}) {
        INFO(command);
        const auto result = run_cli({command, "--help"});
        CHECK(result.exit_status == 0);
        CHECK(result.out.find(std::string("usage: tweetdigest ") + command) != std::string::npos);
        CHECK(result.out.find("--help") != std::string::npos);
    }
}

TEST_CASE("segment writes space-separated words per line") {
    const auto result = run_cli({"segment"}, "我们在研究世界模型和AI代理\nClaude Code发布了新版本\n");
    REQUIRE(result.exit_status == 0);
    const auto newline = result.out.find('\n');
    REQUIRE(newline != std::string::npos);
    const std::string first = result.out.substr(0, newline);
    CHECK(first.find(' ') != std::string::npos);
    CHECK(first.find("  ") == std::string::npos);
    std::string joined;
    for (const char c : first)
        if (c != ' ') joined += c;
    CHECK(joined == "我们在研究世界模型和AI代理");
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 2);
}

TEST_CASE("terms --json and cloud from a TSV") {
    const auto terms = run_cli({"terms", sample, "--date", "2026-01-25", "--top", "40", "--json"});
    REQUIRE(terms.exit_status == 0);
    const auto ranked = boost::json::parse(terms.out).as_array();
    CHECK(ranked.size() == 40);

    std::string tsv;
    for (const auto& term : ranked)
        tsv += std::string(term.at("term").as_string()) + "\t" +
               std::to_string(term.at("score").to_number<double>()) + "\n";
    const fs::path tsv_path = td_test::output_dir() / "terms.tsv";
    std::ofstream(tsv_path) << tsv;
    const fs::path png = td_test::output_dir() / "terms-cloud.png";
    const fs::path layout = td_test::output_dir() / "terms-cloud.json";
    const auto cloud = run_cli({"cloud", tsv_path.string(), "--width", "640", "--height", "480",
                                "--out", png.string(), "--layout-json", layout.string()});
    INFO(cloud.err);
    REQUIRE(cloud.exit_status == 0);
    const td::Image image = td::decode_png(td_test::read_file(png));
    CHECK(image.width == 640);
    CHECK(image.height == 480);
    const auto placed = boost::json::parse(td_test::read_file(layout));
    CHECK(placed.is_object());
}
