// The CLI's `digest` end to end on a synthetic day of X API v2 JSONL: ingest, terms, digest,
// render (post + JSON) and word cloud (PNG), timed per stage, at several day sizes.
//
//   end_to_end_benchmark [--sizes 100000,300000,1000000 | --tweets N] [--dir /tmp] [--keep]
//                        [--texts varied|exact] [--repeat N]
//
// Prints one JSON object per run (--repeat runs the pipeline N times per size, on the same
// input), with --repeat one more per size giving the minimum, median and maximum of its runs'
// seconds, CPU seconds and peak memory; then one with each size's cost per tweet relative to the
// smallest size, from the run of median total time. Medians of an even number of runs are the
// upper of the two middle ones. Each day is generated (or reused) and then digested in forked children, so the
// peak RSS of a size is the pipeline's own (wait4's ru_maxrss).
//
// Like the CLI, the benchmark restarts itself with glibc's heap on transparent huge pages; run it
// with GLIBC_TUNABLES set (even empty) to measure another allocator setting. Each line reports it.

#include "day_generator.hpp"
#include "huge_pages.hpp"
#include "pipeline.hpp"

#include <boost/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

const char* const stages[] = {"ingest_s", "terms_s", "digest_s", "render_s", "cloud_s"};

struct ChildResult {
    std::string output;  // what the child wrote to its pipe
    double peak_rss_mb = 0;
    double seconds = 0;
    double cpu_seconds = 0;  // user + system, all threads
};

// Runs `work` in a child process; `work` writes its result to the given descriptor.
template <typename Work>
ChildResult in_child(const char* what, Work work) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::cout.flush();
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        close(fds[0]);
        int status = 0;
        try {
            work(fds[1]);
        } catch (const std::exception& error) {
            std::cerr << "end_to_end_benchmark: " << what << ": " << error.what() << "\n";
            status = 1;
        }
        close(fds[1]);
        _exit(status);
    }
    close(fds[1]);
    ChildResult result;
    char buffer[4096];
    for (ssize_t got; (got = read(fds[0], buffer, sizeof buffer)) > 0;) result.output.append(buffer, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child) throw std::runtime_error("wait4 failed");
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(std::string(what) + " failed");
    result.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    result.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    return result;
}

void write_all(int fd, const std::string& bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t wrote = write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote <= 0) throw std::runtime_error("pipe write failed");
        done += static_cast<std::size_t>(wrote);
    }
}

// JSON with doubles written as plain decimals (boost::json writes 7.71E-1).
void write_json(std::ostream& out, const json::value& value) {
    switch (value.kind()) {
        case json::kind::double_: {
            char number[32];
            std::snprintf(number, sizeof number, "%.4f", value.get_double());
            out << number;
            break;
        }
        case json::kind::object: {
            out << '{';
            const char* separator = "";
            for (const auto& member : value.get_object()) {
                out << separator << json::serialize(json::string(member.key())) << ':';
                write_json(out, member.value());
                separator = ",";
            }
            out << '}';
            break;
        }
        case json::kind::array: {
            out << '[';
            const char* separator = "";
            for (const json::value& element : value.get_array()) {
                out << separator;
                write_json(out, element);
                separator = ",";
            }
            out << ']';
            break;
        }
        default: out << json::serialize(value);
    }
}

void print_line(const json::object& line) {
    write_json(std::cout, line);
    std::cout << std::endl;
}

std::vector<std::uint64_t> parse_sizes(const std::string& list) {
    std::vector<std::uint64_t> sizes;
    std::stringstream stream(list);
    for (std::string item; std::getline(stream, item, ',');) sizes.push_back(std::stoull(item));
    if (sizes.empty() || std::find(sizes.begin(), sizes.end(), 0) != sizes.end())
        throw std::invalid_argument("sizes must be positive");
    return sizes;
}

struct Arguments {
    std::vector<std::uint64_t> sizes = {100'000, 300'000, 1'000'000};
    fs::path dir = "/tmp";
    bool keep = false;
    e2e::TextMode texts = e2e::TextMode::varied;
    std::size_t repeat = 1;
};

