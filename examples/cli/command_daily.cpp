#include "commands.hpp"
#include "daily_config.hpp"
#include "digest_pipeline.hpp"

#ifdef TD_CLI_HAVE_NET
#include <tweetdigest/net.hpp>
#endif

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace td::cli {
namespace {

LocalDate yesterday(const TimeZone& zone) {
    const LocalDate today = zone.local_date(static_cast<std::int64_t>(std::time(nullptr)));
    return LocalDate::from_days_since_epoch(today.days_since_epoch() - 1);
}

// Fetches the day from the X API into the configured file, which then counts as an input.
std::string fetch_day(const FetchConfig& config, const TimeZone& zone, const LocalDate& date) {
#ifdef TD_CLI_HAVE_NET
    XFetchOptions options;
    options.query = config.query;
    if (!config.user_id.empty()) {
        options.mode = XFetchMode::user_timeline;
        options.user_id = config.user_id;
    }
    options.start_time = format_iso8601_utc(zone.start_of_day(date));
    options.end_time = format_iso8601_utc(zone.start_of_day(date.next()));
    options.max_tweets = config.max_tweets;
    options.base_url = config.base_url;
    options.output_path = with_date(config.output, date);
    options.resume = std::filesystem::exists(options.output_path + ".state");
    std::filesystem::create_directories(std::filesystem::absolute(options.output_path).parent_path());
    options.http.log = [](std::string_view line) { std::cerr << "tweetdigest daily: " << line << "\n"; };
    const XFetchResult result = fetch_x_tweets(options);
    for (const Diagnostic& d : result.diagnostics) std::cerr << d.to_string() << "\n";
    std::cerr << "tweetdigest daily: fetched " << result.progress.tweets << " tweets -> " << options.output_path << "\n";
    return options.output_path;
#else
    (void)config, (void)zone, (void)date;
    throw Error(Error::Code::unsupported, "the configuration asks to fetch, but this build has no network module");
#endif
}

int run_daily(const Arguments& args) {
    const DailyConfig config = read_daily_config(args.required("config"));
    const TimeZone zone = TimeZone::load(config.time_zone);
    const LocalDate date = args.has("date") ? LocalDate::parse(args.required("date")) : yesterday(zone);
    std::cerr << "tweetdigest daily: " << date.to_string() << " (" << config.time_zone << ")\n";
    if (config.fetch && !args.has("no-fetch")) fetch_day(*config.fetch, zone, date);

    std::vector<std::string> digest_args = expand_inputs(config.inputs, date);
    if (config.fetch) {
        const std::string fetched = with_date(config.fetch->output, date);
        if (std::filesystem::exists(fetched) &&
            std::find(digest_args.begin(), digest_args.end(), fetched) == digest_args.end())
            digest_args.push_back(fetched);
    }
    if (digest_args.empty()) {
        std::cerr << "tweetdigest daily: no input file matches the configured inputs for " << date.to_string() << "\n";
        return exit_no_tweets;
    }
    auto add = [&](const std::string& name, const std::string& value) {
        if (value.empty()) return;
        digest_args.push_back("--" + name);
        digest_args.push_back(value);
    };
    add("date", date.to_string());
    add("tz", config.time_zone);
    add("lang", config.language);
    add("out", config.site);
    add("history", config.history);
    add("history-days", std::to_string(config.history_days));
    add("image-format", config.image_format);
    add("font", config.font);
    if (config.llm && !args.has("no-llm")) {
        add("llm-base-url", config.llm->base_url);
        add("llm-model", config.llm->model);
        add("llm-timeout", std::to_string(config.llm->timeout_seconds));
    }
    return run_digest_steps(Arguments(digest_args, digest_option_specs()), "daily");
}

}  // namespace

Command daily_command() {
    return {"daily",
            "--config FILE [--date YYYY-MM-DD] [--no-fetch] [--no-llm]",
            "Does the whole daily job for the previous local day (or --date): fetches it from the X "
            "API when the configuration has \"fetch\" (network builds), builds the digest against the "
            "history, writes post, JSON and word cloud into the Jekyll site and stores the day in the "
            "history. Run it from a timer (examples/daily/). Exit status 3 when there are no tweets for "
            "that day, 1 on errors, 2 for a bad configuration.\n\n"
            "Configuration (JSON; relative paths are taken from the file's folder; \"{date}\" in a "
            "path becomes YYYY-MM-DD):\n"
            "  {\"inputs\": [\"inbox/{date}*.jsonl\", \"archive/*.json.gz\"],  paths or globs (required)\n"
            "   \"time_zone\": \"Asia/Shanghai\", \"language\": \"zh\",\n"
            "   \"site\": \"/srv/blog\",                                     Jekyll site folder (required)\n"
            "   \"history\": \"/var/lib/tweetdigest/history\",               history folder (required)\n"
            "   \"history_days\": 7, \"image_format\": \"png\", \"font\": \"\",\n"
            "   \"fetch\": {\"query\": \"AI lang:zh -is:retweet\" | \"user_id\": \"...\",\n"
            "             \"output\": \"inbox/{date}-x.jsonl\", \"max_tweets\": 0, \"base_url\": \"https://api.x.com\"},\n"
            "   \"llm\": {\"base_url\": \"https://api.openai.com/v1\", \"model\": \"...\", \"timeout_seconds\": 120}}\n"
            "Secrets come from the environment: TWEETDIGEST_X_BEARER_TOKEN, TWEETDIGEST_LLM_API_KEY.",
            {
                {"config", "FILE", "the JSON configuration (see above)"},
                {"date", "YYYY-MM-DD", "the local day to report (default: yesterday in the configured zone)"},
                {"no-fetch", "", "skip the configured fetch (use the inputs as they are)"},
                {"no-llm", "", "skip the configured LLM prose"},
            },
            run_daily};
}

}  // namespace td::cli
