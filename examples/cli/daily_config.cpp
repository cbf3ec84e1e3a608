#include "daily_config.hpp"

#include <boost/json.hpp>

#include <glob.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <initializer_list>

namespace td::cli {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

[[noreturn]] void bad(const std::string& path, const std::string& what) {
    throw Error(Error::Code::invalid_argument, path + ": " + what);
}

class Section {
public:
    Section(const json::value& value, std::string file, std::string where,
            std::initializer_list<std::string_view> known)
        : file_(std::move(file)), where_(std::move(where)) {
        if (!value.is_object()) bad(file_, where_ + " must be a JSON object");
        object_ = &value.as_object();
        for (const auto& entry : *object_)
            if (std::find(known.begin(), known.end(), entry.key()) == known.end())
                bad(file_, "unknown key \"" + std::string(entry.key()) + "\" in " + where_);
    }
    const json::value* find(std::string_view key) const { return object_->if_contains(key); }
    std::string string(std::string_view key, std::string fallback, bool required = false) const {
        const json::value* v = find(key);
        if (!v) {
            if (required) bad(file_, where_ + "." + std::string(key) + " is required");
            return fallback;
        }
        if (!v->is_string()) bad(file_, where_ + "." + std::string(key) + " must be a string");
        return std::string(v->as_string());
    }
    std::uint64_t count(std::string_view key, std::uint64_t fallback) const {
        const json::value* v = find(key);
        if (!v) return fallback;
        if (v->is_uint64()) return v->as_uint64();
        if (v->is_int64() && v->as_int64() >= 0) return std::uint64_t(v->as_int64());
        bad(file_, where_ + "." + std::string(key) + " must be a non-negative integer");
    }
    double number(std::string_view key, double fallback) const {
        const json::value* v = find(key);
        if (!v) return fallback;
        if (!v->is_number() || !std::isfinite(v->to_number<double>()))
            bad(file_, where_ + "." + std::string(key) + " must be a finite number");
        return v->to_number<double>();
    }
    const std::string& file() const { return file_; }

private:
    const json::object* object_ = nullptr;
    std::string file_, where_;
};

std::string resolve(const fs::path& base, const std::string& path) {
    if (path.empty() || fs::path(path).is_absolute()) return path;
    return (base / path).lexically_normal().string();
}

}  // namespace

std::string with_date(std::string text, const LocalDate& date) {
    for (std::size_t at; (at = text.find("{date}")) != std::string::npos;) text.replace(at, 6, date.to_string());
    return text;
}

DailyConfig read_daily_config(const std::string& path) {
    json::error_code error;
    const json::value root = json::parse(read_file(path), error);
    if (error) bad(path, "not valid JSON: " + error.message());
    const Section s(root, path, "the configuration",
                    {"inputs", "time_zone", "language", "site", "history", "history_days", "image_format", "font",
                     "fetch", "llm"});
    const fs::path base = fs::absolute(path).parent_path();
    DailyConfig c;
    const json::value* inputs = s.find("inputs");
    if (!inputs || !inputs->is_array()) bad(path, "\"inputs\" must be an array of paths or globs");
    for (const json::value& item : inputs->as_array()) {
        if (!item.is_string()) bad(path, "\"inputs\" must hold strings");
        c.inputs.push_back(resolve(base, std::string(item.as_string())));
    }
    c.time_zone = s.string("time_zone", c.time_zone);
    TimeZone::load(c.time_zone);
    c.language = s.string("language", c.language);
    if (c.language != "zh" && c.language != "en") bad(path, "\"language\" must be zh or en");
    c.site = resolve(base, s.string("site", "", true));
    c.history = resolve(base, s.string("history", "", true));
    c.history_days = std::size_t(s.count("history_days", c.history_days));
    c.image_format = s.string("image_format", "");
    c.font = resolve(base, s.string("font", ""));
    if (const json::value* fetch = s.find("fetch")) {
        const Section f(*fetch, path, "fetch", {"query", "user_id", "output", "max_tweets", "base_url"});
        FetchConfig config;
        config.query = f.string("query", "");
        config.user_id = f.string("user_id", "");
        if (config.query.empty() == config.user_id.empty()) bad(path, "fetch needs exactly one of query and user_id");
        config.output = resolve(base, f.string("output", "", true));
        config.max_tweets = f.count("max_tweets", 0);
        config.base_url = f.string("base_url", config.base_url);
        c.fetch = config;
    }
    if (const json::value* llm = s.find("llm")) {
        const Section l(*llm, path, "llm", {"base_url", "model", "timeout_seconds"});
        c.llm = LlmConfig{l.string("base_url", "", true), l.string("model", "", true), l.number("timeout_seconds", 120)};
    }
    return c;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& patterns, const LocalDate& date) {
    std::vector<std::string> out;
    for (const std::string& pattern : patterns) {
        const std::string filled = with_date(pattern, date);
        glob_t matches{};
        if (::glob(filled.c_str(), 0, nullptr, &matches) == 0)
            for (std::size_t i = 0; i < matches.gl_pathc; ++i) out.emplace_back(matches.gl_pathv[i]);
        ::globfree(&matches);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace td::cli
