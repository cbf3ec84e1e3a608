// The C ABI's corpus entry points on fuzzed tweet bytes and corpus options:
// td_corpus_read_memory and td_corpus_read_files (same bytes through a file: the same corpus),
// then td_corpus_size, td_corpus_tweet_json, td_corpus_diagnostics_json, td_corpus_summary_json,
// and for small corpora td_term_stats_build / _serialize / _load.
// Input: a flags byte, then 0x1E-separated parts: corpus options JSON and the tweet bytes (the
// rest; any format, gzip included).

#include "fuzz_capi.hpp"

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

constexpr std::size_t max_tweets_checked = 64;
constexpr std::size_t max_tweets_for_stats = 24;

// Everything the accessors say about a corpus, checked for consistency.
struct Seen {
    std::string summary, diagnostics;
    std::vector<std::string> tweets;
    friend bool operator==(const Seen&, const Seen&) = default;
};

Seen inspect(const td_corpus* corpus) {
    Seen seen;
    std::size_t size = 7;
    if (!capi::check("td_corpus_size", td_corpus_size(corpus, &size), documented::corpus_size)) return seen;
    capi::Buffer out;
    for (std::size_t i = 0; i < size && i < max_tweets_checked; ++i) {
        const json::value tweet =
            out.check_json("td_corpus_tweet_json", td_corpus_tweet_json(corpus, i, out.out(), out.out_len()),
                           documented::corpus_output);
        if (tweet.is_null()) continue;
        if (!tweet.is_object() || !tweet.as_object().contains("id") || !tweet.as_object().contains("text"))
            capi::fail("td_corpus_tweet_json", "not a tweet object");
        if (tweet.as_object().at("id").as_string().empty()) capi::fail("td_corpus_tweet_json", "empty id");
        seen.tweets.emplace_back(out.view());
    }
    // One past the end is an argument error.
    if (out.check("td_corpus_tweet_json", td_corpus_tweet_json(corpus, size, out.out(), out.out_len()),
                  documented::corpus_output))
        capi::fail("td_corpus_tweet_json", "index == size accepted");

    const json::value diagnostics = out.check_json(
        "td_corpus_diagnostics_json", td_corpus_diagnostics_json(corpus, out.out(), out.out_len()),
        documented::corpus_output);
    if (!diagnostics.is_null()) {
        if (!diagnostics.is_array()) capi::fail("td_corpus_diagnostics_json", "not an array");
        for (const json::value& item : diagnostics.as_array()) {
            const json::object& d = item.as_object();
            const std::string_view severity = d.at("severity").as_string();
            if (severity != "error" && severity != "warning") capi::fail("td_corpus_diagnostics_json", "bad severity");
            if (d.at("message").as_string().empty()) capi::fail("td_corpus_diagnostics_json", "empty message");
        }
        seen.diagnostics = std::string(out.view());
    }

    const json::value summary = out.check_json("td_corpus_summary_json",
                                               td_corpus_summary_json(corpus, out.out(), out.out_len()),
                                               documented::corpus_output);
    if (!summary.is_null()) {
        const json::object& s = summary.as_object();
        if (s.at("tweets").to_number<std::uint64_t>() != size)
            capi::fail("td_corpus_summary_json", "\"tweets\" differs from td_corpus_size");
        if (!diagnostics.is_null() && s.at("diagnostics").to_number<std::uint64_t>() != diagnostics.as_array().size())
            capi::fail("td_corpus_summary_json", "\"diagnostics\" differs from td_corpus_diagnostics_json");
        if (s.at("counts").as_object().at("kept").to_number<std::uint64_t>() != size)
            capi::fail("td_corpus_summary_json", "\"counts.kept\" differs from td_corpus_size");
        seen.summary = std::string(out.view());
    }

    // The corpus' term stats survive serialisation.
    if (size <= max_tweets_for_stats) {
        capi::Stats stats, loaded;
        if (!stats.check("td_term_stats_build",
                         td_term_stats_build(corpus, R"({"min_frequency": 1})", TD_NUL_TERMINATED, stats.out()),
                         documented::stats_build))
            return seen;
        if (!out.check("td_term_stats_serialize", td_term_stats_serialize(stats.get(), out.out(), out.out_len()),
                       documented::stats_serialize))
            return seen;
        const std::string bytes(out.view());
        const td_status status = td_term_stats_load(bytes.data(), bytes.size(), loaded.out());
        if (status != TD_OK && status != TD_ERR_NO_MEMORY)
            capi::fail("td_term_stats_load", std::string("serialized stats do not load: ") + td_last_error());
        if (!loaded.check("td_term_stats_load", status, documented::stats_load)) return seen;
        if (out.check("td_term_stats_serialize", td_term_stats_serialize(loaded.get(), out.out(), out.out_len()),
                      documented::stats_serialize) &&
            out.view() != bytes)
            capi::fail("td_term_stats_serialize", "stats differ after a serialize/load round trip");
    }
    return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view options = td_fuzz::take_part(input);
    const std::string_view tweets = input;
    const std::uint8_t options_mode = flags & 3, data_mode = (flags >> 2) & 3;
    const bool through_file = flags & 0x10;
    td_clear_error();

    // With a file, the memory read names its source like the file so that both read the same.
    const std::string path = capi::scratch_path("tweets");
    const capi::Text options_arg(options, options_mode);
    const capi::Text data_arg(tweets, through_file ? 0 : data_mode);
    const char* source_name = through_file ? path.c_str() : (flags & 0x20) ? "fuzz" : nullptr;

    capi::Corpus corpus;
    const td_status status = td_corpus_read_memory(data_arg.data(), data_arg.len(), source_name, options_arg.data(),
                                                   options_arg.len(), corpus.out());
    Seen from_memory;
    if (corpus.check("td_corpus_read_memory", status, documented::corpus_read)) from_memory = inspect(corpus.get());

    if (through_file) {
        capi::write_file(path, tweets);
        const char* const paths[] = {path.c_str()};
        capi::Corpus read;
        const td_status file_status =
            td_corpus_read_files(paths, 1, options_arg.data(), options_arg.len(), read.out());
        if (read.check("td_corpus_read_files", file_status, documented::corpus_read) &&
            inspect(read.get()) != from_memory)
            capi::fail("td_corpus_read_files", "the same bytes read from a file make another corpus");
        if (file_status != status)
            capi::fail("td_corpus_read_files", std::string("status ") + td_status_string(file_status) +
                                                   " where td_corpus_read_memory returned " + td_status_string(status));
    }
    return 0;
}
