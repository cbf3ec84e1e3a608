#include "ingest/readers.hpp"
#include "ingest/tweet_json_formats.hpp"

namespace td::ingest {
namespace {

template <typename Convert>
void emit_converted(RecordSink& sink, const std::string& context, Convert&& convert) {
    ParsedTweet parsed;
    try {
        parsed = convert();
    } catch (const Error& error) {
        sink.error(context + error.what());
        return;
    }
    sink.emit(std::move(parsed));
}

std::string api_error_text(const json::value& error) {
    if (!error.is_object()) return json::serialize(error);
    const json::object& object = error.get_object();
    std::string text;
    for (const char* key : {"title", "detail", "message"}) {
        const json::value* part = object.if_contains(key);
        if (part == nullptr || !part->is_string()) continue;
        if (!text.empty()) text += ": ";
        text += part->get_string();
    }
    return text.empty() ? json::serialize(error) : text;
}

void report_api_errors(const json::array& errors, bool page_has_data, RecordSink& sink) {
    if (errors.empty()) return;
    if (page_has_data) {
        sink.warning("the page reports " + std::to_string(errors.size()) +
                     " API error(s), first: " + api_error_text(errors.front()));
        return;
    }
    for (const json::value& error : errors) sink.warning("API error: " + api_error_text(error));
}

// Pages of users or of tweet counts come from the same tools but hold no tweets.
const char* non_tweet_page_kind(const json::value& first) {
    if (!first.is_object()) return nullptr;
    const json::object& object = first.get_object();
    if (object.contains("text") || object.contains("note_tweet")) return nullptr;
    if (object.contains("tweet_count") && object.contains("start")) return "tweet counts";
    if (object.contains("username")) return "users";
    return nullptr;
}

void convert_page(const json::object& page, RecordSink& sink, InputFormat format) {
    const json::value* errors = page.if_contains("errors");
    const json::value& data = page.at("data");
    if (errors != nullptr && errors->is_array()) report_api_errors(errors->get_array(), !data.is_null(), sink);
    if (data.is_null()) return;
    V2Includes includes = V2Includes::from_page(page);
    const auto convert_one = [&](const json::value& entry, const std::string& context) {
        if (!entry.is_object()) {
            sink.error(context + "not a tweet object");
            return;
        }
        const json::object& object = entry.get_object();
        emit_converted(sink, context, [&] {
            return format == InputFormat::v1 ? tweet_from_v1(object, sink) : tweet_from_v2(object, includes, sink);
        });
    };
    if (data.is_object()) {
        convert_one(data, "");
        return;
    }
    if (!data.is_array()) {
        sink.error("data is not a tweet object or an array of tweets");
        return;
    }
    const json::array& tweets = data.get_array();
    if (tweets.empty()) return;
    if (const char* kind = non_tweet_page_kind(tweets.front())) {
        sink.warning(std::string("skipped a page of ") + kind + ", not tweets");
        return;
    }
    for (std::size_t i = 0; i < tweets.size(); ++i)
        convert_one(tweets[i], "data[" + std::to_string(i) + "]: ");
}

void convert_tweet_object(const json::object& object, RecordSink& sink, InputFormat format) {
    const bool v1 = format == InputFormat::v1 || format == InputFormat::archive ||
                    (format == InputFormat::automatic && looks_like_v1(object));
    V2Includes no_includes;
    emit_converted(sink, "", [&] {
        return v1 ? tweet_from_v1(object, sink) : tweet_from_v2(object, no_includes, sink);
    });
}

}  // namespace

void convert_json_value(const json::value& value, RecordSink& sink, InputFormat format) {
    if (value.is_array()) {
        for (const json::value& element : value.get_array()) convert_json_value(element, sink, format);
        return;
    }
    if (!value.is_object()) {
        sink.error("expected a JSON object (tweet or page), found " + json::serialize(value).substr(0, 40));
        return;
    }
    const json::object& object = value.get_object();
    if (object.contains("data")) {
        convert_page(object, sink, format);
    } else if (const json::value* entry = object.if_contains("tweet"); entry != nullptr && entry->is_object()) {
        convert_tweet_object(entry->get_object(), sink, InputFormat::archive);
    } else if (const json::value* errors = object.if_contains("errors");
               errors != nullptr && errors->is_array() && !object.contains("id")) {
        report_api_errors(errors->get_array(), false, sink);
    } else {
        convert_tweet_object(object, sink, format);
    }
}

}  // namespace td::ingest