Arguments parse_arguments(int argc, char** argv) {
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--sizes" && has_value) args.sizes = parse_sizes(argv[++i]);
        else if (arg == "--tweets" && has_value) args.sizes = parse_sizes(argv[++i]);
        else if (arg == "--dir" && has_value) args.dir = argv[++i];
        else if (arg == "--keep") args.keep = true;
        else if (arg == "--repeat" && has_value) {
            args.repeat = std::stoul(argv[++i]);
            if (args.repeat == 0) throw std::invalid_argument("--repeat must be positive");
        }
        else if (arg == "--texts" && has_value) {
            const std::string mode = argv[++i];
            if (mode != "varied" && mode != "exact") throw std::invalid_argument("--texts must be varied or exact");
            args.texts = mode == "exact" ? e2e::TextMode::exact : e2e::TextMode::varied;
        } else {
            throw std::invalid_argument("unknown argument " + arg);
        }
    }
    return args;
}

struct Day {
    e2e::DaySpec spec;
    fs::path input;
    bool reused = false;       // the input existed already
    double generate_s = 0;     // seconds to generate it, when it did not
};

// One run of the pipeline on the day, as a line.
json::object run_once(const Arguments& args, const Day& day, const fs::path& site, std::size_t run_number) {
    e2e::PipelineOptions options;
    options.day = day.spec.day;
    options.time_zone = day.spec.time_zone;
    double load[1] = {0};
    getloadavg(load, 1);  // other work on the machine skews wall times; this shows how much
    const ChildResult run = in_child("the pipeline", [&](int fd) {
        write_all(fd, json::serialize(e2e::run_pipeline(day.input, site, options)));
    });
    json::object stats = json::parse(run.output).as_object();

    json::object stage_seconds;
    const char* dominant = stages[0];
    for (const char* stage : stages) {
        stage_seconds[stage] = stats.at(stage);
        if (stats.at(stage).as_double() > stats.at(dominant).as_double()) dominant = stage;
    }
    return {{"benchmark", "end_to_end"},
            {"tweets", day.spec.tweets},
            {"run", run_number},
            {"texts", e2e::to_string(args.texts)},
            {"day", day.spec.day.to_string()},
            {"time_zone", day.spec.time_zone},
            {"input_mb", static_cast<double>(fs::file_size(day.input)) / (1 << 20)},
            {"input_reused", day.reused},
            {"generate_s", day.generate_s},
            {"stages_s", stage_seconds},
            {"cloud_parts_s", stats.at("cloud_parts_s")},
            {"total_s", stats.at("total_s")},
            {"dominant_stage", std::string(dominant).substr(0, std::string(dominant).size() - 2)},
            {"cpu_s", run.cpu_seconds},
            {"load_average_before", load[0]},
            {"glibc_tunables", std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "unset"},
            {"peak_rss_mb", run.peak_rss_mb},
            {"peak_rss_mb_after", stats.at("peak_rss_mb_after")},
            {"tweets_kept", stats.at("corpus").at("kept")},
            {"corpus", stats.at("corpus")},
            {"output", stats.at("output")}};
}

// The runs of one size, each printed as it ends.
std::vector<json::object> run_size(const Arguments& args, std::uint64_t tweets) {
    Day day;
    day.spec.tweets = tweets;
    day.spec.texts = args.texts;
    day.input = e2e::day_path(day.spec, args.dir);
    day.reused = fs::exists(day.input);
    const ChildResult generated = in_child("generating the day", [&](int) {
        e2e::generate_day(day.spec, args.dir, TD_SHARED_DATA_DIR, TD_SOURCE_DIR);
    });
    if (!day.reused) day.generate_s = generated.seconds;

    const fs::path site = args.dir / ("tweetdigest_e2e_site_" + std::to_string(tweets));
    std::vector<json::object> runs;
    for (std::size_t k = 1; k <= args.repeat; ++k) {
        runs.push_back(run_once(args, day, site, k));
        print_line(runs.back());
    }
    if (!args.keep) {
        fs::remove(day.input);
        fs::remove_all(site);
    }
    return runs;
}

