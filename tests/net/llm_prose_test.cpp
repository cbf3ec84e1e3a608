#include "loopback_server.hpp"

#include <tweetdigest/net.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace std::chrono_literals;
using td_test::LoopbackServer;
using td_test::ReceivedRequest;
using td_test::Reply;
using td_test::reply;
namespace json = boost::json;

namespace {

const std::string api_key = "sk-llm-s3cret";

td::Statement statement(std::string text, std::vector<std::string> ids) { return {std::move(text), std::move(ids)}; }

td::Digest sample_digest() {
    td::Digest digest;
    digest.language = td::Language::en;
    digest.time_zone = "Asia/Shanghai";
    digest.from = digest.to = td::LocalDate{2026, 1, 25};
    digest.counts.tweets = 120;
    digest.overview = statement("Claude Code and $NVDA led the day.", {"101", "103"});
    digest.sentiment = {0.625, 0.25, 0.125, "optimistic"};
    td::CorePoint claude;
    claude.title = "Claude Code";
    claude.summary = statement("Claude Code 2.1 shipped with 3 new agents.", {"101", "102"});
    claude.tweets = 12;
    td::CorePoint nvidia;
    nvidia.title = "NVDA";
    nvidia.summary = statement("$NVDA beat estimates by 8%.", {"103"});
    nvidia.tweets = 5;
    digest.core_points = {claude, nvidia};
    digest.views = {{"Alice", "alice", statement("Agents now write most of my code.", {"102"})}};
    digest.tickers = {{"$NVDA", "stock", 4, 0.5, statement("$NVDA beat estimates by 8%.", {"103"})}};
    digest.ai_analysis = {statement("Coding agents dominate.", {"101"}), statement("Agents spread.", {"102"})};
    digest.finance_analysis = {statement("Chips rallied.", {"103"})};
    digest.conclusions = {statement("A busy day for agents.", {"101"})};
    digest.sources = {{"101", "bob", "https://x.com/bob/status/101"},
                      {"102", "alice", "https://x.com/alice/status/102"},
                      {"103", "carol", "https://x.com/carol/status/103"}};
    return digest;
}

json::object said(std::string text, json::array ids) { return {{"text", std::move(text)}, {"tweet_ids", std::move(ids)}}; }

// A complete, valid answer; tests spoil one part of it.
json::object good_answer() {
    return {{"overview", said("Agents and chips: Claude Code 2.1 and $NVDA drew 120 tweets.", {"101", "103"})},
            {"core_points",
             json::array{json::object{{"index", 0}, {"summary", "Claude Code 2.1 added 3 agents."}, {"tweet_ids", {"101"}}},
                         json::object{{"index", 1}, {"summary", "$NVDA topped forecasts by 8%."}, {"tweet_ids", {"103"}}}}},
            {"views", json::array{json::object{{"index", 0}, {"text", "Alice says agents write her code."}, {"tweet_ids", {"102"}}}}},
            {"ai_analysis", json::array{said("Agents lead the AI talk.", {"101", "102"})}},
            {"finance_analysis", json::array{said("Chip stocks were upbeat (62.5% positive).", {"103"})}},
            {"conclusions", json::array{said("Agents everywhere.", {"101"})}}};
}

std::string completion(const std::string& content) {
    return json::serialize(json::object{
        {"id", "chatcmpl-1"},
        {"object", "chat.completion"},
        {"choices", json::array{json::object{{"index", 0},
                                             {"message", {{"role", "assistant"}, {"content", content}}},
                                             {"finish_reason", "stop"}}}},
        {"usage", {{"prompt_tokens", 900}, {"completion_tokens", 150}, {"total_tokens", 1050}}}});
}

td::LlmOptions options_for(const LoopbackServer& server) {
    td::LlmOptions options;
    options.base_url = server.url() + "/v1";
    options.model = "test-model";
    options.api_key = api_key;
    options.http.proxy = "";
    options.http.read_timeout = 2s;
    options.http.sleep = [](std::chrono::milliseconds) {};
    return options;
}

LoopbackServer answering(std::string content) {
    return LoopbackServer([content](const ReceivedRequest&, int) { return reply(200, completion(content)); }, 4);
}

bool mentions(const std::vector<td::Diagnostic>& diagnostics, const std::string& text) {
    for (const td::Diagnostic& d : diagnostics)
        if (d.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a valid answer rewrites every section and reports token usage") {
    const td::Digest original = sample_digest();
    LoopbackServer server = answering(json::serialize(good_answer()));
    const td::LlmResult result = td::improve_prose(original, options_for(server));

    CHECK(result.diagnostics.empty());
    CHECK(result.accepted == 7);
    CHECK(result.rejected == 0);
    CHECK(result.usage.prompt_tokens == 900);
    CHECK(result.usage.completion_tokens == 150);
    CHECK(result.usage.total_tokens == 1050);
    const td::Digest& digest = result.digest;
    CHECK(digest.overview.text == "Agents and chips: Claude Code 2.1 and $NVDA drew 120 tweets.");
    CHECK(digest.core_points[0].summary.text == "Claude Code 2.1 added 3 agents.");
    CHECK(digest.core_points[0].summary.tweet_ids == std::vector<std::string>{"101"});
    CHECK(digest.core_points[0].title == "Claude Code");
    CHECK(digest.core_points[1].summary.text == "$NVDA topped forecasts by 8%.");
    CHECK(digest.views[0].statement.text == "Alice says agents write her code.");
    REQUIRE(digest.ai_analysis.size() == 1);
    CHECK(digest.ai_analysis[0].text == "Agents lead the AI talk.");
    CHECK(digest.finance_analysis[0].text == "Chip stocks were upbeat (62.5% positive).");
    CHECK(digest.sources.size() == 3);
    CHECK(digest.tickers[0].representative.text == original.tickers[0].representative.text);

    const auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].target == "/v1/chat/completions");
    CHECK(requests[0].headers.at("authorization") == "Bearer " + api_key);
    const json::object body = json::parse(requests[0].body).as_object();
    CHECK(body.at("model").as_string() == "test-model");
    CHECK_FALSE(body.at("stream").as_bool());
    CHECK(body.at("response_format").at("type").as_string() == "json_schema");
    const std::string prompt(body.at("messages").as_array()[1].at("content").as_string());
    CHECK(prompt.find("Rewrite the report's prose in English") != std::string::npos);
    CHECK(prompt.find("\"tweet_ids\":[\"101\",\"103\"]") != std::string::npos);
    CHECK(prompt.find("\"positive_percent\":\"62.5%\"") != std::string::npos);
}

