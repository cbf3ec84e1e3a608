#pragma once
// Shared by the fuzz_capi_* harnesses (linked to tweetdigest::c): status checks against each entry
// point's documented errors, buffer and handle wrappers, option rewriting onto scratch files,
// checksum fix-ups.

#include "fuzz_input.hpp"

#include <tweetdigest/tweetdigest.h>

#include <boost/json.hpp>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string>
#include <system_error>
#include <unistd.h>

namespace td_fuzz::capi {

namespace json = boost::json;

// The process' scratch folder, once created (see scratch_dir()).
inline std::string& created_scratch_dir() {
    static std::string path;
    return path;
}

[[noreturn]] inline void fail(const char* call, const std::string& why) {
    std::fprintf(stderr, "fuzz_capi: %s: %s\n", call, why.c_str());
    if (!created_scratch_dir().empty()) {  // abort() skips the atexit clean-up
        std::error_code ignored;
        std::filesystem::remove_all(created_scratch_dir(), ignored);
    }
    std::abort();
}

// The error statuses an entry point's documentation lists, as a set.
class Statuses {
public:
    constexpr Statuses(std::initializer_list<td_status> statuses) {
        for (const td_status status : statuses) bits_ |= bit(status);
    }
    constexpr bool contains(td_status status) const { return (bits_ & bit(status)) != 0; }

private:
    static constexpr unsigned bit(td_status status) {
        const int n = -static_cast<int>(status);
        return n > 0 && n < 32 ? 1u << n : 0u;
    }
    unsigned bits_ = 0;
};

// Returns whether `status` is TD_OK; aborts unless it is TD_OK or one of the documented errors,
// and when an error comes without a td_last_error() message.
// With TD_FUZZ_TRACE set, every call and its outcome go to stderr (to see what seeds reach).
inline bool check(const char* call, td_status status, Statuses documented) {
    static const bool trace = std::getenv("TD_FUZZ_TRACE") != nullptr;
    if (trace)
        std::fprintf(stderr, "fuzz_capi: %s -> %s%s%s\n", call, td_status_string(status), status ? ": " : "",
                     status ? td_last_error() : "");
    if (status == TD_OK) return true;
    const char* message = td_last_error();
    if (message == nullptr) fail(call, "td_last_error() is NULL");
    if (!documented.contains(status))
        fail(call, std::string("undocumented status ") + td_status_string(status) + " (" +
                       std::to_string(static_cast<int>(status)) + "): " + message);
    if (*message == '\0') fail(call, std::string(td_status_string(status)) + " with an empty td_last_error()");
    return false;
}

// Bytes returned through (char **out, size_t *out_len); released with td_free.
class Buffer {
public:
    Buffer() = default;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() { reset(); }

    char** out() {
        reset();
        data_ = reinterpret_cast<char*>(0x1);  // the library must overwrite both outputs
        size_ = 12345;
        return &data_;
    }
    std::size_t* out_len() { return &size_; }
    std::string_view view() const { return data_ ? std::string_view(data_, size_) : std::string_view(); }
    const char* c_str() const { return data_; }
    void reset() {
        if (data_ != reinterpret_cast<char*>(0x1)) td_free(data_);
        data_ = nullptr;
        size_ = 0;
    }

    // check() plus the output contract: NUL-terminated bytes on success, NULL and 0 on failure.
    bool check(const char* call, td_status status, Statuses documented) {
        if (!capi::check(call, status, documented)) {
            if (data_ != nullptr || size_ != 0) {
                if (data_ == reinterpret_cast<char*>(0x1)) data_ = nullptr;
                fail(call, "an error left the output set");
            }
            return false;
        }
        if (data_ == nullptr || data_ == reinterpret_cast<char*>(0x1)) {
            data_ = nullptr;
            fail(call, "TD_OK without output bytes");
        }
        if (data_[size_] != '\0') fail(call, "output is not NUL-terminated");
        return true;
    }
    // check(), then the output must be one JSON document without NUL bytes; returns it parsed.
    json::value check_json(const char* call, td_status status, Statuses documented) {
        if (!check(call, status, documented)) return nullptr;
        if (std::strlen(data_) != size_) fail(call, "JSON output holds a NUL byte");
        boost::system::error_code error;
        json::value value = json::parse(view(), error);
        if (error) fail(call, "output is not JSON: " + error.message() + ": " + std::string(view()));
        return value;
    }

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

// An opaque handle returned through an out-parameter; released with its td_<object>_free.
template <typename T, void (*Free)(T*)>
class Handle {
public:
    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() { reset(); }