// The runs' values at `path` (a key, or object.key), in ascending order.
std::vector<double> sorted_values(const std::vector<json::object>& runs, std::string_view path) {
    const std::size_t dot = path.find('.');
    std::vector<double> values;
    for (const json::object& run : runs) {
        const json::value& value = dot == std::string_view::npos ? run.at(path) : run.at(path.substr(0, dot)).at(path.substr(dot + 1));
        values.push_back(value.to_number<double>());
    }
    std::sort(values.begin(), values.end());
    return values;
}

json::object spread(const std::vector<json::object>& runs) {
    json::object line = {{"benchmark", "end_to_end_spread"}, {"tweets", runs.front().at("tweets")}, {"runs", runs.size()}};
    std::vector<std::string> paths = {"total_s", "cpu_s", "peak_rss_mb"};
    for (const char* stage : stages) paths.push_back(std::string("stages_s.") + stage);
    for (const std::string& path : paths) {
        const std::vector<double> values = sorted_values(runs, path);
        const std::string key = path.substr(path.find('.') + 1);  // stages by their own names
        line[key] = json::object{{"min", values.front()}, {"median", values[values.size() / 2]}, {"max", values.back()}};
    }
    return line;
}

const json::object& median_run(const std::vector<json::object>& runs) {
    std::vector<const json::object*> order;
    for (const json::object& run : runs) order.push_back(&run);
    std::sort(order.begin(), order.end(), [](const json::object* a, const json::object* b) {
        return a->at("total_s").as_double() < b->at("total_s").as_double();
    });
    return *order[order.size() / 2];
}

// Each size's seconds per tweet (read, or kept after dedupe and retweet collapsing), per stage
// and in total, divided by those of the smallest size.
json::object relative_costs(const std::vector<json::object>& lines, const json::object& baseline, const char* count) {
    const auto per_tweet = [&](const json::object& line, const json::value& seconds) {
        return seconds.as_double() / static_cast<double>(line.at(count).to_number<std::uint64_t>());
    };
    json::object sizes;
    for (const json::object& line : lines) {
        json::object relative;
        relative["total"] = per_tweet(line, line.at("total_s")) / per_tweet(baseline, baseline.at("total_s"));
        for (const char* stage : stages) {
            const json::value& base = baseline.at("stages_s").at(stage);
            if (base.as_double() > 0)
                relative[std::string(stage).substr(0, std::string(stage).size() - 2)] =
                    per_tweet(line, line.at("stages_s").at(stage)) / per_tweet(baseline, base);
        }
        relative["peak_rss"] = per_tweet(line, line.at("peak_rss_mb")) / per_tweet(baseline, baseline.at("peak_rss_mb"));
        sizes[std::to_string(line.at("tweets").as_uint64())] = relative;
    }
    return sizes;
}

json::object scaling(const std::vector<json::object>& lines) {
    const json::object& baseline = *std::min_element(lines.begin(), lines.end(), [](const json::object& a, const json::object& b) {
        return a.at("tweets").as_uint64() < b.at("tweets").as_uint64();
    });
    return {{"benchmark", "end_to_end_scaling"},
            {"baseline_tweets", baseline.at("tweets")},
            {"cost_per_tweet_relative_to_baseline", relative_costs(lines, baseline, "tweets")},
            {"cost_per_kept_tweet_relative_to_baseline", relative_costs(lines, baseline, "tweets_kept")}};
}

}  // namespace

int main(int argc, char** argv) {
    td::cli::restart_with_huge_pages(argv);
    Arguments args;
    try {
        args = parse_arguments(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "end_to_end_benchmark: " << error.what() << "\n"
                  << "usage: end_to_end_benchmark [--sizes 100000,300000,1000000 | --tweets N] [--dir DIR] [--keep]"
                     " [--texts varied|exact] [--repeat N]\n";
        return 2;
    }
    try {
        std::vector<json::object> lines;
        for (const std::uint64_t tweets : args.sizes) {
            const std::vector<json::object> runs = run_size(args, tweets);
            if (runs.size() > 1) print_line(spread(runs));
            lines.push_back(median_run(runs));
        }
        print_line(scaling(lines));
    } catch (const std::exception& error) {
        std::cerr << "end_to_end_benchmark: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