TEST_CASE("an answer that is not JSON leaves the digest unchanged") {
    const td::Digest original = sample_digest();
    LoopbackServer server = answering("Sorry, I can only answer in prose.");
    const td::LlmResult result = td::improve_prose(original, options_for(server));
    CHECK(result.digest.overview.text == original.overview.text);
    CHECK(result.digest.ai_analysis.size() == 2);
    CHECK(result.accepted == 0);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == "the answer is not a JSON object; kept the whole extractive text");
    CHECK(result.usage.total_tokens == 1050);
}

TEST_CASE("a JSON answer inside a Markdown fence is accepted") {
    LoopbackServer server = answering("```json\n" + json::serialize(good_answer()) + "\n```");
    const td::LlmResult result = td::improve_prose(sample_digest(), options_for(server));
    CHECK(result.diagnostics.empty());
    CHECK(result.accepted == 7);
}

TEST_CASE("a statement citing an invented tweet id keeps its extractive text") {
    json::object answer = good_answer();
    answer["core_points"].as_array()[0].as_object()["tweet_ids"] = {"101", "999"};
    LoopbackServer server = answering(json::serialize(answer));
    const td::Digest original = sample_digest();
    const td::LlmResult result = td::improve_prose(original, options_for(server));
    CHECK(result.digest.core_points[0].summary.text == original.core_points[0].summary.text);
    CHECK(result.digest.core_points[0].summary.tweet_ids == original.core_points[0].summary.tweet_ids);
    CHECK(result.digest.core_points[1].summary.text == "$NVDA topped forecasts by 8%.");
    CHECK(result.accepted == 6);
    CHECK(result.rejected == 1);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].source == "llm");
    CHECK(result.diagnostics[0].message ==
          "core_points[0]: cites tweet 999 that the evidence does not contain; kept the extractive text");
}

TEST_CASE("an invented ticker or number is rejected") {
    json::object answer = good_answer();
    answer["overview"] = said("Claude Code and $TSLA led the day.", {"101"});
    answer["conclusions"] = json::array{said("Agents grew 40% today.", {"101"}), said("Chips held.", {"103"})};
    LoopbackServer server = answering(json::serialize(answer));
    const td::Digest original = sample_digest();
    const td::LlmResult result = td::improve_prose(original, options_for(server));
    CHECK(result.digest.overview.text == original.overview.text);
    CHECK(mentions(result.diagnostics, "overview: names ticker $TSLA that the evidence does not contain"));
    CHECK(mentions(result.diagnostics, "conclusions[0]: states the number 40 that the evidence does not contain"));
    REQUIRE(result.digest.conclusions.size() == 2);
    CHECK(result.digest.conclusions[0].text == original.conclusions[0].text);
    CHECK(result.digest.conclusions[1].text == "Chips held.");
}

