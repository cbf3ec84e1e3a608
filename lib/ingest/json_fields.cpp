#include "ingest/json_fields.hpp"

#include <charconv>

namespace td::ingest {
namespace {

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

const char* kind_name(const json::value& value) {
    switch (value.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "unknown";
}

std::string wrong_type(std::string_view key, const json::value& value, const char* expected) {
    return std::string(key) + " is " + kind_name(value) + ", expected " + expected;
}

std::optional<std::string> id_text(const json::value& value) {
    if (value.is_string() && is_digits(value.get_string())) return std::string(value.get_string());
    if (value.is_uint64()) return std::to_string(value.get_uint64());
    if (value.is_int64() && value.get_int64() >= 0) return std::to_string(value.get_int64());
    return std::nullopt;
}

}  // namespace

void fail_record(std::string reason) { throw Error(Error::Code::parse, std::move(reason)); }

std::string required_id(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) fail_record("missing " + std::string(key));
    if (auto id = id_text(*value)) return *std::move(id);
    if (value->is_string()) fail_record(std::string(key) + " \"" + std::string(value->get_string()) + "\" is not a decimal id");
    fail_record(wrong_type(key, *value, "a string of digits"));
}

std::optional<std::string> optional_id(const json::object& object, std::string_view key, const RecordSink& sink) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (auto id = id_text(*value)) return id;
    sink.warning("ignored " + wrong_type(key, *value, "a string of digits"));
    return std::nullopt;
}

std::string_view required_string(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) fail_record("missing " + std::string(key));
    if (!value->is_string()) fail_record(wrong_type(key, *value, "a string"));
    return value->get_string();
}

std::string_view optional_string(const json::object& object, std::string_view key, const RecordSink& sink) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return {};
    if (value->is_string()) return value->get_string();
    sink.warning("ignored " + wrong_type(key, *value, "a string"));
    return {};
}

const json::object* optional_object(const json::object& object, std::string_view key, const RecordSink& sink) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return nullptr;
    if (value->is_object()) return &value->get_object();
    sink.warning("ignored " + wrong_type(key, *value, "an object"));
    return nullptr;
}

const json::array* optional_array(const json::object& object, std::string_view key, const RecordSink& sink) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return nullptr;
    if (value->is_array()) return &value->get_array();
    sink.warning("ignored " + wrong_type(key, *value, "an array"));
    return nullptr;
}

std::uint64_t optional_count(const json::object& object, std::string_view key, const RecordSink& sink) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) return 0;
    if (value->is_uint64()) return value->get_uint64();
    if (value->is_int64() && value->get_int64() >= 0) return static_cast<std::uint64_t>(value->get_int64());
    if (value->is_double() && value->get_double() >= 0 && value->get_double() < 1e19)
        return static_cast<std::uint64_t>(value->get_double());
    if (value->is_string() && is_digits(value->get_string())) {
        const std::string_view text = value->get_string();
        std::uint64_t count = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (ec == std::errc() && end == text.data() + text.size()) return count;
    }
    sink.warning("ignored " + wrong_type(key, *value, "a non-negative count"));
    return 0;
}

void collect_url_expansions(const json::object* entities, std::vector<UrlExpansion>& expansions) {
    if (entities == nullptr) return;
    const json::value* urls = entities->if_contains("urls");
    if (urls == nullptr || !urls->is_array()) return;
    for (const json::value& entry : urls->get_array()) {
        if (!entry.is_object()) continue;
        const json::value* url = entry.get_object().if_contains("url");
        const json::value* expanded = entry.get_object().if_contains("expanded_url");
        if (url == nullptr || !url->is_string() || expanded == nullptr || !expanded->is_string()) continue;
        expansions.push_back({std::string(url->get_string()), std::string(expanded->get_string())});
    }
}

}  // namespace td::ingest
