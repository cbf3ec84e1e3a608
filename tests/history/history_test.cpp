// Five days run one after another into a history folder: momentum, stories carried forward,
// reproducible re-runs and range reports.

#include "five_days.hpp"
#include "test_support.hpp"

#include <tweetdigest/history.hpp>
#include <tweetdigest/render.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace td_test;

namespace {

td::DigestOptions day_options() {
    td::DigestOptions options;
    options.language = td::Language::zh;
    return options;
}

// Runs days 1..last into a fresh history folder and returns the last day's digest.
td::Digest run_days(const fs::path& dir, int last, std::vector<td::Diagnostic>* diagnostics = nullptr) {
    const td::HistoryOptions history{dir.string(), 7};
    td::Digest digest;
    for (int day = 1; day <= last; ++day)
        digest = td::build_digest_with_history(five_day_corpus(day), day_options(), history, true, diagnostics);
    return digest;
}

fs::path fresh(const std::string& name) {
    const fs::path dir = output_dir() / name;
    fs::remove_all(dir);
    return dir;
}

// Whether one of the point's leading signature terms contains `part` (phrase discovery may glue
// neighbouring words onto a name, e.g. "kimi k2.5开源").
bool mentions(const td::CorePoint& point, const std::string& part) {
    for (std::size_t i = 0; i < point.signature.size() && i < 5; ++i)
        if (point.signature[i].key.find(part) != std::string::npos) return true;
    return false;
}

const td::CorePoint* point_with(const td::Digest& digest, const std::string& key) {
    for (const td::CorePoint& point : digest.core_points)
        if (mentions(point, key)) return &point;
    return nullptr;
}

}  // namespace

