#include "net/prose_evidence.hpp"

#include <boost/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace td::net {
namespace {

namespace json = boost::json;

const char* impact_name(Impact impact) {
    switch (impact) {
        case Impact::high: return "high";
        case Impact::medium: return "medium";
        case Impact::low: return "low";
    }
    return "medium";
}

json::array ids_of(const Statement& statement, ProseEvidence& evidence) {
    json::array ids;
    for (const std::string& id : statement.tweet_ids) {
        ids.emplace_back(id);
        evidence.tweet_ids.insert(id);
    }
    return ids;
}

json::object statement_json(const Statement& statement, ProseEvidence& evidence) {
    return {{"text", statement.text}, {"tweet_ids", ids_of(statement, evidence)}};
}

json::array statements_json(const std::vector<Statement>& statements, ProseEvidence& evidence) {
    json::array out;
    for (const Statement& statement : statements) out.emplace_back(statement_json(statement, evidence));
    return out;
}

// Fractions as text ("0.5", "62.5%"): JSON serializers print doubles as 6.25E1, which a model
// would copy or misread.
std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
    return out;
}

std::string percent(double share) { return decimal(std::round(share * 1000.0) / 10.0) + "%"; }

// Every number the evidence states, as JSON numbers or inside its texts.
void collect_facts(const json::value& value, ProseEvidence& evidence) {
    switch (value.kind()) {
        case json::kind::string:
            for (const double number : find_numbers(value.get_string())) evidence.numbers.insert(number);
            for (const std::string& ticker : find_tickers(value.get_string())) evidence.tickers.insert(ticker);
            break;
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: evidence.numbers.insert(value.to_number<double>()); break;
        case json::kind::array:
            for (const json::value& item : value.get_array()) collect_facts(item, evidence);
            break;
        case json::kind::object:
            for (const auto& field : value.get_object()) collect_facts(field.value(), evidence);
            break;
        default: break;
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

json::object statement_schema(const char* text_field) {
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", json::array{text_field, "tweet_ids"}},
            {"properties",
             {{text_field, {{"type", "string"}}},
              {"tweet_ids", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

json::object indexed_schema(const char* text_field) {
    json::object schema = statement_schema(text_field);
    schema["required"].as_array().insert(schema["required"].as_array().begin(), "index");
    schema["properties"].as_object()["index"] = {{"type", "integer"}};
    return schema;
}

json::object list_schema(json::object items) { return {{"type", "array"}, {"items", std::move(items)}}; }

constexpr std::string_view instructions_zh =
    "你是一份每日推文报告的编辑。下面的 JSON 是报告的证据：话题簇、代表性推文（带 id）、词语、"
    "代码/币种、事件和情绪数据，以及每一节现有的摘录式文字。请用简体中文重写报告的文字部分：概述、"
    "每个核心观点的一句话总结、各条观点、AI 分析、金融分析和结论。规则：只使用证据中的信息；"
    "每条陈述的 tweet_ids 必须来自证据；不要写证据中没有的股票代码（$XXX）或数字，数字原样照抄；"
    "core_points 和 views 的 index 对应证据中的 index；只输出符合给定 JSON Schema 的 JSON。";

constexpr std::string_view instructions_en =
    "You edit a daily report on tweets. The JSON below is the report's evidence: topic clusters, "
    "representative tweets with their ids, terms, tickers, events and sentiment figures, and the "
    "current extractive text of each section. Rewrite the report's prose in English: the "
    "overview, a one-sentence summary per core point, each view, the AI analysis, the finance "
    "analysis and the conclusions. Rules: use only information in the evidence; every "
    "statement's tweet_ids must come from the evidence; write no ticker ($XXX) or number that the "
    "evidence does not contain, and copy numbers exactly; the index of core_points and views "
    "refers to the index in the evidence; answer only with JSON following the given JSON Schema.";

}  // namespace

ProseEvidence collect_evidence(const Digest& digest) {
    ProseEvidence evidence;
    json::object& out = evidence.json;
    out["language"] = digest.language == Language::zh ? "zh" : "en";
    out["window"] = {{"from", digest.from.to_string()}, {"to", digest.to.to_string()},
                     {"time_zone", digest.time_zone}};
    out["counts"] = {{"tweets", digest.counts.tweets}, {"authors", digest.counts.authors},
                     {"distinct_tweets", digest.counts.kept}};
    out["sentiment"] = {{"label", digest.sentiment.label},
                        {"positive_percent", percent(digest.sentiment.positive)},
                        {"neutral_percent", percent(digest.sentiment.neutral)},
                        {"negative_percent", percent(digest.sentiment.negative)}};
    out["overview"] = statement_json(digest.overview, evidence);

    json::array points;
    for (std::size_t i = 0; i < digest.core_points.size(); ++i) {
        const CorePoint& point = digest.core_points[i];
        json::array terms(point.terms.begin(), point.terms.end());
        points.push_back(json::object{{"index", i},
                                      {"title", point.title},
                                      {"summary", point.summary.text},
                                      {"tweet_ids", ids_of(point.summary, evidence)},
                                      {"terms", std::move(terms)},
                                      {"tweets", point.tweets},
                                      {"impact", impact_name(point.impact)}});
    }
    out["core_points"] = std::move(points);

    json::array views;
    for (std::size_t i = 0; i < digest.views.size(); ++i) {
        const View& view = digest.views[i];
        views.push_back(json::object{{"index", i},
                                     {"author", view.author},
                                     {"username", view.username},
                                     {"text", view.statement.text},
                                     {"tweet_ids", ids_of(view.statement, evidence)}});
    }
    out["views"] = std::move(views);

    json::array events;
    for (const KeyEvent& event : digest.events) {
        json::object entry = statement_json(event.event, evidence);
        entry["date"] = event.date.to_string();
        entry["impact"] = impact_name(event.impact);
        events.push_back(std::move(entry));
    }
    out["events"] = std::move(events);

    json::array tickers;
    for (const TickerMention& ticker : digest.tickers) {
        json::object entry = statement_json(ticker.representative, evidence);
        entry["symbol"] = ticker.symbol;
        entry["kind"] = ticker.kind;
        entry["mentions"] = ticker.mentions;
        entry["sentiment"] = decimal(ticker.sentiment);
        tickers.push_back(std::move(entry));
        std::string symbol = ticker.symbol;
        if (!symbol.empty() && symbol[0] != '$') symbol.insert(0, "$");
        for (const std::string& found : find_tickers(symbol)) evidence.tickers.insert(found);
    }
    out["tickers"] = std::move(tickers);

    json::array terms;
    for (std::size_t i = 0; i < digest.top_terms.size() && i < 40; ++i) terms.emplace_back(digest.top_terms[i].display);
    out["terms"] = std::move(terms);
    out["ai_analysis"] = statements_json(digest.ai_analysis, evidence);
    out["finance_analysis"] = statements_json(digest.finance_analysis, evidence);
    out["conclusions"] = statements_json(digest.conclusions, evidence);
    for (const SourceTweet& source : digest.sources) evidence.tweet_ids.insert(source.id);

    collect_facts(out, evidence);
    evidence.numbers.insert(static_cast<double>(digest.core_points.size()));
    return evidence;
}

std::vector<std::string> find_tickers(std::string_view text) {
    std::vector<std::string> tickers;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '$' || !std::isalpha(static_cast<unsigned char>(text[i + 1]))) continue;
        if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
        std::string symbol = "$";
        std::size_t j = i + 1;
        for (; j < text.size() && symbol.size() <= 12; ++j) {
            const auto c = static_cast<unsigned char>(text[j]);
            if (!std::isalnum(c) && c != '_' && !(c == '.' && j + 1 < text.size() &&
                                                  std::isalpha(static_cast<unsigned char>(text[j + 1]))))
                break;
            symbol += static_cast<char>(std::toupper(c));
        }
        tickers.push_back(symbol);
        i = j - 1;
    }
    return tickers;
}

std::vector<double> find_numbers(std::string_view text) {
    std::vector<double> numbers;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i])) continue;
        std::string digits;
        std::size_t j = i;
        for (; j < text.size(); ++j) {
            const bool grouping = text[j] == ',' && j + 3 < text.size() && is_digit(text[j + 1]) &&
                                  is_digit(text[j + 2]) && is_digit(text[j + 3]) &&
                                  digits.find('.') == std::string::npos;
            const bool decimal = text[j] == '.' && j + 1 < text.size() && is_digit(text[j + 1]) &&
                                 digits.find('.') == std::string::npos;
            if (is_digit(text[j]) || decimal) digits += text[j];
            else if (!grouping) break;
        }
        numbers.push_back(std::strtod(digits.c_str(), nullptr));
        i = j - 1;
    }
    return numbers;
}

