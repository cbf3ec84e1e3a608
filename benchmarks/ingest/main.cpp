// Full ingest (read_tweets) versus plain boost::json::parse over the same X API v2 JSONL, built by
// replicating the shared twarc samples with fresh ids, plus the peak RSS of each pass.
//
//   ingest_benchmark [--sizes-mb 200,1024] [--dir /tmp] [--keep]
//
// Prints one JSON object per input size. Each pass runs in a forked child so that its peak RSS
// (getrusage) is its own.

#include <tweetdigest/ingest.hpp>

#include <boost/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

struct PassResult {
    double seconds = 0;
    std::uint64_t tweets = 0;
    double peak_rss_mb = 0;
};

std::vector<std::string> sample_pages() {
    std::vector<std::string> pages;
    const fs::path dir = fs::path(TD_SHARED_DATA_DIR) / "tweets" / "twarc-v2";
    for (const char* name : {"2sets.jsonl", "brexit.jsonl", "entities_test.jsonl", "kpop.jsonl", "noflat.jsonl",
                             "flat.jsonl", "quoted_edit.jsonl", "cashtags.jsonl"}) {
        std::ifstream in(dir / name);
        std::string line;
        while (std::getline(in, line)) {
            json::error_code error;
            json::value value = json::parse(line, error);
            if (!error && value.is_object()) pages.push_back(std::move(line));
        }
    }
    if (pages.empty()) throw std::runtime_error("no twarc samples under " + dir.string());
    return pages;
}

void shift_id(json::object& object, const char* key, std::uint64_t shift) {
    json::value* id = object.if_contains(key);
    if (id == nullptr || !id->is_string()) return;
    id->emplace_string() = std::to_string(std::stoull(std::string(id->get_string())) + shift);
}

void shift_tweet(json::value& tweet, std::uint64_t shift) {
    if (!tweet.is_object()) return;
    json::object& object = tweet.as_object();
    shift_id(object, "id", shift);
    shift_id(object, "conversation_id", shift);
    if (json::value* references = object.if_contains("referenced_tweets"); references && references->is_array())
        for (json::value& reference : references->as_array()) shift_tweet(reference, shift);
}

// Copy `copy` of a page or tweet line, with every tweet id moved by the same amount.
std::string with_fresh_ids(const std::string& line, std::uint64_t copy) {
    json::value value = json::parse(line);
    json::object& object = value.as_object();
    const std::uint64_t shift = copy * 1'000'003;
    if (json::value* data = object.if_contains("data")) {
        if (data->is_array())
            for (json::value& tweet : data->as_array()) shift_tweet(tweet, shift);
        else
            shift_tweet(*data, shift);
        if (json::value* includes = object.if_contains("includes"); includes && includes->is_object())
            if (json::value* tweets = includes->as_object().if_contains("tweets"); tweets && tweets->is_array())
                for (json::value& tweet : tweets->as_array()) shift_tweet(tweet, shift);
    } else {
        shift_tweet(value, shift);
    }
    return json::serialize(value);
}

void generate(const fs::path& path, std::uint64_t bytes) {
    const std::vector<std::string> pages = sample_pages();
    std::ofstream out(path, std::ios::binary);
    std::uint64_t written = 0;
    for (std::uint64_t copy = 0; written < bytes; ++copy) {
        for (const std::string& page : pages) {
            const std::string line = with_fresh_ids(page, copy) + "\n";
            out << line;
            written += line.size();
        }
    }
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::uint64_t tweets_in(const json::value& value) {
    const json::object& object = value.as_object();
    const json::value* data = object.if_contains("data");
    if (data == nullptr) return 1;
    return data->is_array() ? data->as_array().size() : 1;
}

PassResult raw_parse(const fs::path& path) {
    PassResult result;
    const auto start = std::chrono::steady_clock::now();
    std::FILE* file = std::fopen(path.c_str(), "rb");
    std::vector<char> chunk(1 << 20);
    std::string pending;
    std::size_t n;
    const auto parse_lines = [&](bool final) {
        std::size_t begin = 0;
        for (std::size_t nl; (nl = pending.find('\n', begin)) != std::string::npos; begin = nl + 1)
            result.tweets += tweets_in(json::parse(std::string_view(pending).substr(begin, nl - begin)));
        pending.erase(0, begin);
        if (final && !pending.empty()) result.tweets += tweets_in(json::parse(pending));
    };
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
        pending.append(chunk.data(), n);
        parse_lines(false);
    }
    parse_lines(true);
    std::fclose(file);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peak_rss_mb = peak_rss_mb();
    return result;
}

