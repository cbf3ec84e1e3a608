#pragma once
// One request to an OpenAI-compatible /chat/completions endpoint, streamed or not.

#include <tweetdigest/net.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace td::net {

struct ChatAnswer {
    std::string content;
    std::string finish_reason;
    LlmUsage usage;
};

// Sends `body` (model, messages, ...; "stream" is set from options) with the API key, and
// collects the answer. Throws Error(io) for transport or HTTP failures and Error(parse) when the
// reply is not a chat completion.
ChatAnswer request_chat_completion(boost::json::object body, const LlmOptions& options);

}  // namespace td::net