json::object answer_schema() {
    json::object statement = statement_schema("text");
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", json::array{"overview", "core_points", "views", "ai_analysis", "finance_analysis",
                                     "conclusions"}},
            {"properties",
             {{"overview", statement},
              {"core_points", list_schema(indexed_schema("summary"))},
              {"views", list_schema(indexed_schema("text"))},
              {"ai_analysis", list_schema(statement)},
              {"finance_analysis", list_schema(statement)},
              {"conclusions", list_schema(statement)}}}};
}

json::object chat_request_body(const Digest& digest, const ProseEvidence& evidence, const LlmOptions& options) {
    const std::string_view instructions = digest.language == Language::zh ? instructions_zh : instructions_en;
    const json::object schema = answer_schema();
    std::string user = std::string(instructions);
    user += "\n\nJSON Schema:\n" + json::serialize(schema) + "\n\nEvidence:\n" + json::serialize(evidence.json);
    json::object body{{"model", options.model},
                      {"messages", json::array{json::object{{"role", "system"}, {"content", instructions}},
                                               json::object{{"role", "user"}, {"content", user}}}},
                      {"temperature", options.temperature},
                      {"max_tokens", options.max_tokens}};
    if (options.json_schema_response_format)
        body["response_format"] = {
            {"type", "json_schema"},
            {"json_schema", {{"name", "digest_prose"}, {"strict", true}, {"schema", schema}}}};
    return body;
}

}  // namespace td::net