PassResult full_ingest(const fs::path& path) {
    PassResult result;
    td::ReadOptions options;
    std::uint64_t diagnostics = 0;
    const auto start = std::chrono::steady_clock::now();
    td::read_tweets(
        path.string(), options, [&](td::Tweet&&) { ++result.tweets; }, [&](td::Diagnostic&&) { ++diagnostics; });
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peak_rss_mb = peak_rss_mb();
    if (diagnostics != 0) std::cerr << "ingest reported " << diagnostics << " diagnostics\n";
    return result;
}

// Runs a pass in a child process and reads back its result.
template <typename Pass>
PassResult in_child(Pass pass, const fs::path& path) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        const PassResult r = pass(path);
        char line[256];
        const int size = std::snprintf(line, sizeof line, "%.6f %llu %.3f", r.seconds,
                                       static_cast<unsigned long long>(r.tweets), r.peak_rss_mb);
        if (write(fds[1], line, static_cast<std::size_t>(size)) != size) _exit(1);
        _exit(0);
    }
    close(fds[1]);
    char buffer[256] = {};
    const ssize_t got = read(fds[0], buffer, sizeof buffer - 1);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (got <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("benchmark pass failed");
    PassResult result;
    unsigned long long tweets = 0;
    std::sscanf(buffer, "%lf %llu %lf", &result.seconds, &tweets, &result.peak_rss_mb);
    result.tweets = tweets;
    return result;
}

json::object report(const PassResult& pass, double megabytes) {
    return {{"seconds", pass.seconds},
            {"tweets", pass.tweets},
            {"tweets_per_s", static_cast<double>(pass.tweets) / pass.seconds},
            {"mb_per_s", megabytes / pass.seconds},
            {"peak_rss_mb", pass.peak_rss_mb}};
}

std::vector<std::uint64_t> parse_sizes(const std::string& list) {
    std::vector<std::uint64_t> sizes;
    std::stringstream stream(list);
    for (std::string item; std::getline(stream, item, ',');) sizes.push_back(std::stoull(item));
    return sizes;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::uint64_t> sizes_mb = {200, 1024};
    fs::path dir = fs::temp_directory_path();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--sizes-mb" && i + 1 < argc) sizes_mb = parse_sizes(argv[++i]);
        else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (arg == "--keep") keep = true;
        else {
            std::cerr << "usage: ingest_benchmark [--sizes-mb 200,1024] [--dir DIR] [--keep]\n";
            return 2;
        }
    }
    try {
        for (const std::uint64_t size_mb : sizes_mb) {
            const fs::path path = dir / ("tweetdigest_ingest_bench_" + std::to_string(size_mb) + "mb.jsonl");
            if (!fs::exists(path) || fs::file_size(path) < size_mb << 20) generate(path, size_mb << 20);
            const double megabytes = static_cast<double>(fs::file_size(path)) / (1 << 20);
            const PassResult raw = in_child(raw_parse, path);
            const PassResult ingest = in_child(full_ingest, path);
            json::object line = {{"benchmark", "ingest_v2_jsonl"}, {"input_mb", megabytes},
                                 {"boost_json_parse", report(raw, megabytes)}, {"read_tweets", report(ingest, megabytes)},
                                 {"throughput_ratio", raw.seconds / ingest.seconds}};
            std::cout << json::serialize(line) << std::endl;
            if (!keep) fs::remove(path);
        }
    } catch (const std::exception& error) {
        std::cerr << "ingest_benchmark: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
