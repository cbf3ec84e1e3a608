#include "pipeline.hpp"

#include <tweetdigest/cloud.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/ingest.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>

#include <sys/resource.h>

#include <chrono>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace e2e {
namespace {

using Clock = std::chrono::steady_clock;

class StageTimer {
public:
    // Seconds since the previous lap (or since construction).
    double lap() {
        const Clock::time_point now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return seconds;
    }
    double total() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

private:
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_ = start_;
};

// The process's peak RSS so far, in MB.
double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// As the CLI builds them: the digest's top terms, weighted by score, coloured by kind.
std::vector<td::CloudWord> cloud_words(const td::Digest& digest) {
    std::vector<td::CloudWord> words;
    for (const td::Term& term : digest.top_terms) words.push_back({term.display, term.score, td::to_string(term.kind)});
    return words;
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    td::write_file_atomically(path.string(), bytes);
}

}  // namespace

json::object run_pipeline(const fs::path& input, const fs::path& site, const PipelineOptions& options) {
    json::object result;
    json::object peak;  // after each stage: which stage sets the peak
    StageTimer timer;

    td::ReadOptions read;
    read.time_zone = options.time_zone;
    td::TimeZone::load(read.time_zone);
    read.from = read.to = options.day;
    const td::Corpus corpus = td::read_corpus({input.string()}, read);
    result["ingest_s"] = timer.lap();
    peak["ingest"] = peak_rss_mb();

    td::DigestOptions digest_options;  // the CLI's defaults: zh report, 150 cloud terms
    digest_options.wordcloud_extension = options.image_format;
    const td::TermAnalysis terms = td::analyze_terms(corpus, digest_options.terms);
    result["terms_s"] = timer.lap();
    peak["terms"] = peak_rss_mb();

    const td::Digest digest = td::build_digest(corpus, terms, digest_options);
    result["digest_s"] = timer.lap();
    peak["digest"] = peak_rss_mb();

    const fs::path post = site / td::post_relative_path(digest);
    const std::string markdown = td::render_markdown(digest);
    const std::string digest_json = td::render_json(digest);
    write_file(post, markdown);
    write_file(fs::path(post).replace_extension(".json"), digest_json);
    result["render_s"] = timer.lap();
    peak["render"] = peak_rss_mb();

    const auto fonts = td::FontSet::system_default("zh-Hans");
    const double fonts_seconds = timer.lap();
    td::CloudOptions cloud;  // the CLI's defaults, at the digest's size
    cloud.width = options.cloud_width;
    cloud.height = options.cloud_height;
    const td::CloudLayout layout = td::layout_cloud(cloud_words(digest), *fonts, cloud);
    const double layout_seconds = timer.lap();
    const fs::path image = site / td::wordcloud_relative_path(digest);
    fs::create_directories(image.parent_path());
    td::write_cloud_file(image.string(), layout, *fonts, cloud);
    const double image_seconds = timer.lap();
    result["cloud_s"] = fonts_seconds + layout_seconds + image_seconds;
    result["cloud_parts_s"] = {{"fonts", fonts_seconds}, {"layout", layout_seconds}, {"image", image_seconds}};
    result["total_s"] = timer.total();
    peak["cloud"] = peak_rss_mb();
    result["peak_rss_mb_after"] = std::move(peak);

    const td::CorpusCounts& counts = corpus.counts;
    result["corpus"] = {{"read", counts.read},
                        {"kept", counts.kept},
                        {"duplicates", counts.duplicates},
                        {"retweets", counts.retweets},
                        {"out_of_window", counts.out_of_window},
                        {"errors", counts.errors},
                        {"diagnostics", corpus.diagnostics.size()}};
    result["output"] = {{"ranked_terms", terms.ranked.size()},
                        {"core_points", digest.core_points.size()},
                        {"sources", digest.sources.size()},
                        {"markdown_bytes", markdown.size()},
                        {"json_bytes", digest_json.size()},
                        {"cloud_words_placed", layout.words.size()},
                        {"cloud_words_dropped", layout.dropped.size()},
                        {"image_bytes", fs::file_size(image)},
                        {"first_font", fonts->describe().empty() ? "" : fonts->describe().front()}};
    return result;
}

}  // namespace e2e
