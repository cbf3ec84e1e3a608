#include "day_generator.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace e2e {
namespace {

constexpr std::uint64_t first_id = 3'000'000'000'000'000'000ULL;  // above every sample id
constexpr std::uint64_t tweets_per_page = 100;
constexpr std::size_t clause_code_points = 60;

// A string's JSON escaping, without the quotes, so that escaped pieces can be concatenated.
std::string escaped(std::string_view text) {
    std::string quoted = json::serialize(json::string(text));
    return quoted.substr(1, quoted.size() - 2);
}

// An object's members as JSON text, without the braces ("" for an empty object).
std::string members_of(const json::object& object) {
    if (object.empty()) return "";
    const std::string text = json::serialize(object);
    return text.substr(1, text.size() - 2);
}

const json::string* string_member(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? &value->get_string() : nullptr;
}

using ById = std::unordered_map<std::string, const json::object*>;

ById objects_by_id(const json::object& page, std::string_view list) {
    ById by_id;
    const json::value* includes = page.if_contains("includes");
    if (includes == nullptr || !includes->is_object()) return by_id;
    const json::value* entries = includes->get_object().if_contains(list);
    if (entries == nullptr || !entries->is_array()) return by_id;
    for (const json::value& entry : entries->get_array())
        if (entry.is_object())
            if (const json::string* id = string_member(entry.get_object(), "id")) by_id.emplace(*id, &entry.get_object());
    return by_id;
}

// One sample tweet, split into the members every copy changes and the members it keeps.
struct Sample {
    std::string kept_members;  // serialized, without braces
    std::string text;          // escaped
    bool has_note = false;     // note_tweet.text (the long form) gets the clause too
    std::string note_text;     // escaped
    std::string note_members;  // note_tweet members other than text
    bool own_conversation = false;  // conversation_id was the tweet's own id
    bool retweet = false;           // the text is the original's, so it stays as it is
    std::string raw_text;
    std::vector<std::pair<std::string, std::string>> users;     // id, serialized includes.users entry
    std::vector<std::pair<std::string, std::string>> embedded;  // id, serialized includes.tweets entry
};

void add_user(const ById& users, const json::object& tweet, Sample& sample) {
    const json::string* author = string_member(tweet, "author_id");
    if (author == nullptr) return;
    if (const auto found = users.find(std::string(*author)); found != users.end())
        sample.users.emplace_back(found->first, json::serialize(*found->second));
}

Sample sample_from(json::object tweet, const ById& users, const ById& tweets) {
    Sample sample;
    const std::string id(tweet.at("id").get_string());
    sample.raw_text = std::string(tweet.at("text").get_string());
    sample.text = escaped(sample.raw_text);
    if (json::value* note = tweet.if_contains("note_tweet"); note != nullptr && note->is_object()) {
        json::object& object = note->get_object();
        if (const json::string* text = string_member(object, "text")) {
            sample.has_note = true;
            sample.note_text = escaped(*text);
            object.erase("text");
            sample.note_members = members_of(object);
            tweet.erase("note_tweet");
        }
    }
    if (const json::string* conversation = string_member(tweet, "conversation_id"); conversation && *conversation == id) {
        sample.own_conversation = true;
        tweet.erase("conversation_id");
    }
    add_user(users, tweet, sample);
    if (const json::value* references = tweet.if_contains("referenced_tweets"); references && references->is_array()) {
        for (const json::value& reference : references->get_array()) {
            if (!reference.is_object()) continue;
            const json::string* type = string_member(reference.get_object(), "type");
            const json::string* target = string_member(reference.get_object(), "id");
            if (type != nullptr && *type == "retweeted") sample.retweet = true;
            if (target == nullptr) continue;
            if (const auto found = tweets.find(std::string(*target)); found != tweets.end()) {
                sample.embedded.emplace_back(found->first, json::serialize(*found->second));
                add_user(users, *found->second, sample);
            }
        }
    }
    for (const char* key : {"id", "created_at", "edit_history_tweet_ids", "text"}) tweet.erase(key);
    sample.kept_members = members_of(tweet);
    return sample;
}

bool is_tweet(const json::value& value) {
    if (!value.is_object()) return false;
    const json::object& object = value.get_object();
    return string_member(object, "id") && string_member(object, "text") && string_member(object, "created_at");
}

// The tweets of every page (or single-tweet line) of a JSONL file, skipping lines that do not parse.
void read_samples(const fs::path& path, std::unordered_set<std::string>& seen, std::vector<Sample>& samples) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        json::error_code error;
        json::value page = json::parse(line, error);
        if (error || !page.is_object()) continue;
        json::value* data = page.get_object().if_contains("data");
        if (data == nullptr) continue;
        const ById users = objects_by_id(page.get_object(), "users");
        const ById tweets = objects_by_id(page.get_object(), "tweets");
        const auto add = [&](const json::value& tweet) {
            if (!is_tweet(tweet) || !seen.emplace(tweet.get_object().at("id").get_string()).second) return;
            samples.push_back(sample_from(tweet.get_object(), users, tweets));
        };
        if (data->is_array())
            for (const json::value& tweet : data->get_array()) add(tweet);
        else
            add(*data);
    }
}

