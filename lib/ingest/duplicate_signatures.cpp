#include "ingest/duplicate_groups.hpp"
#include "ingest/simhash.hpp"

#include <tweetdigest/ingest.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace td {
namespace {

namespace json = boost::json;

ingest::GroupingKey grouping_key(const DuplicateSignature& signature) {
    return {signature.id, signature.created_at, signature.engagement + signature.retweets_seen,
            signature.simhash.value_or(0), signature.simhash.has_value()};
}

std::string hex(std::uint64_t value) {
    char digits[16];
    for (int i = 15; i >= 0; --i, value >>= 4) digits[i] = "0123456789abcdef"[value & 15];
    return std::string(digits, 16);
}

[[noreturn]] void malformed(std::size_t index, std::string_view field, std::string_view why) {
    throw Error(Error::Code::parse, "duplicate signatures: element " + std::to_string(index) +
                                        (field.empty() ? "" : ", \"" + std::string(field) + "\"") + ": " + std::string(why));
}

class SignatureReader {
public:
    SignatureReader(const json::value& value, std::size_t index) : index_(index) {
        if (!value.is_object()) malformed(index_, "", "expected an object");
        object_ = &value.as_object();
        for (const auto& entry : *object_)
            if (!std::count(known.begin(), known.end(), entry.key())) malformed(index_, entry.key(), "unknown field");
    }

    std::string string(std::string_view key) const {
        const json::value& value = field(key);
        if (!value.is_string()) malformed(index_, key, "expected a string");
        return std::string(value.as_string());
    }
    bool boolean(std::string_view key) const {
        const json::value& value = field(key);
        if (!value.is_bool()) malformed(index_, key, "expected true or false");
        return value.as_bool();
    }
    template <typename Integer>
    Integer integer(std::string_view key) const {
        const json::value& value = field(key);
        if (value.is_int64() && std::in_range<Integer>(value.as_int64())) return static_cast<Integer>(value.as_int64());
        if (value.is_uint64() && std::in_range<Integer>(value.as_uint64())) return static_cast<Integer>(value.as_uint64());
        malformed(index_, key, "expected an integer in range");
    }
    std::optional<std::uint64_t> simhash() const {
        const json::value& value = field("simhash");
        if (value.is_null()) return std::nullopt;
        const json::string* text = value.if_string();
        std::uint64_t result = 0;
        if (!text || text->size() != 16 ||
            std::from_chars(text->data(), text->data() + 16, result, 16).ptr != text->data() + 16 ||
            std::any_of(text->begin(), text->end(), [](char c) { return c >= 'A' && c <= 'F'; }))
            malformed(index_, "simhash", "expected 16 lowercase hex digits or null");
        return result;
    }
    std::vector<std::string> strings(std::string_view key) const {
        const json::value& value = field(key);
        if (!value.is_array()) malformed(index_, key, "expected an array of strings");
        std::vector<std::string> result;
        for (const json::value& item : value.as_array()) {
            if (!item.is_string()) malformed(index_, key, "expected an array of strings");
            result.emplace_back(item.as_string());
        }
        return result;
    }

private:
    static constexpr std::array<std::string_view, 7> known{
        "id", "id_approximate", "created_at", "engagement", "retweets_seen", "simhash", "superseded_ids"};

    const json::value& field(std::string_view key) const {
        const json::value* value = object_->if_contains(key);
        if (!value) malformed(index_, key, "missing");
        return *value;
    }

    const json::object* object_ = nullptr;
    std::size_t index_;
};

}  // namespace

std::vector<DuplicateSignature> duplicate_signatures(const Corpus& corpus) {
    std::vector<DuplicateSignature> signatures;
    signatures.reserve(corpus.tweets.size());
    for (const Tweet& tweet : corpus.tweets) {
        DuplicateSignature signature;
        signature.id = tweet.id;
        signature.id_approximate = tweet.id_approximate;
        signature.created_at = tweet.created_at;
        signature.engagement = ingest::metrics_engagement(tweet.metrics);
        signature.retweets_seen = tweet.retweets_seen;
        if (!tweet.analysis_text.empty()) signature.simhash = ingest::simhash(tweet.analysis_text);
        const auto older = ingest::older_versions(tweet);
        signature.superseded_ids.assign(older.begin(), older.end());
        signatures.push_back(std::move(signature));
    }
    return signatures;
}

