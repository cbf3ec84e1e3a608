#pragma once
// Typed access to the fields of a tweet's JSON object. Required fields throw Error(parse) with a
// reason; optional fields of the wrong type are reported as warnings and ignored.

#include "ingest/record_sink.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace td::ingest {

namespace json = boost::json;

[[noreturn]] void fail_record(std::string reason);

// An id given as a string of digits or as an integer.
std::string required_id(const json::object& object, std::string_view key);
std::optional<std::string> optional_id(const json::object& object, std::string_view key, const RecordSink& sink);
std::string_view required_string(const json::object& object, std::string_view key);
std::string_view optional_string(const json::object& object, std::string_view key, const RecordSink& sink);
const json::object* optional_object(const json::object& object, std::string_view key, const RecordSink& sink);
const json::array* optional_array(const json::object& object, std::string_view key, const RecordSink& sink);
// A count given as a non-negative number or a string of digits (archives); 0 when absent.
std::uint64_t optional_count(const json::object& object, std::string_view key, const RecordSink& sink);
// t.co links with their expansions from an `entities` object ("url" and "expanded_url").
void collect_url_expansions(const json::object* entities, std::vector<UrlExpansion>& expansions);

}  // namespace td::ingest