    T** out() {
        reset();
        handle_ = reinterpret_cast<T*>(0x1);  // the library must overwrite it
        return &handle_;
    }
    T* get() const { return handle_; }
    explicit operator bool() const { return handle_ != nullptr; }
    void reset() {
        if (handle_ != reinterpret_cast<T*>(0x1)) Free(handle_);
        handle_ = nullptr;
    }

    // check() plus the handle contract: a handle on success, NULL on failure.
    bool check(const char* call, td_status status, Statuses documented) {
        const bool ok = capi::check(call, status, documented);
        if (handle_ == reinterpret_cast<T*>(0x1)) {
            handle_ = nullptr;
            fail(call, "the out-parameter was not written");
        }
        if (ok != (handle_ != nullptr)) {
            if (!ok) handle_ = nullptr;  // not ours to free
            fail(call, ok ? "TD_OK without a handle" : "an error returned a handle");
        }
        return ok;
    }

private:
    T* handle_ = nullptr;
};

using Corpus = Handle<td_corpus, td_corpus_free>;
using Stats = Handle<td_term_stats, td_term_stats_free>;
using Digest = Handle<td_digest, td_digest_free>;
using Segmenter = Handle<td_segmenter, td_segmenter_free>;
using Fonts = Handle<td_fonts, td_fonts_free>;
using Cloud = Handle<td_cloud, td_cloud_free>;

// A text argument as the ABI takes it, in an allocation of exactly its size (so ASan sees any
// read past it). Modes: 0 pointer and length; 1 NUL-terminated with TD_NUL_TERMINATED;
// 2 NULL and 0 when empty (else as 0); 3 as 0.
class Text {
public:
    Text(std::string_view text, std::uint8_t mode) : nul_terminated_(mode % 4 == 1) {
        if (mode % 4 == 2 && text.empty()) return;
        if (nul_terminated_) text = text.substr(0, text.find('\0'));
        const std::size_t size = text.size() + (nul_terminated_ ? 1 : 0);
        bytes_.reset(new char[size == 0 ? 1 : size]);
        if (!text.empty()) std::memcpy(bytes_.get(), text.data(), text.size());
        if (nul_terminated_) bytes_[text.size()] = '\0';
        size_ = text.size();
    }
    const char* data() const { return bytes_.get(); }
    std::size_t len() const { return nul_terminated_ ? TD_NUL_TERMINATED : size_; }

private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_ = 0;
    bool nul_terminated_ = false;
};

// ---- Options JSON that the harness must tame -----------------------------------------------
// Options naming files, folders or URLs are rewritten so that a harness only ever touches its own
// scratch files and never the network, and sizes are clamped so one run stays small. The
// document is parsed exactly as the library parses it; one that is not a JSON object (which the
// library rejects) is passed on unchanged, as is an object the rewrite leaves alone.
template <typename Fix>
std::string rewrite_object(std::string_view text, Fix&& fix) {
    if (text.empty()) return std::string(text);
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    if (error || !value.is_object()) return std::string(text);
    if (!fix(value.as_object())) return std::string(text);
    return json::serialize(value);
}

// The value of key as the library reads it: absent and null are the same.
inline json::value* find(json::object& object, std::string_view key) {
    json::value* value = object.if_contains(key);
    return value && !value->is_null() ? value : nullptr;
}

// An integer option the library accepts in [min, max]: lowered to `cap` (inserted when absent).
// Values the library rejects are left for it to reject.
inline bool cap_integer(json::object& object, std::string_view key, std::int64_t min, std::int64_t max,
                        std::int64_t cap, bool insert = true) {
    json::value* value = find(object, key);
    if (!value) {
        if (!insert) return false;
        object[key] = cap;
        return true;
    }
    if (!value->is_int64()) return false;
    const std::int64_t v = value->as_int64();
    if (v < min || v > max || v <= cap) return false;
    *value = cap;
    return true;
}

// A non-empty path string becomes one of `choices`, picked by its first byte; "" stays (the
// library's "missing" case), as do values of the wrong type.
inline bool map_path(json::object& object, std::string_view key, std::initializer_list<std::string> choices) {
    json::value* value = find(object, key);
    if (!value || !value->is_string() || value->as_string().empty()) return false;
    const auto pick = static_cast<unsigned char>(value->as_string()[0]) % choices.size();
    *value = *(choices.begin() + pick);
    return true;
}

// ---- Checksums, so that fuzzed files get past them -------------------------------------------

// CRC-32 (zlib's).
inline std::uint32_t crc32(std::string_view bytes) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// Serialized term stats end with the CRC-32 of the rest (u32 little-endian): with `fix`, the
// blob gets the right one.
inline std::string with_stats_crc(std::string_view blob, bool fix) {
    std::string bytes(blob);
    if (!fix || bytes.size() < 9) return bytes;
    const std::uint32_t crc = crc32(std::string_view(bytes).substr(0, bytes.size() - 4));
    for (std::size_t i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
    return bytes;
}

// ---- Scratch files -------------------------------------------------------------------------

// A private folder for the process' files, removed at exit.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/td-fuzz-capi-XXXXXX";
        if (!::mkdtemp(pattern.data())) fail("mkdtemp", std::strerror(errno));
        created_scratch_dir() = pattern;
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(created_scratch_dir(), ignored);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

inline std::string scratch_path(const std::string& name) { return (scratch_dir() / name).string(); }

inline void write_file(const std::string& path, std::string_view bytes) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) fail("write_file", path);
}

inline void remove_all(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

// ---- What each entry point documents (capi/tweetdigest.h), besides TD_OK ----------------------

namespace documented {
constexpr td_status invalid = TD_ERR_INVALID_ARGUMENT, io = TD_ERR_IO, parse = TD_ERR_PARSE,
                    unsupported = TD_ERR_UNSUPPORTED, memory = TD_ERR_NO_MEMORY;
constexpr Statuses extract_entities{invalid, parse, memory};
constexpr Statuses weighted_length{invalid, parse, memory};
constexpr Statuses segmenter_create{invalid, io, memory};
constexpr Statuses segment{invalid, parse, memory};  // td_segmenter_segment and _tokenize
constexpr Statuses corpus_read{invalid, memory};     // td_corpus_read_files and _read_memory
constexpr Statuses corpus_size{invalid};
constexpr Statuses corpus_output{invalid, memory};  // tweet, diagnostics and summary JSON
constexpr Statuses duplicate_signatures{invalid, memory};
constexpr Statuses duplicate_merge{invalid, parse, memory};
constexpr Statuses duplicate_clusters{invalid, parse, memory};
constexpr Statuses stats_build{invalid, io, memory};
constexpr Statuses stats_load{invalid, parse, memory};
constexpr Statuses stats_serialize{invalid, memory};
constexpr Statuses stats_merge{invalid, memory};
constexpr Statuses stats_counts{invalid};
constexpr Statuses stats_score{invalid, io, memory};
constexpr Statuses digest_build{invalid, io, memory};
constexpr Statuses digest_build_range{invalid, io, memory};
constexpr Statuses digest_from_json{invalid, parse, memory};
constexpr Statuses digest_output{invalid, memory};  // markdown, JSON, paths, cloud words, diagnostics
constexpr Statuses history_save{invalid, io, memory};
constexpr Statuses history_load{invalid, memory};
constexpr Statuses fonts_load{invalid, io, parse, unsupported, memory};
constexpr Statuses fonts_describe{invalid, memory};
constexpr Statuses cloud_layout{invalid, io, parse, unsupported, memory};
constexpr Statuses cloud_layout_json{invalid, memory};
constexpr Statuses cloud_encode{invalid, unsupported, memory};
constexpr Statuses improve_prose{invalid, unsupported, memory};
constexpr Statuses x_fetch{invalid, io, parse, unsupported, memory};
}  // namespace documented

// The text the library sees for a Text of this mode (NUL-terminated stops at the first NUL).
inline std::string_view effective(std::string_view text, std::uint8_t mode) {
    return mode % 4 == 1 ? text.substr(0, text.find('\0')) : text;
}

// ---- Fixtures: a small corpus, its stats, digests and a history built once per process ------

// Eight tweets over two UTC days, 2026-01-24 and 2026-01-25 (X API v2 flattened records).
inline constexpr std::string_view fixture_tweets = R"({"id": "201", "text": "Claude Code 发布了新版本，AI代理 编程体验大幅提升 #AI $NVDA", "created_at": "2026-01-24T01:10:00.000Z", "lang": "zh", "author_id": "ua", "author": {"id": "ua", "username": "alice", "name": "Alice", "public_metrics": {"followers_count": 1000}}, "public_metrics": {"like_count": 320, "retweet_count": 32, "reply_count": 3, "quote_count": 1}}
{"id": "202", "text": "Kimi K2.5 开源，世界模型 的讨论又热起来了 https://example.com/kimi", "created_at": "2026-01-24T03:30:00.000Z", "lang": "zh", "author_id": "ub", "author": {"id": "ub", "username": "bob", "name": "Bob", "public_metrics": {"followers_count": 50}}, "public_metrics": {"like_count": 80, "retweet_count": 8, "reply_count": 3, "quote_count": 1}}
{"id": "203", "text": "Claude Code makes AI agents practical for everyday coding #AI", "created_at": "2026-01-24T04:40:00.000Z", "lang": "en", "author_id": "uc", "author": {"id": "uc", "username": "carol", "name": "Carol", "public_metrics": {"followers_count": 10}}, "public_metrics": {"like_count": 21, "retweet_count": 2, "reply_count": 0, "quote_count": 0}}
{"id": "301", "text": "试用 Claude Code 一天，AI代理 自动修复了三个bug，效率很高", "created_at": "2026-01-25T02:20:00.000Z", "lang": "zh", "author_id": "ub", "author": {"id": "ub", "username": "bob", "name": "Bob", "public_metrics": {"followers_count": 50}}, "public_metrics": {"like_count": 120, "retweet_count": 12, "reply_count": 3, "quote_count": 1}}
{"id": "302", "text": "世界模型 和 AI代理 是今年最重要的两个方向 @alice", "created_at": "2026-01-25T05:50:00.000Z", "lang": "zh", "author_id": "ud", "author": {"id": "ud", "username": "dave", "name": "Dave", "public_metrics": {"followers_count": 300}}, "public_metrics": {"like_count": 60, "retweet_count": 6, "reply_count": 1, "quote_count": 0}}
{"id": "303", "text": "$NVDA 财报前夕，市场情绪谨慎，AI代理 需求仍旺盛", "created_at": "2026-01-25T07:15:00.000Z", "lang": "zh", "author_id": "ue", "author": {"id": "ue", "username": "erin", "name": "Erin", "public_metrics": {"followers_count": 700}}, "public_metrics": {"like_count": 90, "retweet_count": 9, "reply_count": 2, "quote_count": 1}}
{"id": "304", "text": "Claude Code 和 Kimi K2.5 对比测评：AI代理 能力谁更强？ #AI", "created_at": "2026-01-25T08:25:00.000Z", "lang": "zh", "author_id": "ua", "author": {"id": "ua", "username": "alice", "name": "Alice", "public_metrics": {"followers_count": 1000}}, "public_metrics": {"like_count": 150, "retweet_count": 15, "reply_count": 5, "quote_count": 2}}
{"id": "305", "text": "BTC 反弹，AI代理 交易机器人 又火了 $BTC", "created_at": "2026-01-25T09:35:00.000Z", "lang": "zh", "author_id": "uf", "author": {"id": "uf", "username": "frank", "name": "Frank", "public_metrics": {"followers_count": 20}}, "public_metrics": {"like_count": 30, "retweet_count": 3, "reply_count": 0, "quote_count": 0}}
)";

[[noreturn]] inline void fixture_failed(const char* what) { fail(what, std::string("fixture: ") + td_last_error()); }

// The fixture tweets of one day ("2026-01-24" or "2026-01-25"), or of both for nullptr.
inline const td_corpus* fixture_corpus(const char* day) {
    const auto read = [](const char* date) {
        const std::string options = date ? R"({"time_zone": "UTC", "from": ")" + std::string(date) + "\"}"
                                         : std::string(R"({"time_zone": "UTC"})");
        td_corpus* corpus = nullptr;
        if (td_corpus_read_memory(fixture_tweets.data(), fixture_tweets.size(), "fixture", options.c_str(),
                                  TD_NUL_TERMINATED, &corpus) != TD_OK)
            fixture_failed("td_corpus_read_memory");
        return corpus;  // kept for the whole process
    };
    static const td_corpus* const both = read(nullptr);
    static const td_corpus* const first = read("2026-01-24");
    static const td_corpus* const second = read("2026-01-25");
    if (!day) return both;
    return std::string_view(day) == "2026-01-24" ? first : second;
}

