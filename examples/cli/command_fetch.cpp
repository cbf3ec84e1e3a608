#include "commands.hpp"

#include <tweetdigest/net.hpp>

#include <iostream>

namespace td::cli {
namespace {

int run_fetch(const Arguments& args) {
    XFetchOptions options;
    const auto query = args.value("query");
    const auto user = args.value("user-id");
    if (query.has_value() == user.has_value()) throw UsageError("give either --query or --user-id");
    if (query) options.query = *query;
    if (user) {
        options.mode = XFetchMode::user_timeline;
        options.user_id = *user;
    }
    options.start_time = args.value_or("start", "");
    options.end_time = args.value_or("end", "");
    const long long max = args.integer_or("max", 0);
    const long long page_size = args.integer_or("page-size", 100);
    if (max < 0) throw UsageError("--max must not be negative");
    if (page_size < 5 || page_size > 100) throw UsageError("--page-size must be between 5 and 100");
    options.max_tweets = static_cast<std::uint64_t>(max);
    options.page_size = static_cast<int>(page_size);
    options.output_path = args.required("out");
    options.base_url = args.value_or("base-url", options.base_url);
    options.resume = args.has("resume");
    options.http.log = [](std::string_view line) { std::cerr << "tweetdigest fetch: " << line << "\n"; };
    options.on_progress = [](const XFetchProgress& progress) {
        std::cerr << "tweetdigest fetch: " << progress.pages << " pages, " << progress.tweets << " tweets"
                  << (progress.finished ? " (done)" : "") << "\n";
    };

    const XFetchResult result = fetch_x_tweets(options);
    for (const Diagnostic& d : result.diagnostics) std::cerr << d.to_string() << "\n";
    std::cout << "fetched: " << result.progress.tweets << " tweets in " << result.progress.pages
              << " pages -> " << options.output_path << "\n";
    return exit_ok;
}

}  // namespace

Command fetch_command() {
    return {"fetch",
            "(--query Q | --user-id ID) --out FILE.jsonl [--start T --end T] [--max N] [--resume]",
            "Fetches tweets from the X API v2 (recent search, or a user's timeline) into a JSONL file "
            "that the other commands read, one API page per line. The bearer token comes from "
            "TWEETDIGEST_X_BEARER_TOKEN. Progress goes to stderr; --resume continues an "
            "interrupted fetch from FILE.jsonl.state.",
            {
                {"query", "Q", "recent-search query, e.g. 'AI lang:zh -is:retweet'"},
                {"user-id", "ID", "fetch this user's timeline instead (numeric id)"},
                {"start", "TIME", "oldest time, ISO-8601 (e.g. 2026-01-25T00:00:00+08:00)"},
                {"end", "TIME", "newest time, ISO-8601"},
                {"max", "N", "stop after N tweets (whole pages; default: all)"},
                {"page-size", "N", "tweets per request, 10..100 (5..100 for timelines; default 100)"},
                {"out", "FILE", "the JSONL file to write"},
                {"resume", "", "continue from the token saved in FILE.state"},
                {"base-url", "URL", "API root (default https://api.x.com)"},
            },
            run_fetch};
}

}  // namespace td::cli
