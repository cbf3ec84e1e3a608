#include "net/fetch_state.hpp"
#include "net/url.hpp"

#include <tweetdigest/net.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace td {
namespace {

constexpr std::string_view expansions =
    "author_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username";
constexpr std::string_view tweet_fields =
    "created_at,lang,public_metrics,entities,referenced_tweets,conversation_id,note_tweet,"
    "edit_history_tweet_ids,author_id";
constexpr std::string_view user_fields = "username,name,public_metrics";

Error invalid(const std::string& message) { return Error(Error::Code::invalid_argument, message); }

std::string normalized_time(const std::string& text, const char* option) {
    if (text.empty()) return text;
    std::int64_t seconds = 0;
    if (!parse_iso8601(text, seconds))
        throw invalid(std::string(option) + " '" + text + "' is not an ISO-8601 time");
    return format_iso8601_utc(seconds);
}

class XFetcher {
public:
    explicit XFetcher(const XFetchOptions& options) : options_(options) {
        if (options.output_path.empty()) throw invalid("no output file given");
        if (options.mode == XFetchMode::recent_search && options.query.empty())
            throw invalid("recent search needs a query");
        if (options.mode == XFetchMode::user_timeline &&
            (options.user_id.empty() ||
             !std::all_of(options.user_id.begin(), options.user_id.end(),
                          [](char c) { return c >= '0' && c <= '9'; })))
            throw invalid("a user timeline needs the numeric user id");
        token_ = options.bearer_token;
        if (token_.empty())
            if (const char* value = std::getenv("TWEETDIGEST_X_BEARER_TOKEN")) token_ = value;
        if (token_.empty()) throw invalid("no bearer token: set TWEETDIGEST_X_BEARER_TOKEN");
        start_ = normalized_time(options.start_time, "start time");
        end_ = normalized_time(options.end_time, "end time");
        base_url_ = options.base_url;
        while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
        net::parse_url(base_url_);  // rejects a malformed base URL before anything is written
        state_path_ = options.output_path + ".state";
    }

    XFetchResult run() {
        net::FetchState state = starting_state();
        XFetchResult result;
        while (!state.finished) {
            fetch_page(state, result);
            save_fetch_state(state_path_, state);
            report(state);
        }
        result.progress = {state.pages, state.tweets, true};
        return result;
    }

private:
    std::string request_signature() const {
        const bool search = options_.mode == XFetchMode::recent_search;
        return std::string(search ? "search " + options_.query : "timeline " + options_.user_id) +
               " [" + start_ + ", " + end_ + "]";
    }

    net::FetchState starting_state() const {
        if (options_.resume) {
            if (auto saved = net::load_fetch_state(state_path_)) {
                if (saved->request != request_signature())
                    throw invalid(state_path_ + " belongs to another fetch (" + saved->request +
                                  "); remove it or drop --resume");
                if (!std::filesystem::exists(options_.output_path))
                    throw invalid(state_path_ + " exists but " + options_.output_path + " does not");
                // Cut a page appended after the state was last saved: it will be fetched again.
                if (std::filesystem::file_size(options_.output_path) > saved->bytes)
                    std::filesystem::resize_file(options_.output_path, saved->bytes);
                return *saved;
            }
        }
        net::FetchState fresh;
        fresh.request = request_signature();
        write_file_atomically(options_.output_path, "");
        save_fetch_state(state_path_, fresh);
        return fresh;
    }

    std::string page_url(const net::FetchState& state) const {
        const bool search = options_.mode == XFetchMode::recent_search;
        const int smallest = search ? 10 : 5;
        std::uint64_t wanted = static_cast<std::uint64_t>(std::clamp(options_.page_size, smallest, 100));
        if (options_.max_tweets > 0) wanted = std::min(wanted, options_.max_tweets - state.tweets);
        wanted = std::max<std::uint64_t>(wanted, static_cast<std::uint64_t>(smallest));

        std::string url = base_url_ + (search ? "/2/tweets/search/recent" : "/2/users/" + options_.user_id + "/tweets");
        const auto add = [&url](std::string_view name, std::string_view value) {
            url += url.find('?') == std::string::npos ? '?' : '&';
            url.append(name).append("=").append(net::percent_encode(value));
        };
        if (search) add("query", options_.query);
        add("max_results", std::to_string(wanted));
        if (!start_.empty()) add("start_time", start_);
        if (!end_.empty()) add("end_time", end_);
        if (!state.next_token.empty()) add(search ? "next_token" : "pagination_token", state.next_token);
        add("expansions", expansions);
        add("tweet.fields", tweet_fields);
        add("user.fields", user_fields);
        return url;
    }

    void fetch_page(net::FetchState& state, XFetchResult& result) const {
        HttpRequest request;
        request.url = page_url(state);
        request.headers = {{"Authorization", "Bearer " + token_}, {"Accept", "application/json"}};
        const HttpResponse response = http_send(request, options_.http);

        boost::system::error_code error;
        const boost::json::value page = boost::json::parse(response.body, error);
        if (error || !page.is_object())
            throw Error(Error::Code::parse, "GET " + redact_url(request.url) + ": the response is not a JSON object" +
                                                (error ? ": " + error.message() : std::string()));
        const boost::json::object& object = page.as_object();
        const boost::json::array* data = object.if_contains("data") ? object.at("data").if_array() : nullptr;
        const std::uint64_t count = data ? data->size() : 0;

        if (count > 0) {
            append_line(boost::json::serialize(page));
            report_api_errors(object, state.pages + 1, state.bytes, result);
            state.pages += 1;
            state.tweets += count;
            state.bytes = std::filesystem::file_size(options_.output_path);
        }
        state.next_token.clear();
        if (const auto* meta = object.if_contains("meta"); meta && meta->is_object())
            if (const auto* token = meta->as_object().if_contains("next_token"); token && token->is_string())
                state.next_token = token->as_string().c_str();
        const bool enough = options_.max_tweets > 0 && state.tweets >= options_.max_tweets;
        state.finished = state.next_token.empty() || enough;
        if (state.finished) state.next_token.clear();
        result.next_token = state.next_token;
    }

    void append_line(const std::string& line) const {
        std::ofstream out(options_.output_path, std::ios::binary | std::ios::app);
        out << line << '\n';
        out.flush();
        if (!out) throw Error(Error::Code::io, "cannot append to " + options_.output_path);
    }

    // Partial errors (deleted referenced tweets, suspended authors) come with the page's data.
    void report_api_errors(const boost::json::object& page, std::uint64_t line, std::uint64_t offset,
                           XFetchResult& result) const {
        const auto* errors = page.if_contains("errors");
        if (!errors || !errors->is_array()) return;
        for (const boost::json::value& entry : errors->as_array()) {
            std::string message = "the API reported";
            if (const auto* e = entry.if_object()) {
                for (const char* field : {"title", "detail"})
                    if (const auto* text = e->if_contains(field); text && text->is_string())
                        message += std::string(": ") + text->as_string().c_str();
            }
            result.diagnostics.push_back(
                {Diagnostic::Severity::warning, options_.output_path, line, offset, message});
        }
    }

    void report(const net::FetchState& state) const {
        if (options_.on_progress) options_.on_progress({state.pages, state.tweets, state.finished});
    }

    const XFetchOptions& options_;
    std::string token_;
    std::string start_, end_;
    std::string base_url_;
    std::string state_path_;
};

}  // namespace

XFetchResult fetch_x_tweets(const XFetchOptions& options) { return XFetcher(options).run(); }

}  // namespace td
