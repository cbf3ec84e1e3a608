#include "history/manifest.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace td::history {
namespace {

namespace json = boost::json;

std::string hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

[[noreturn]] void fail(const std::string& what) { throw Error(Error::Code::parse, "day.json: " + what); }

const json::value& field(const json::object& object, std::string_view key, const std::string& path) {
    const json::value* value = object.if_contains(key);
    if (!value) fail(path + "." + std::string(key) + " is missing");
    return *value;
}

std::string text(const json::object& object, std::string_view key, const std::string& path) {
    const json::value& value = field(object, key, path);
    if (!value.is_string()) fail(path + "." + std::string(key) + " must be a string");
    return std::string(value.as_string());
}

std::uint64_t count(const json::object& object, std::string_view key, const std::string& path) {
    const json::value& value = field(object, key, path);
    if (value.is_uint64()) return value.as_uint64();
    if (value.is_int64() && value.as_int64() >= 0) return std::uint64_t(value.as_int64());
    fail(path + "." + std::string(key) + " must be a non-negative integer");
}

const json::array& array(const json::object& object, std::string_view key, const std::string& path) {
    const json::value& value = field(object, key, path);
    if (!value.is_array()) fail(path + "." + std::string(key) + " must be an array");
    return value.as_array();
}

const json::object& object_at(const json::value& value, const std::string& path) {
    if (!value.is_object()) fail(path + " must be an object");
    return value.as_object();
}

LocalDate date(const json::object& object, std::string_view key, const std::string& path) {
    const std::string value = text(object, key, path);
    try {
        return LocalDate::parse(value);
    } catch (const Error& error) {
        fail(path + "." + std::string(key) + ": " + error.what());
    }
}

FileCheck file_check(const json::object& files, std::string_view name) {
    const std::string path = "$.files." + std::string(name);
    const json::object& file = object_at(field(files, name, "$.files"), path);
    FileCheck check;
    check.bytes = count(file, "bytes", path);
    const bool crc = file.contains("crc32");
    check.sum = crc ? FileCheck::Sum::crc32_trailer : FileCheck::Sum::fnv1a64;
    const std::string_view field_name = crc ? "crc32" : "fnv1a64";
    const std::size_t digits = crc ? 8 : 16;
    const std::string sum = text(file, field_name, path);
    const auto [end, error] = std::from_chars(sum.data(), sum.data() + sum.size(), check.checksum, 16);
    if (sum.size() != digits || error != std::errc() || end != sum.data() + sum.size())
        fail(path + "." + std::string(field_name) + " must be " + std::to_string(digits) + " hex digits");
    return check;
}

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) noexcept {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

FileCheck check_of(std::string_view bytes) noexcept { return {bytes.size(), FileCheck::Sum::fnv1a64, fnv1a64(bytes)}; }

FileCheck trailer_check_of(std::string_view bytes) noexcept {
    std::uint64_t trailer = 0;
    if (bytes.size() >= 4)
        for (std::size_t i = 0; i < 4; ++i)
            trailer |= std::uint64_t(static_cast<unsigned char>(bytes[bytes.size() - 4 + i])) << (8 * i);
    return {bytes.size(), FileCheck::Sum::crc32_trailer, trailer};
}

bool matches(const FileCheck& expected, std::string_view bytes) noexcept {
    const FileCheck found = expected.sum == FileCheck::Sum::fnv1a64 ? check_of(bytes) : trailer_check_of(bytes);
    return found.bytes == expected.bytes && found.checksum == expected.checksum;
}

std::string write_manifest(const Manifest& m) {
    const HistoryEntry& e = m.entry;
    json::array top_terms, stories;
    for (const std::string& key : e.day.top_terms) top_terms.emplace_back(key);
    for (const StorySignature& story : e.day.stories) {
        json::array terms, ids;
        for (const WeightedTerm& t : story.terms) terms.push_back(json::object{{"key", t.key}, {"weight", t.weight}});
        for (const std::string& id : story.tweet_ids) ids.emplace_back(id);
        stories.push_back(json::object{{"title", story.title}, {"terms", std::move(terms)},
                                       {"tweet_ids", std::move(ids)}, {"since", story.since.to_string()}});
    }
    auto file = [](const FileCheck& c) {
        if (c.sum == FileCheck::Sum::crc32_trailer)
            return json::object{{"bytes", c.bytes}, {"crc32", hex(c.checksum).substr(8)}};
        return json::object{{"bytes", c.bytes}, {"fnv1a64", hex(c.checksum)}};
    };
    const json::object manifest{
        {"schema", schema},
        {"date", e.day.date.to_string()},
        {"title", e.day.title},
        {"language", e.language},
        {"time_zone", e.time_zone},
        {"documents", e.documents},
        {"tweets", e.tweets},
        {"files", json::object{{stats_file, file(m.stats)}, {digest_file, file(m.digest)}}},
        {"top_terms", std::move(top_terms)},
        {"stories", std::move(stories)},
    };
    return json::serialize(manifest) + "\n";
}

Manifest read_manifest(std::string_view text_bytes) {
    // The document lives only while it is read: one arena instead of an allocation per node.
    unsigned char arena[16384];
    json::monotonic_resource resource(arena, sizeof arena);
    json::error_code error;
    const json::value value = json::parse(text_bytes, error, &resource);
    if (error) fail("not JSON: " + error.message());
    const json::object& root = object_at(value, "$");
    const std::string found_schema = text(root, "schema", "$");
    if (found_schema != schema && found_schema != schema_v1)
        fail("schema is '" + found_schema + "', expected '" + std::string(schema) + "' or '" + std::string(schema_v1) + "'");
    Manifest m;
    HistoryEntry& e = m.entry;
    e.day.date = date(root, "date", "$");
    e.day.title = text(root, "title", "$");
    e.language = text(root, "language", "$");
    e.time_zone = text(root, "time_zone", "$");
    e.documents = count(root, "documents", "$");
    e.tweets = count(root, "tweets", "$");
    const json::object& files = object_at(field(root, "files", "$"), "$.files");
    m.stats = file_check(files, stats_file);
    m.digest = file_check(files, digest_file);
    for (const json::value& key : array(root, "top_terms", "$")) {
        if (!key.is_string()) fail("$.top_terms must hold strings");
        e.day.top_terms.emplace_back(key.as_string());
    }
    std::size_t index = 0;
    for (const json::value& item : array(root, "stories", "$")) {
        const std::string path = "$.stories[" + std::to_string(index++) + "]";
        const json::object& s = object_at(item, path);
        StorySignature& story = e.day.stories.emplace_back();
        story.title = text(s, "title", path);
        story.since = date(s, "since", path);
        for (const json::value& t : array(s, "terms", path)) {
            const json::object& term = object_at(t, path + ".terms[]");
            const json::value& weight = field(term, "weight", path + ".terms[]");
            if (!weight.is_number() || !std::isfinite(weight.to_number<double>()))
                fail(path + ".terms[].weight must be a finite number");
            story.terms.push_back({text(term, "key", path + ".terms[]"), weight.to_number<double>()});
        }
        for (const json::value& id : array(s, "tweet_ids", path)) {
            if (!id.is_string()) fail(path + ".tweet_ids must hold strings");
            story.tweet_ids.emplace_back(id.as_string());
        }
    }
    return m;
}

}  // namespace td::history
