#include "ingest/timestamps.hpp"
#include "ingest/tweet_json_formats.hpp"

#include <memory>

namespace td::ingest {
namespace {

std::optional<std::string> id_of(const json::object& object, std::string_view name, const RecordSink& sink) {
    if (auto id = optional_id(object, std::string(name) + "_str", sink)) return id;
    return optional_id(object, name, sink);
}

Author author_from_user(const json::object& user, const RecordSink& sink) {
    Author author;
    author.id = id_of(user, "id", sink).value_or("");
    author.username = optional_string(user, "screen_name", sink);
    author.name = optional_string(user, "name", sink);
    author.followers = optional_count(user, "followers_count", sink);
    return author;
}

ParsedTweet convert(const json::object& object, const RecordSink& sink, bool unwrap_retweet) {
    ParsedTweet parsed;
    Tweet& tweet = parsed.tweet;
    if (auto id = optional_id(object, "id_str", sink)) tweet.id = *std::move(id);
    else tweet.id = required_id(object, "id");

    const json::object* extended = optional_object(object, "extended_tweet", sink);
    const json::value* long_text = extended != nullptr ? extended->if_contains("full_text") : nullptr;
    if (long_text != nullptr && long_text->is_string()) {
        tweet.text = decode_html_entities(long_text->get_string());
        collect_url_expansions(optional_object(*extended, "entities", sink), parsed.expansions);
    } else if (object.contains("full_text")) {
        tweet.text = decode_html_entities(required_string(object, "full_text"));
    } else {
        tweet.text = decode_html_entities(required_string(object, "text"));
    }
    collect_url_expansions(optional_object(object, "entities", sink), parsed.expansions);

    const std::string_view created_at = required_string(object, "created_at");
    if (!parse_any_timestamp(created_at, tweet.created_at))
        fail_record("invalid created_at \"" + std::string(created_at) + "\"");

    if (const json::object* user = optional_object(object, "user", sink))
        tweet.author = author_from_user(*user, sink);
    else if (auto author_id = optional_id(object, "author_id", sink))
        tweet.author.id = *std::move(author_id);
    tweet.lang = optional_string(object, "lang", sink);
    tweet.conversation_id = optional_id(object, "conversation_id", sink).value_or("");
    tweet.reply_to_id = id_of(object, "in_reply_to_status_id", sink).value_or("");

    Metrics& metrics = tweet.metrics;
    metrics.likes = optional_count(object, "favorite_count", sink);
    metrics.retweets = optional_count(object, "retweet_count", sink);
    metrics.replies = optional_count(object, "reply_count", sink);
    metrics.quotes = optional_count(object, "quote_count", sink);

    if (auto quoted = id_of(object, "quoted_status_id", sink)) tweet.quote_of_id = *std::move(quoted);
    else if (const json::object* quoted_status = optional_object(object, "quoted_status", sink))
        tweet.quote_of_id = id_of(*quoted_status, "id", sink).value_or("");

    if (const json::object* retweeted = optional_object(object, "retweeted_status", sink)) {
        if (!unwrap_retweet) return parsed;
        try {
            ParsedTweet original = convert(*retweeted, sink, false);
            complete_tweet(original.tweet, original.expansions, sink.zone());
            tweet.retweet_of_id = original.tweet.id;
            tweet.text = original.tweet.text;  // with the original's entities and analysis text
            tweet.original = std::make_shared<const Tweet>(std::move(original.tweet));
        } catch (const Error& error) {
            sink.warning(std::string("retweeted_status ignored: ") + error.what());
        }
    }
    return parsed;
}

}  // namespace

ParsedTweet tweet_from_v1(const json::object& object, const RecordSink& sink) {
    return convert(object, sink, true);
}

bool looks_like_v1(const json::object& object) {
    return object.contains("id_str") || object.contains("user") || object.contains("full_text") ||
           object.contains("extended_tweet") || object.contains("retweeted_status") ||
           object.contains("favorite_count");
}

}  // namespace td::ingest
