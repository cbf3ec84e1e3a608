#pragma once
// Converters from the JSON tweet objects of the X API v2 and of v1.1/Labs/archives to Tweet.
// They throw Error(parse) for a record that is not a usable tweet.

#include "ingest/json_fields.hpp"

#include <memory>
#include <string_view>
#include <unordered_map>

namespace td::ingest {

// The expansions of a v2 response page, looked up by id.
struct V2Includes {
    std::unordered_map<std::string_view, const json::object*> users;
    std::unordered_map<std::string_view, const json::object*> tweets;
    // Tweets of `tweets` already converted without a diagnostic, for the page's other retweets
    // of them: they share one copy.
    std::unordered_map<std::string_view, std::shared_ptr<const Tweet>> converted;

    static V2Includes from_page(const json::object& page);
};

ParsedTweet tweet_from_v2(const json::object& object, V2Includes& includes, const RecordSink& sink);
ParsedTweet tweet_from_v1(const json::object& object, const RecordSink& sink);
// v1.1 objects carry id_str, user, full_text, extended_tweet or retweeted_status; v2 ones do not.
bool looks_like_v1(const json::object& object);

}  // namespace td::ingest
