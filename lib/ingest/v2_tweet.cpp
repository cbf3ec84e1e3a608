#include "ingest/tweet_json_formats.hpp"

#include <memory>

namespace td::ingest {
namespace {

enum class Nesting { top, embedded };

void add_objects_by_id(const json::object& includes, std::string_view key,
                       std::unordered_map<std::string_view, const json::object*>& by_id) {
    const json::value* list = includes.if_contains(key);
    if (list == nullptr || !list->is_array()) return;
    for (const json::value& entry : list->get_array()) {
        if (!entry.is_object()) continue;
        const json::value* id = entry.get_object().if_contains("id");
        if (id != nullptr && id->is_string()) by_id.emplace(id->get_string(), &entry.get_object());
    }
}

Author author_from_user(const json::object& user, const RecordSink& sink) {
    Author author;
    author.id = optional_id(user, "id", sink).value_or("");
    author.username = optional_string(user, "username", sink);
    author.name = optional_string(user, "name", sink);
    if (const json::object* metrics = optional_object(user, "public_metrics", sink))
        author.followers = optional_count(*metrics, "followers_count", sink);
    return author;
}

Metrics metrics_from(const json::object& metrics, const RecordSink& sink) {
    Metrics m;
    m.likes = optional_count(metrics, "like_count", sink);
    m.retweets = optional_count(metrics, "retweet_count", sink);
    m.replies = optional_count(metrics, "reply_count", sink);
    m.quotes = optional_count(metrics, "quote_count", sink);
    m.impressions = optional_count(metrics, "impression_count", sink);
    m.bookmarks = optional_count(metrics, "bookmark_count", sink);
    return m;
}

ParsedTweet convert(const json::object& object, V2Includes& includes, const RecordSink& sink,
                    Nesting nesting);

// The retweeted tweet: embedded in the reference itself (flattened form) or in includes.tweets.
std::shared_ptr<const Tweet> original_of(const json::object& reference, std::string_view id,
                                         V2Includes& includes, const RecordSink& sink) {
    const json::object* source = reference.contains("text") ? &reference : nullptr;
    std::string_view included_id;
    if (source == nullptr) {
        const auto found = includes.tweets.find(id);
        if (found == includes.tweets.end()) return nullptr;
        if (const auto converted = includes.converted.find(found->first); converted != includes.converted.end())
            return converted->second;
        source = found->second;
        included_id = found->first;
    }
    try {
        const std::uint64_t reported_before = sink.reported();
        ParsedTweet original = convert(*source, includes, sink, Nesting::embedded);
        complete_tweet(original.tweet, original.expansions, sink.zone());
        auto tweet = std::make_shared<const Tweet>(std::move(original.tweet));
        if (!included_id.empty() && sink.reported() == reported_before) includes.converted.emplace(included_id, tweet);
        return tweet;
    } catch (const Error& error) {
        sink.warning("retweeted tweet " + std::string(id) + " ignored: " + error.what());
        return nullptr;
    }
}

void read_references(const json::object& object, V2Includes& includes, const RecordSink& sink,
                     Nesting nesting, ParsedTweet& parsed) {
    const json::array* references = optional_array(object, "referenced_tweets", sink);
    if (references == nullptr) return;
    Tweet& tweet = parsed.tweet;
    for (const json::value& entry : *references) {
        if (!entry.is_object()) {
            sink.warning("ignored a referenced_tweets entry that is not an object");
            continue;
        }
        const json::object& reference = entry.get_object();
        const std::string_view type = optional_string(reference, "type", sink);
        std::string id = optional_id(reference, "id", sink).value_or("");
        if (id.empty()) continue;
        if (type == "replied_to") {
            tweet.reply_to_id = std::move(id);
        } else if (type == "quoted") {
            tweet.quote_of_id = std::move(id);
        } else if (type == "retweeted") {
            if (nesting == Nesting::top) {
                // The retweet shows its original's text, entities and analysis text.
                tweet.original = original_of(reference, id, includes, sink);
                if (tweet.original) tweet.text = tweet.original->text;
            }
            tweet.retweet_of_id = std::move(id);
        }
    }
}

ParsedTweet convert(const json::object& object, V2Includes& includes, const RecordSink& sink,
                    Nesting nesting) {
    ParsedTweet parsed;
    Tweet& tweet = parsed.tweet;
    tweet.id = required_id(object, "id");

    const json::object* note = optional_object(object, "note_tweet", sink);
    const json::value* note_text = note != nullptr ? note->if_contains("text") : nullptr;
    if (note_text != nullptr && note_text->is_string()) {
        tweet.text = decode_html_entities(note_text->get_string());
        collect_url_expansions(optional_object(*note, "entities", sink), parsed.expansions);
    } else {
        tweet.text = decode_html_entities(required_string(object, "text"));
    }
    collect_url_expansions(optional_object(object, "entities", sink), parsed.expansions);

    const std::string_view created_at = required_string(object, "created_at");
    if (!parse_iso8601(created_at, tweet.created_at))
        fail_record("invalid created_at \"" + std::string(created_at) + "\"");

    if (const json::object* author = optional_object(object, "author", sink)) {
        tweet.author = author_from_user(*author, sink);
    } else if (auto author_id = optional_id(object, "author_id", sink)) {
        const auto user = includes.users.find(*author_id);
        if (user != includes.users.end()) tweet.author = author_from_user(*user->second, sink);
        tweet.author.id = *std::move(author_id);
    }
    tweet.lang = optional_string(object, "lang", sink);
    tweet.conversation_id = optional_id(object, "conversation_id", sink).value_or("");
    if (const json::object* metrics = optional_object(object, "public_metrics", sink))
        tweet.metrics = metrics_from(*metrics, sink);
    else if (const json::object* labs_stats = optional_object(object, "stats", sink))  // Twitter Labs
        tweet.metrics = metrics_from(*labs_stats, sink);
    if (const json::array* edits = optional_array(object, "edit_history_tweet_ids", sink)) {
        for (const json::value& id : *edits)
            if (id.is_string()) tweet.edit_history_ids.emplace_back(id.get_string());
    }
    read_references(object, includes, sink, nesting, parsed);
    return parsed;
}

}  // namespace

V2Includes V2Includes::from_page(const json::object& page) {
    V2Includes includes;
    const json::value* value = page.if_contains("includes");
    if (value == nullptr || !value->is_object()) return includes;
    add_objects_by_id(value->get_object(), "users", includes.users);
    add_objects_by_id(value->get_object(), "tweets", includes.tweets);
    return includes;
}

ParsedTweet tweet_from_v2(const json::object& object, V2Includes& includes, const RecordSink& sink) {
    return convert(object, includes, sink, Nesting::top);
}

}  // namespace td::ingest
