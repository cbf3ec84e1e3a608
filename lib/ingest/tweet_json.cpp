#include <tweetdigest/ingest.hpp>

#include <boost/json.hpp>

namespace td {
namespace {

namespace json = boost::json;

json::array index_pair(std::size_t begin, std::size_t end) { return {begin, end}; }

json::object entity_to_json(const Entity& entity) {
    json::object object;
    object["kind"] = to_string(entity.kind);
    object["value"] = entity.value;
    if (!entity.list_slug.empty()) object["list_slug"] = entity.list_slug;
    object["bytes"] = index_pair(entity.byte_begin, entity.byte_end);
    object["code_points"] = index_pair(entity.begin, entity.end);
    object["utf16"] = index_pair(entity.begin_utf16, entity.end_utf16);
    return object;
}

json::value optional_id(const std::string& id) {
    if (id.empty()) return nullptr;
    return json::string(id);
}

}  // namespace

std::string tweet_to_json(const Tweet& tweet) {
    json::object object;
    object["id"] = tweet.id;
    object["id_approximate"] = tweet.id_approximate;
    object["url"] = tweet.url();
    object["created_at"] = format_iso8601_utc(tweet.created_at);
    object["local_date"] = tweet.local_date.to_string();
    object["author"] = {{"id", tweet.author.id}, {"username", tweet.author.username}, {"name", tweet.author.name},
                        {"followers", tweet.author.followers}};
    object["text"] = tweet.text;
    object["lang"] = tweet.lang;
    const Metrics& m = tweet.metrics;
    object["metrics"] = {{"likes", m.likes},       {"retweets", m.retweets},       {"replies", m.replies},
                         {"quotes", m.quotes},     {"impressions", m.impressions}, {"bookmarks", m.bookmarks}};
    json::array entities;
    for (const Entity& entity : tweet.entities) entities.push_back(entity_to_json(entity));
    object["entities"] = std::move(entities);
    object["is_retweet"] = tweet.is_retweet();
    object["is_quote"] = tweet.is_quote();
    object["retweet_of"] = optional_id(tweet.retweet_of_id);
    object["quote_of"] = optional_id(tweet.quote_of_id);
    object["reply_to"] = optional_id(tweet.reply_to_id);
    object["conversation_id"] = optional_id(tweet.conversation_id);
    object["dup_group"] = tweet.dup_group.empty() ? tweet.id : tweet.dup_group;
    object["dup_count"] = tweet.dup_count;
    object["retweets_seen"] = tweet.retweets_seen;
    return json::serialize(object);
}

}  // namespace td
