// twitter-text configurations: parsed from their JSON form, the official ones embedded.
#include "common/resources.hpp"

#include <tweetdigest/common.hpp>
#include <tweetdigest/text.hpp>

#include <boost/json.hpp>

namespace td {
namespace {

int required_int(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value || !value->is_int64()) {
        throw Error(Error::Code::parse, "text configuration: \"" + std::string(key) + "\" must be an integer");
    }
    return static_cast<int>(value->as_int64());
}

TextConfig legacy_v1() {
    TextConfig config;
    config.max_weighted_length = 140;
    config.scale = 1;
    config.default_weight = 1;
    return config;
}

}  // namespace

TextConfig TextConfig::parse(std::string_view json) {
    boost::system::error_code error;
    const boost::json::value document = boost::json::parse(json, error);
    if (error || !document.is_object()) {
        throw Error(Error::Code::parse, "text configuration: not a JSON object");
    }
    const boost::json::object& object = document.get_object();
    TextConfig config;
    config.max_weighted_length = required_int(object, "maxWeightedTweetLength");
    config.scale = required_int(object, "scale");
    config.default_weight = required_int(object, "defaultWeight");
    config.transformed_url_length = required_int(object, "transformedURLLength");
    if (config.scale <= 0 || config.max_weighted_length <= 0) {
        throw Error(Error::Code::parse, "text configuration: scale and maxWeightedTweetLength must be positive");
    }
    if (const auto* emoji = object.if_contains("emojiParsingEnabled")) {
        config.emoji_parsing = emoji->is_bool() && emoji->as_bool();
    }
    if (const auto* ranges = object.if_contains("ranges")) {
        if (!ranges->is_array()) throw Error(Error::Code::parse, "text configuration: \"ranges\" must be an array");
        for (const boost::json::value& range : ranges->get_array()) {
            if (!range.is_object()) throw Error(Error::Code::parse, "text configuration: a range must be an object");
            const boost::json::object& fields = range.get_object();
            config.ranges.push_back({static_cast<char32_t>(required_int(fields, "start")),
                                     static_cast<char32_t>(required_int(fields, "end")),
                                     required_int(fields, "weight")});
        }
    }
    return config;
}

const TextConfig& TextConfig::v1() {
    static const TextConfig config = legacy_v1();
    return config;
}

const TextConfig& TextConfig::v2() {
    static const TextConfig config = parse(resources::get("text/v2.json"));
    return config;
}

const TextConfig& TextConfig::v3() {
    static const TextConfig config = parse(resources::get("text/v3.json"));
    return config;
}

}  // namespace td
