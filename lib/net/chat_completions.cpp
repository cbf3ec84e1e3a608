#include "net/chat_completions.hpp"

#include "net/sse.hpp"

#include <boost/json.hpp>

#include <cstdlib>

namespace td::net {
namespace {

namespace json = boost::json;

std::string api_key(const LlmOptions& options) {
    if (!options.api_key.empty()) return options.api_key;
    const char* value = std::getenv("TWEETDIGEST_LLM_API_KEY");
    return value ? value : "";
}

std::uint64_t count(const json::object& usage, const char* name) {
    const json::value* value = usage.if_contains(name);
    return value && value->is_number() ? value->to_number<std::uint64_t>() : 0;
}

void read_usage(const json::object& chunk, LlmUsage& usage) {
    const json::value* value = chunk.if_contains("usage");
    if (!value || !value->is_object()) return;
    usage.prompt_tokens = count(value->as_object(), "prompt_tokens");
    usage.completion_tokens = count(value->as_object(), "completion_tokens");
    usage.total_tokens = count(value->as_object(), "total_tokens");
    if (usage.total_tokens == 0) usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
}

std::string string_at(const json::object& object, const char* name) {
    const json::value* value = object.if_contains(name);
    return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

const json::object* first_choice(const json::object& chunk) {
    const json::value* choices = chunk.if_contains("choices");
    if (!choices || !choices->is_array() || choices->as_array().empty()) return nullptr;
    return choices->as_array()[0].if_object();
}

class AnswerCollector {
public:
    AnswerCollector(const std::string& where, const LlmOptions& options) : where_(where), options_(options) {}

    void complete(std::string_view body) {
        const json::object chunk = parse(body);
        const json::object* choice = first_choice(chunk);
        const json::value* message = choice ? choice->if_contains("message") : nullptr;
        if (!message || !message->is_object()) throw malformed("no choices[0].message");
        answer_.content = string_at(message->as_object(), "content");
        if (answer_.content.empty()) {
            const std::string refusal = string_at(message->as_object(), "refusal");
            throw malformed(refusal.empty() ? "an empty answer" : "the model refused: " + refusal);
        }
        answer_.finish_reason = string_at(*choice, "finish_reason");
        read_usage(chunk, answer_.usage);
    }

    void stream_event(std::string_view data) {
        if (data == "[DONE]") return;
        const json::object chunk = parse(data);
        if (const json::value* error = chunk.if_contains("error"))
            throw Error(Error::Code::io, where_ + ": the stream reported an error: " + json::serialize(*error));
        read_usage(chunk, answer_.usage);
        const json::object* choice = first_choice(chunk);
        if (!choice) return;
        if (const std::string reason = string_at(*choice, "finish_reason"); !reason.empty())
            answer_.finish_reason = reason;
        const json::value* delta = choice->if_contains("delta");
        if (!delta || !delta->is_object()) return;
        const std::string piece = string_at(delta->as_object(), "content");
        answer_.content += piece;
        if (options_.on_text && !piece.empty()) options_.on_text(piece);
    }

    ChatAnswer take() { return std::move(answer_); }

private:
    json::object parse(std::string_view text) const {
        boost::system::error_code error;
        json::value value = json::parse(text, error);
        if (error || !value.is_object()) throw malformed("not a JSON object");
        return std::move(value.as_object());
    }

    Error malformed(const std::string& why) const {
        return Error(Error::Code::parse, where_ + ": not a chat completion: " + why);
    }

    std::string where_;
    const LlmOptions& options_;
    ChatAnswer answer_;
};

}  // namespace

ChatAnswer request_chat_completion(json::object body, const LlmOptions& options) {
    std::string base = options.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    HttpRequest request;
    request.method = "POST";
    request.url = base + "/chat/completions";
    request.headers = {{"Content-Type", "application/json"}};
    if (const std::string key = api_key(options); !key.empty())
        request.headers.push_back({"Authorization", "Bearer " + key});
    body["stream"] = options.stream;
    if (options.stream) body["stream_options"] = {{"include_usage", true}};
    request.body = json::serialize(body);

    AnswerCollector collector("POST " + redact_url(request.url), options);
    if (!options.stream) {
        collector.complete(http_send(request, options.http).body);
        return collector.take();
    }
    SseParser events([&](std::string_view data) { collector.stream_event(data); });
    request.headers.push_back({"Accept", "text/event-stream"});
    request.on_body_data = [&](std::string_view bytes) { events.feed(bytes); };
    http_send(request, options.http);
    events.finish();
    return collector.take();
}

}  // namespace td::net