TEST_CASE("five days: rising, continuing and faded topics") {
    const fs::path dir = fresh("history-five-days");
    std::vector<td::Diagnostic> diagnostics;
    const td::Digest day5 = run_days(dir, 5, &diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(day5.title == "twitter_ai_20260125_20260125");

    const td::CorePoint* claude = point_with(day5, "claude");
    REQUIRE(claude);
    CHECK(claude->momentum.trend == td::Trend::rising);
    REQUIRE(claude->momentum.days.size() == 5);
    CHECK(claude->momentum.days.back().count > 3 * claude->momentum.days.front().count);
    CHECK(claude->momentum.z >= 2.0);

    const std::string post = td::render_markdown(day5);
    const td::CorePoint* figure = point_with(day5, "helix");
    REQUIRE(figure);
    CHECK(figure->story.status == td::StoryStatus::continuing);
    CHECK(figure->story.since == five_day_date(3));
    CHECK(figure->story.matched_day == five_day_date(4));
    CHECK(figure->momentum.trend != td::Trend::rising);

    // The IMF story stopped: nothing about it rises; its terms show up as falling.
    for (const td::CorePoint& point : day5.core_points) CHECK_FALSE(mentions(point, "imf"));
    bool imf_falling = false;
    for (const td::TermTrend& trend : day5.term_trends) {
        if (trend.key.find("imf") == std::string::npos && trend.key.find("达沃斯") == std::string::npos) continue;
        CHECK(trend.momentum.trend == td::Trend::falling);
        imf_falling = true;
    }
    CHECK(imf_falling);

    const td::CorePoint* cowos = point_with(day5, "cowos");
    REQUIRE(cowos);
    CHECK(cowos->story.status == td::StoryStatus::new_story);
    CHECK(day5.new_stories >= 1);
    CHECK(post.find("新话题") != std::string::npos);

    // Stories every day since day 1 continue; the overview counts the new ones.
    const td::CorePoint* kimi = point_with(day5, "kimi");
    REQUIRE(kimi);
    CHECK(kimi->story.status == td::StoryStatus::continuing);
    CHECK(kimi->story.since == five_day_date(1));
    std::uint64_t fresh_points = 0;
    for (const td::CorePoint& point : day5.core_points) fresh_points += point.story.status == td::StoryStatus::new_story;
    CHECK(day5.new_stories == fresh_points);
    CHECK(day5.overview.text.find(std::to_string(fresh_points) + " 个要点是新话题") != std::string::npos);

    CHECK(post.find("延续自 [2026-01-23]({{ \"/2026/01/23/twitter_ai_20260123_20260123.html\" | relative_url }})") !=
          std::string::npos);
    CHECK(post.find("### 热词动量") != std::string::npos);
    CHECK(post.find("上升（") != std::string::npos);

    // The JSON carries the new fields and reads them back.
    const td::Digest back = td::digest_from_json(td::render_json(day5));
    // (Boost.JSON 1.81 may parse a double one ulp off, so numbers compare approximately.)
    REQUIRE(back.core_points.size() == day5.core_points.size());
    for (std::size_t i = 0; i < day5.core_points.size(); ++i) {
        const td::CorePoint &a = back.core_points[i], &b = day5.core_points[i];
        CHECK(a.momentum.trend == b.momentum.trend);
        CHECK(a.momentum.z == doctest::Approx(b.momentum.z));
        CHECK(a.momentum.days.size() == b.momentum.days.size());
        CHECK(a.momentum.days.back().count == b.momentum.days.back().count);
        CHECK(a.story.status == b.story.status);
        CHECK(a.story.since == b.story.since);
        CHECK(a.story.since_title == b.story.since_title);
        CHECK(a.story.matched_day == b.story.matched_day);
        REQUIRE(a.signature.size() == b.signature.size());
        CHECK(a.signature.front().key == b.signature.front().key);
        CHECK(a.signature.front().weight == doctest::Approx(b.signature.front().weight));
    }
    CHECK(back.term_trends.size() == day5.term_trends.size());
    CHECK(back.new_stories == day5.new_stories);
}

TEST_CASE("running a day again replaces its entry byte for byte") {
    const fs::path dir = fresh("history-rerun");
    const td::Digest first = run_days(dir, 5);
    const fs::path day = dir / "2026-01-25";
    const std::string stats = read_file(day / "terms.bin"), json = read_file(day / "digest.json"),
                      manifest = read_file(day / "day.json");
    const td::Digest again =
        td::build_digest_with_history(five_day_corpus(5), day_options(), {dir.string(), 7}, true);
    CHECK(td::render_markdown(again) == td::render_markdown(first));
    CHECK(read_file(day / "terms.bin") == stats);
    CHECK(read_file(day / "digest.json") == json);
    CHECK(read_file(day / "day.json") == manifest);

    // Nothing double counted: still five days, day 5 with its own documents once.
    const td::HistoryLoad load = td::load_history(dir.string(), five_day_date(1), five_day_date(5));
    CHECK(load.diagnostics.empty());
    REQUIRE(load.entries.size() == 5);
    CHECK(load.entries.back().day.terms.documents() == five_day_corpus(5).tweets.size());
}

TEST_CASE("a corrupt or foreign file is skipped with a diagnostic and the run succeeds") {
    const fs::path dir = fresh("history-corrupt");
    run_days(dir, 4);
    {
        std::ofstream truncate(dir / "2026-01-23" / "terms.bin", std::ios::binary | std::ios::trunc);
        truncate << "TDTS";
    }
    {
        std::ofstream garbage(dir / "2026-01-22" / "day.json", std::ios::trunc);
        garbage << "{\"schema\": \"something.else/9\"}";
    }
    { std::ofstream foreign(dir / "notes.txt"); foreign << "not history"; }

    std::vector<td::Diagnostic> diagnostics;
    const td::Digest day5 = td::build_digest_with_history(five_day_corpus(5), day_options(), {dir.string(), 7}, true,
                                                          &diagnostics);
    CHECK_FALSE(day5.core_points.empty());
    auto diagnosed = [&](const std::string& path_part, const std::string& reason) {
        for (const td::Diagnostic& d : diagnostics)
            if (d.source.find(path_part) != std::string::npos && d.message.find(reason) != std::string::npos) return true;
        return false;
    };
    CHECK(diagnosed("2026-01-23/terms.bin", "does not match day.json"));
    CHECK(diagnosed("2026-01-22/day.json", "schema is 'something.else/9'"));
    CHECK(diagnosed("notes.txt", "not a history day"));
    // Days 1 and 4 were still read: the topics that ran every day continue.
    const td::CorePoint* kimi = point_with(day5, "kimi");
    REQUIRE(kimi);
    CHECK(kimi->story.status == td::StoryStatus::continuing);
    CHECK(kimi->momentum.days.size() == 3);
}

TEST_CASE("a range report over days 1-5 comes from the history") {
    const fs::path dir = fresh("history-range");
    run_days(dir, 5);
    std::vector<td::Diagnostic> diagnostics;
    const td::Digest range = td::build_range_digest(nullptr, five_day_date(1), five_day_date(5), day_options(),
                                                    {dir.string(), 7}, &diagnostics);
    CHECK(diagnostics.empty());
    CHECK(range.title == "twitter_ai_20260121_20260125");
    CHECK(range.from == five_day_date(1));
    CHECK(range.to == five_day_date(5));
    REQUIRE(range.days.size() == 5);
    for (const td::DaySummary& day : range.days) CHECK(day.source == "history");
    std::uint64_t tweets = 0;
    for (int day = 1; day <= 5; ++day) tweets += five_day_corpus(day).tweets.size();
    CHECK(range.counts.tweets == tweets);
    CHECK_FALSE(range.top_terms.empty());
    const td::CorePoint* kimi = point_with(range, "kimi");
    REQUIRE(kimi);
    CHECK(kimi->tweets >= 5 * 8);
    CHECK(td::post_relative_path(range) == "_posts/2026-01-21-twitter_ai_20260121_20260125.md");
    const std::string post = td::render_markdown(range);
    CHECK(post.find("title: \"twitter_ai_20260121_20260125\"") != std::string::npos);
    CHECK(post.find("Twitter Ai 报告 (2026-01-21 至 2026-01-25)") != std::string::npos);
    CHECK(post.find("### 逐日脉络") != std::string::npos);
    CHECK(post.find("{{ \"/2026/01/24/twitter_ai_20260124_20260124.html\" | relative_url }}") != std::string::npos);
    CHECK(td::digest_from_json(td::render_json(range)).days.size() == 5);

    // A day missing from the history is built from the input, then stored.
    fs::remove_all(dir / "2026-01-23");
    const td::Corpus all = five_day_range_corpus();
    const td::Digest mixed = td::build_range_digest(&all, five_day_date(1), five_day_date(5), day_options(),
                                                    {dir.string(), 7});
    REQUIRE(mixed.days.size() == 5);
    CHECK(mixed.days[2].source == "input");
    CHECK(mixed.days[1].source == "history");
    CHECK(fs::exists(dir / "2026-01-23" / "day.json"));
    td::Digest relabelled = mixed;
    relabelled.days[2].source = "history";
    CHECK(td::render_json(relabelled) == td::render_json(range));
}

TEST_CASE("a range over stored days whose points and tickers cite no tweet still concludes") {
    // Day files are JSON that people and other tools may write: a point or ticker may cite nothing.
    const fs::path dir = fresh("history-uncited");
    const td::HistoryOptions history{dir.string(), 7};
    std::vector<td::Digest> days;
    std::size_t tickers = 0;
    for (int day = 1; day <= 2; ++day) {
        td::Digest digest = td::build_digest_with_history(five_day_corpus(day), day_options(), history, true);
        for (td::CorePoint& point : digest.core_points) point.summary.tweet_ids.clear();
        for (td::TickerMention& ticker : digest.tickers) ticker.representative.tweet_ids.clear();
        tickers += digest.tickers.size();
        days.push_back(td::digest_from_json(td::render_json(digest)));
    }
    REQUIRE_FALSE(days[1].core_points.empty());
    CHECK(tickers > 0);
    const td::Digest range = td::compose_range_digest(days, td::TermStats{}, day_options());
    REQUIRE_FALSE(range.core_points.empty());
    REQUIRE(range.conclusions.size() >= 2);
    for (const td::Statement& conclusion : range.conclusions)
        for (const std::string& id : conclusion.tweet_ids) CHECK_FALSE(id.empty());
    CHECK(td::render_markdown(range).find(range.conclusions.front().text) != std::string::npos);
}
