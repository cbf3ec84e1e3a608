#pragma once
// What the model may write from: the digest's evidence, and the facts an answer is checked
// against (tweet ids, tickers, numbers).

#include <tweetdigest/digest.hpp>
#include <tweetdigest/net.hpp>

#include <boost/json/object.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace td::net {

struct ProseEvidence {
    boost::json::object json;  // sent to the model
    std::set<std::string> tweet_ids;
    std::set<std::string> tickers;  // "$NVDA", upper case
    std::set<double> numbers;
};

ProseEvidence collect_evidence(const Digest& digest);

// "$nvda and $BTC" -> {"$NVDA", "$BTC"}; "$5" is a number, not a ticker.
std::vector<std::string> find_tickers(std::string_view text);
// "3,000 users, 62.5% and 2026" -> {3000, 62.5, 2026}.
std::vector<double> find_numbers(std::string_view text);

// The JSON schema of the answer.
boost::json::object answer_schema();
// The chat-completions body: model, messages (instructions in the digest's language, then the
// evidence), temperature, max_tokens, response_format.
boost::json::object chat_request_body(const Digest& digest, const ProseEvidence& evidence,
                                      const LlmOptions& options);

}  // namespace td::net
