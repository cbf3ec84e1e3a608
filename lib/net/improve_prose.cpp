#include "net/chat_completions.hpp"
#include "net/prose_answer.hpp"
#include "net/prose_evidence.hpp"

#include <tweetdigest/net.hpp>

#include <boost/json.hpp>

namespace td {
namespace {

void require_endpoint(const LlmOptions& options) {
    if (options.base_url.empty()) throw Error(Error::Code::invalid_argument, "no LLM base URL given");
    if (options.model.empty()) throw Error(Error::Code::invalid_argument, "no LLM model given");
}

Diagnostic failure(const std::string& message) {
    return {Diagnostic::Severity::warning, "llm", 0, 0, message + "; kept the whole extractive text"};
}

}  // namespace

std::string prose_request_body(const Digest& digest, const LlmOptions& options) {
    const net::ProseEvidence evidence = net::collect_evidence(digest);
    return boost::json::serialize(net::chat_request_body(digest, evidence, options));
}

LlmResult improve_prose(const Digest& digest, const LlmOptions& options) {
    require_endpoint(options);
    const net::ProseEvidence evidence = net::collect_evidence(digest);
    LlmResult result;
    net::ChatAnswer answer;
    try {
        answer = net::request_chat_completion(net::chat_request_body(digest, evidence, options), options);
    } catch (const Error& error) {
        if (error.code() == Error::Code::invalid_argument || error.code() == Error::Code::unsupported) throw;
        result.digest = digest;
        result.diagnostics.push_back(failure(error.what()));
        return result;
    }
    result.usage = answer.usage;
    net::ProseMerge merge = net::merge_prose_answer(digest, answer.content, evidence, options.limits);
    if (answer.finish_reason == "length")
        merge.diagnostics.insert(merge.diagnostics.begin(),
                                 {Diagnostic::Severity::warning, "llm", 0, 0,
                                  "the answer was cut at max_tokens (" + std::to_string(options.max_tokens) + ")"});
    result.digest = std::move(merge.digest);
    result.diagnostics = std::move(merge.diagnostics);
    result.accepted = merge.accepted;
    result.rejected = merge.rejected;
    return result;
}

}  // namespace td