namespace {

// Folds a later copy of a tweet into the one kept. Field by field: kept.id is a key of the index.
void fold_repeat(DuplicateSignature& kept, DuplicateSignature&& repeat) {
    if (repeat.engagement > kept.engagement) {
        kept.created_at = repeat.created_at;
        kept.engagement = repeat.engagement;
        kept.simhash = repeat.simhash;
    }
    const std::uint64_t retweets = std::uint64_t{kept.retweets_seen} + repeat.retweets_seen;
    kept.retweets_seen = static_cast<std::uint32_t>(std::min<std::uint64_t>(retweets, UINT32_MAX));
    auto& superseded = kept.superseded_ids;
    superseded.insert(superseded.end(), repeat.superseded_ids.begin(), repeat.superseded_ids.end());
    std::sort(superseded.begin(), superseded.end());
    superseded.erase(std::unique(superseded.begin(), superseded.end()), superseded.end());
}

}  // namespace

std::vector<DuplicateSignature> merge_duplicate_signatures(std::vector<DuplicateSignature> first,
                                                           std::vector<DuplicateSignature> second) {
    std::vector<DuplicateSignature> merged;
    merged.reserve(first.size() + second.size());  // never reallocated: the index's views stay valid
    std::unordered_map<std::string_view, std::size_t> index_by_id;
    for (auto* part : {&first, &second}) {
        for (DuplicateSignature& signature : *part) {
            if (!signature.id_approximate) {
                if (const auto found = index_by_id.find(signature.id); found != index_by_id.end()) {
                    fold_repeat(merged[found->second], std::move(signature));
                    continue;
                }
            }
            merged.push_back(std::move(signature));
            if (!merged.back().id_approximate) index_by_id.emplace(merged.back().id, merged.size() - 1);
        }
    }
    std::unordered_set<std::string> superseded;
    for (const DuplicateSignature& signature : merged) superseded.insert(signature.superseded_ids.begin(), signature.superseded_ids.end());
    if (!superseded.empty())
        std::erase_if(merged, [&](const DuplicateSignature& s) { return !s.id_approximate && superseded.contains(s.id); });
    return merged;
}

std::vector<DuplicateCluster> duplicate_clusters(const std::vector<DuplicateSignature>& signatures, int max_distance,
                                                std::size_t threads) {
    std::vector<ingest::GroupingKey> keys;
    keys.reserve(signatures.size());
    for (const DuplicateSignature& signature : signatures) keys.push_back(grouping_key(signature));
    auto groups = ingest::duplicate_groups(keys, max_distance, threads);
    std::sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        return ingest::chronological(keys[a.front()], keys[b.front()]);
    });
    std::vector<DuplicateCluster> clusters;
    clusters.reserve(groups.size());
    for (const std::vector<std::size_t>& group : groups) {
        DuplicateCluster cluster;
        for (const std::size_t member : group) {
            cluster.ids.push_back(signatures[member].id);
            cluster.retweets_seen += signatures[member].retweets_seen;
        }
        clusters.push_back(std::move(cluster));
    }
    return clusters;
}

std::string duplicate_signatures_to_json(const std::vector<DuplicateSignature>& signatures) {
    json::array array;
    array.reserve(signatures.size());
    for (const DuplicateSignature& s : signatures) {
        json::array superseded(s.superseded_ids.begin(), s.superseded_ids.end());
        array.push_back(json::object{{"id", s.id},
                                     {"id_approximate", s.id_approximate},
                                     {"created_at", s.created_at},
                                     {"engagement", s.engagement},
                                     {"retweets_seen", s.retweets_seen},
                                     {"simhash", s.simhash ? json::value(hex(*s.simhash)) : json::value(nullptr)},
                                     {"superseded_ids", std::move(superseded)}});
    }
    return json::serialize(array);
}

std::vector<DuplicateSignature> duplicate_signatures_from_json(std::string_view text) {
    boost::system::error_code error;
    const json::value value = json::parse(text, error);
    if (error) throw Error(Error::Code::parse, "duplicate signatures: invalid JSON: " + error.message());
    if (!value.is_array()) throw Error(Error::Code::parse, "duplicate signatures: expected a JSON array");
    std::vector<DuplicateSignature> signatures;
    signatures.reserve(value.as_array().size());
    for (const json::value& item : value.as_array()) {
        const SignatureReader reader(item, signatures.size());
        DuplicateSignature s;
        s.id = reader.string("id");
        if (s.id.empty()) malformed(signatures.size(), "id", "empty");
        s.id_approximate = reader.boolean("id_approximate");
        s.created_at = reader.integer<std::int64_t>("created_at");
        s.engagement = reader.integer<std::uint64_t>("engagement");
        s.retweets_seen = reader.integer<std::uint32_t>("retweets_seen");
        s.simhash = reader.simhash();
        s.superseded_ids = reader.strings("superseded_ids");
        signatures.push_back(std::move(s));
    }
    return signatures;
}

}  // namespace td
