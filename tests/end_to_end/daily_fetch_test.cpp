// `daily` with a fetch step: the day is fetched from an emulated X API on loopback into the
// configured file, which the digest then reads; a failed fetch is an error, not "no tweets".

#include "cli_runner.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using td_test::LoopbackServer;
using td_test::ReceivedRequest;
using td_test::Reply;
using td_test::reply;
using td_test::run_cli;

namespace {

const char* const texts[] = {
    "Anthropic 发布 Claude Code 新版本，支持多智能体并行编程，开发效率大幅提升。",
    "Claude Code 的子代理功能太强大了，重构整个仓库只用了十分钟。",
    "Kimi K2.5 开源，多模态推理接近闭源模型，成本只有十分之一。",
    "实测 Kimi K2.5 本地部署，视觉问答效果不错。",
    "英伟达 $NVDA 财报超预期，数据中心收入同比大增。",
    "$NVDA 盘后上涨，AI 芯片需求依旧强劲。",
};

// Page n (0 or 1) of a search for the day: three tweets each, created on 2026-02-10 in Shanghai.
std::string page(int n) {
    std::string body = "{\"data\": [";
    for (int i = 0; i < 3; ++i) {
        const int k = 3 * n + i;
        if (i) body += ",";
        body += "{\"id\": \"" + std::to_string(2000000000000000000LL + k) + "\", \"text\": \"" + texts[k] +
                "\", \"author_id\": \"7\", \"created_at\": \"2026-02-10T0" + std::to_string(k) +
                ":00:00.000Z\", \"public_metrics\": {\"like_count\": " + std::to_string(10 * (k + 1)) +
                ", \"retweet_count\": 1, \"reply_count\": 0, \"quote_count\": 0}}";
    }
    body += "], \"includes\": {\"users\": [{\"id\": \"7\", \"username\": \"alice\", \"name\": \"Alice\"}]}, ";
    body += "\"meta\": {\"result_count\": 3";
    if (n == 0) body += ", \"next_token\": \"t1\"";
    return body + "}}";
}

fs::path write_config(const fs::path& dir, const std::string& base_url) {
    fs::create_directories(dir);
    const fs::path config = dir / "daily.json";
    std::ofstream(config) << "{\"inputs\": [], \"time_zone\": \"Asia/Shanghai\", \"site\": \"site\", "
                          << "\"history\": \"history\", \"image_format\": \"svg\", \"fetch\": {\"query\": \"AI lang:zh\", "
                          << "\"output\": \"fetched/{date}.jsonl\", \"base_url\": \"" << base_url << "\"}}";
    return config;
}

}  // namespace

TEST_CASE("daily fetches the day into its file and builds the post from it") {
    ::setenv("TWEETDIGEST_X_BEARER_TOKEN", "x-test-token", 1);
    LoopbackServer server([](const ReceivedRequest& request, int) {
        return reply(200, page(request.target.find("next_token=t1") != std::string::npos ? 1 : 0),
                     {{"Content-Type", "application/json"}});
    });
    const fs::path dir = td_test::output_dir() / "daily_fetch";
    fs::remove_all(dir);
    const std::string config = write_config(dir, server.url()).string();

    const auto result = run_cli({"daily", "--config", config, "--date", "2026-02-10"});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    const std::vector<ReceivedRequest> requests = server.requests();
    REQUIRE(requests.size() == 2);
    // The Shanghai day in UTC: 2026-02-09T16:00Z .. 2026-02-10T16:00Z.
    CHECK(requests[0].target.find("2026-02-09T16") != std::string::npos);
    CHECK(requests[0].target.find("2026-02-10T16") != std::string::npos);
    CHECK(requests[0].headers.at("authorization") == "Bearer x-test-token");

    const std::string fetched = td_test::read_file(dir / "fetched/2026-02-10.jsonl");
    CHECK(std::count(fetched.begin(), fetched.end(), '\n') == 2);  // one page per line
    const std::string post = td_test::read_file(dir / "site/_posts/2026-02-10-twitter_ai_20260210_20260210.md");
    CHECK(post.find("https://x.com/alice/status/2000000000000000005") != std::string::npos);
    CHECK(post.find("$NVDA") != std::string::npos);
    CHECK(fs::exists(dir / "history/2026-02-10/day.json"));

    // --no-fetch builds the same post from the file already fetched, asking nothing more.
    const auto again = run_cli({"daily", "--config", config, "--date", "2026-02-10", "--no-fetch"});
    INFO(again.err);
    REQUIRE(again.exit_status == 0);
    CHECK(server.requests().size() == 2);
    CHECK(td_test::read_file(dir / "site/_posts/2026-02-10-twitter_ai_20260210_20260210.md") == post);
}

TEST_CASE("a refused fetch fails the daily run with exit status 1 and the API's answer") {
    ::setenv("TWEETDIGEST_X_BEARER_TOKEN", "x-test-token", 1);
    LoopbackServer server([](const ReceivedRequest&, int) {
        return reply(401, "{\"title\": \"Unauthorized\", \"detail\": \"Unauthorized\", \"status\": 401}",
                     {{"Content-Type", "application/json"}});
    });
    const fs::path dir = td_test::output_dir() / "daily_fetch_refused";
    fs::remove_all(dir);
    const auto result = run_cli({"daily", "--config", write_config(dir, server.url()).string(), "--date", "2026-02-10"});
    INFO(result.err);
    CHECK(result.exit_status == 1);
    CHECK(result.err.find("401") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "site/_posts/2026-02-10-twitter_ai_20260210_20260210.md"));
}