std::vector<Sample> load_samples(const fs::path& shared_data, const fs::path& source_dir) {
    std::vector<fs::path> files;
    const fs::path twarc = shared_data / "tweets" / "twarc-v2";
    if (fs::is_directory(twarc))
        for (const fs::directory_entry& entry : fs::directory_iterator(twarc))
            if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    files.push_back(source_dir / "examples" / "data" / "sample_tweets.jsonl");

    std::unordered_set<std::string> seen;
    std::vector<Sample> samples;
    for (const fs::path& file : files) read_samples(file, seen, samples);
    if (samples.empty()) throw std::runtime_error("no sample tweets in " + twarc.string() + " or " + files.back().string());
    return samples;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (const unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

std::string_view utf8_prefix(std::string_view text, std::size_t code_points) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n++ == code_points) return text.substr(0, i);
    return text;
}

// The opening words of a tweet, links dropped, at most `clause_code_points` long; "" when none.
std::string clause_of(std::string_view text) {
    std::string clause;
    std::size_t length = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        pos = end;
        const std::string_view word = text.substr(start, end - start);
        if (word.starts_with("http://") || word.starts_with("https://") || word == "RT") continue;
        const bool first_word = clause.empty();
        const std::size_t needed = utf8_length(word) + (first_word ? 0 : 1);
        if (length + needed > clause_code_points) {
            if (first_word) clause = utf8_prefix(word, clause_code_points);
            break;
        }
        if (!first_word) clause += ' ';
        clause += word;
        length += needed;
    }
    return clause;
}

// "2026-01-24T16:00:00.000Z" for Unix milliseconds.
std::string timestamp(std::int64_t unix_ms) {
    std::string text = td::format_iso8601_utc(unix_ms / 1000);
    char millis[8];
    std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(unix_ms % 1000));
    text.pop_back();
    return text + millis;
}

class DayWriter {
public:
    DayWriter(const DaySpec& spec, std::vector<Sample> samples) : spec_(spec), samples_(std::move(samples)) {
        for (const Sample& sample : samples_)
            if (!sample.retweet)
                if (std::string clause = clause_of(sample.raw_text); !clause.empty()) clauses_.push_back(" " + escaped(clause));
        if (clauses_.empty()) clauses_.push_back(" ");
        const td::TimeZone zone = td::TimeZone::load(spec.time_zone);
        start_ms_ = zone.start_of_day(spec.day) * 1000;
        day_ms_ = zone.start_of_day(spec.day.next()) * 1000 - start_ms_;
    }

    void write(std::FILE* file) {
        std::string out;
        for (std::uint64_t first = 0; first < spec_.tweets; first += tweets_per_page) {
            append_page(out, first, std::min(spec_.tweets, first + tweets_per_page));
            if (out.size() > (8u << 20)) flush(out, file);
        }
        flush(out, file);
    }

private:
    static void flush(std::string& out, std::FILE* file) {
        if (std::fwrite(out.data(), 1, out.size(), file) != out.size()) throw std::runtime_error("write failed");
        out.clear();
    }