// Term stats of one fixture day.
inline const td_term_stats* fixture_stats(const char* day) {
    const auto build = [](const char* date) {
        td_term_stats* stats = nullptr;
        if (td_term_stats_build(fixture_corpus(date), nullptr, 0, &stats) != TD_OK)
            fixture_failed("td_term_stats_build");
        return stats;
    };
    static const td_term_stats* const first = build("2026-01-24");
    static const td_term_stats* const second = build("2026-01-25");
    return std::string_view(day) == "2026-01-24" ? first : second;
}

// A history folder holding both fixture days (built once; the harnesses only read it).
inline const std::string& fixture_history() {
    static const std::string dir = [] {
        const std::string path = scratch_path("history-fixture");
        const std::string options = R"({"history": {"dir": ")" + path + R"(", "days": 7}})";
        for (const char* day : {"2026-01-24", "2026-01-25"}) {
            td_digest* digest = nullptr;
            if (td_digest_build(fixture_corpus(day), nullptr, options.c_str(), TD_NUL_TERMINATED, &digest) != TD_OK)
                fixture_failed("td_digest_build");
            td_digest_free(digest);
        }
        return path;
    }();
    return dir;
}

// A fresh copy of the fixture history, for calls that may write to it.
inline std::string writable_history() {
    const std::string copy = scratch_path("history-copy");
    remove_all(copy);
    std::filesystem::copy(fixture_history(), copy, std::filesystem::copy_options::recursive);
    return copy;
}