TEST_CASE("length limits, bad indexes and missing sections are reported") {
    json::object answer = good_answer();
    answer["views"] = json::array{json::object{{"index", 0}, {"text", std::string(400, 'a')}, {"tweet_ids", {"102"}}},
                                  json::object{{"index", 7}, {"text", "ghost"}, {"tweet_ids", {"102"}}}};
    answer.erase("finance_analysis");
    LoopbackServer server = answering(json::serialize(answer));
    const td::Digest original = sample_digest();
    const td::LlmResult result = td::improve_prose(original, options_for(server));
    CHECK(result.digest.views[0].statement.text == original.views[0].statement.text);
    CHECK(mentions(result.diagnostics, "views[0]: 400 characters, over the limit of 300"));
    CHECK(mentions(result.diagnostics, "views: an entry has no valid index"));
    CHECK(mentions(result.diagnostics, "finance_analysis: missing from the answer"));
    CHECK(result.digest.finance_analysis[0].text == original.finance_analysis[0].text);
}

TEST_CASE("a streamed (SSE) answer is assembled, with usage from the last chunk") {
    const std::string content = json::serialize(good_answer());
    LoopbackServer server([&](const ReceivedRequest&, int) {
        Reply stream = reply(200, "", {{"Content-Type", "text/event-stream"}});
        for (std::size_t at = 0; at < content.size(); at += 97) {
            const json::object chunk{
                {"choices", json::array{json::object{{"index", 0}, {"delta", {{"content", content.substr(at, 97)}}}}}}};
            const std::string event = "data: " + json::serialize(chunk) + "\n\n";
            // Split each event across writes, so lines arrive in pieces.
            stream.chunks.push_back(event.substr(0, event.size() / 2));
            stream.chunks.push_back(event.substr(event.size() / 2));
        }
        stream.chunks.push_back(": keep-alive\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        stream.chunks.push_back("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}\n\n");
        stream.chunks.push_back("data: [DONE]\n\n");
        return stream;
    }, 2);
    td::LlmOptions options = options_for(server);
    options.stream = true;
    std::string streamed;
    options.on_text = [&](std::string_view piece) { streamed += piece; };
    const td::LlmResult result = td::improve_prose(sample_digest(), options);
    CHECK(result.diagnostics.empty());
    CHECK(result.accepted == 7);
    CHECK(result.usage.total_tokens == 30);
    CHECK(streamed == content);
    const json::object body = json::parse(server.requests().at(0).body).as_object();
    CHECK(body.at("stream").as_bool());
    CHECK(body.at("stream_options").at("include_usage").as_bool());
}

TEST_CASE("a timeout leaves the digest unchanged and is reported") {
    LoopbackServer server([](const ReceivedRequest&, int) {
        Reply late = reply(200, completion("{}"));
        late.delay = 1500ms;
        return late;
    }, 1);
    td::LlmOptions options = options_for(server);
    options.http.read_timeout = 200ms;
    const td::Digest original = sample_digest();
    const auto start = std::chrono::steady_clock::now();
    const td::LlmResult result = td::improve_prose(original, options);
    CHECK(std::chrono::steady_clock::now() - start < 1000ms);
    CHECK(result.digest.overview.text == original.overview.text);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message.find("timeout") != std::string::npos);
    CHECK(result.diagnostics[0].message.find("kept the whole extractive text") != std::string::npos);
}

TEST_CASE("an HTTP error is a diagnostic that never shows the API key") {
    LoopbackServer server([](const ReceivedRequest& request, int) {
        return reply(401, "{\"error\": \"invalid key " + request.headers.at("authorization") + "\"}");
    }, 1);
    const td::LlmResult result = td::improve_prose(sample_digest(), options_for(server));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message.find("HTTP 401") != std::string::npos);
    CHECK(result.diagnostics[0].message.find(api_key) == std::string::npos);
}

TEST_CASE("nothing is sent without an endpoint and a model") {
    td::LlmOptions options;
    CHECK_THROWS_AS(td::improve_prose(sample_digest(), options), td::Error);
    options.base_url = "http://127.0.0.1:9/v1";
    CHECK_THROWS_AS(td::improve_prose(sample_digest(), options), td::Error);
}

TEST_CASE("the request for a Chinese digest is written in Chinese") {
    td::Digest digest = sample_digest();
    digest.language = td::Language::zh;
    td::LlmOptions options;
    options.model = "m";
    const json::object body = json::parse(td::prose_request_body(digest, options)).as_object();
    const std::string system(body.at("messages").as_array()[0].at("content").as_string());
    CHECK(system.find("请用简体中文重写") != std::string::npos);
    CHECK(body.at("max_tokens").as_int64() == 4000);
}