    void append_page(std::string& out, std::uint64_t first, std::uint64_t end) {
        std::unordered_set<std::string_view> users_seen, embedded_seen;
        std::string users, embedded;
        const auto add_once = [](std::unordered_set<std::string_view>& seen, std::string& list,
                                 const std::pair<std::string, std::string>& entry) {
            if (!seen.insert(entry.first).second) return;
            if (!list.empty()) list += ',';
            list += entry.second;
        };
        out += "{\"data\":[";
        for (std::uint64_t i = first; i < end; ++i) {
            const Sample& sample = samples_[i % samples_.size()];
            if (i != first) out += ',';
            append_tweet(out, i, sample);
            for (const auto& user : sample.users) add_once(users_seen, users, user);
            for (const auto& tweet : sample.embedded) add_once(embedded_seen, embedded, tweet);
        }
        out += "],\"includes\":{\"users\":[" + users + "]";
        if (!embedded.empty()) out += ",\"tweets\":[" + embedded + "]";
        out += "},\"meta\":{\"newest_id\":\"" + std::to_string(first_id + end - 1) + "\",\"oldest_id\":\"" +
               std::to_string(first_id + first) + "\",\"result_count\":" + std::to_string(end - first) + "}}\n";
    }

    void append_tweet(std::string& out, std::uint64_t i, const Sample& sample) const {
        const std::string id = std::to_string(first_id + i);
        const std::uint64_t copy = i / samples_.size();
        const std::string* clause = nullptr;
        if (spec_.texts == TextMode::varied && copy > 0 && !sample.retweet)
            clause = &clauses_[((i % samples_.size()) * 7919 + copy - 1) % clauses_.size()];
        const auto created_ms = start_ms_ + static_cast<std::int64_t>(i * static_cast<std::uint64_t>(day_ms_) / spec_.tweets);

        out += "{\"id\":\"" + id + "\",\"created_at\":\"" + timestamp(created_ms) +
               "\",\"edit_history_tweet_ids\":[\"" + id + "\"]";
        if (sample.own_conversation) out += ",\"conversation_id\":\"" + id + "\"";
        out += ",\"text\":\"" + sample.text;
        if (clause) out += *clause;
        out += '"';
        if (sample.has_note) {
            out += ",\"note_tweet\":{\"text\":\"" + sample.note_text;
            if (clause) out += *clause;
            out += '"';
            if (!sample.note_members.empty()) out += "," + sample.note_members;
            out += '}';
        }
        if (!sample.kept_members.empty()) out += "," + sample.kept_members;
        out += '}';
    }

    DaySpec spec_;
    std::vector<Sample> samples_;
    std::vector<std::string> clauses_;  // escaped, each with a leading space
    std::int64_t start_ms_ = 0;
    std::int64_t day_ms_ = 0;
};

}  // namespace

const char* to_string(TextMode mode) noexcept { return mode == TextMode::exact ? "exact" : "varied"; }

fs::path day_path(const DaySpec& spec, const fs::path& dir) {
    return dir / ("tweetdigest_e2e_" + spec.day.compact() + "_" + std::to_string(spec.tweets) + "_" +
                  to_string(spec.texts) + ".jsonl");
}

DayFile generate_day(const DaySpec& spec, const fs::path& dir, const fs::path& shared_data, const fs::path& source_dir) {
    DayFile day;
    day.path = day_path(spec, dir);
    if (fs::exists(day.path)) {
        day.reused = true;
        return day;
    }
    std::vector<Sample> samples = load_samples(shared_data, source_dir);
    day.sample_tweets = samples.size();
    DayWriter writer(spec, std::move(samples));

    fs::create_directories(dir);
    const fs::path partial = fs::path(day.path).concat(".partial");
    std::FILE* file = std::fopen(partial.c_str(), "wb");
    if (file == nullptr) throw std::runtime_error("cannot write " + partial.string());
    try {
        writer.write(file);
    } catch (...) {
        std::fclose(file);
        fs::remove(partial);
        throw;
    }
    if (std::fclose(file) != 0) {
        fs::remove(partial);
        throw std::runtime_error("cannot write " + partial.string());
    }
    fs::rename(partial, day.path);
    return day;
}

}  // namespace e2e