// The JSON of the fixture digest of 2026-01-25 (with the previous day as history).
inline const std::string& fixture_digest_json() {
    static const std::string text = [] {
        const std::string options =
            R"({"history": {"dir": ")" + fixture_history() + R"(", "days": 7, "save": false}})";
        td_digest* digest = nullptr;
        if (td_digest_build(fixture_corpus("2026-01-25"), nullptr, options.c_str(), TD_NUL_TERMINATED, &digest) != TD_OK)
            fixture_failed("td_digest_build");
        char* out = nullptr;
        std::size_t len = 0;
        if (td_digest_to_json(digest, &out, &len) != TD_OK) fixture_failed("td_digest_to_json");
        std::string result(out, len);
        td_free(out);
        td_digest_free(digest);
        return result;
    }();
    return text;
}

// Every rendering of a digest; returns the td_digest_to_json text ("" after a documented error).
inline std::string render_digest(const td_digest* digest) {
    using documented::digest_output;
    Buffer out;
    out.check("td_digest_to_markdown", td_digest_to_markdown(digest, out.out(), out.out_len()), digest_output);
    if (out.check("td_digest_post_path", td_digest_post_path(digest, out.out(), out.out_len()), digest_output) &&
        (!out.view().starts_with("_posts/") || !out.view().ends_with(".md")))
        fail("td_digest_post_path", std::string(out.view()));
    if (out.check("td_digest_wordcloud_path", td_digest_wordcloud_path(digest, out.out(), out.out_len()), digest_output) &&
        !out.view().starts_with("assets/wordcloud/"))
        fail("td_digest_wordcloud_path", std::string(out.view()));
    const json::value words =
        out.check_json("td_digest_cloud_words", td_digest_cloud_words(digest, out.out(), out.out_len()), digest_output);
    if (!words.is_null()) {
        if (!words.is_array()) fail("td_digest_cloud_words", "not an array");
        for (const json::value& word : words.as_array())
            if (!word.is_object() || !word.as_object().contains("text") || !word.as_object().contains("weight"))
                fail("td_digest_cloud_words", "a word without text or weight");
    }
    const json::value diagnostics = out.check_json(
        "td_digest_history_diagnostics_json", td_digest_history_diagnostics_json(digest, out.out(), out.out_len()),
        digest_output);
    if (!diagnostics.is_null() && !diagnostics.is_array()) fail("td_digest_history_diagnostics_json", "not an array");
    const json::value model =
        out.check_json("td_digest_to_json", td_digest_to_json(digest, out.out(), out.out_len()), digest_output);
    if (model.is_null()) return {};
    if (!model.is_object()) fail("td_digest_to_json", "not an object");
    return std::string(out.view());
}

}  // namespace td_fuzz::capi
