// The digest of a large day: a realistic synthetic day replicated with fresh ids, timed per
// stage (terms, clustering, sections, render), ingest excluded.
//
//   digest_benchmark [--tweets 100000]
//
// Prints one JSON object with the seconds of each stage.

#include "synthetic_corpus.hpp"

#include "digest/clustering.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t wanted = 100000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--tweets") wanted = std::strtoull(argv[i + 1], nullptr, 10);

    const std::size_t per_copy = td_test::synthetic_day(1).corpus.tweets.size();
    const td_test::SyntheticDay day = td_test::synthetic_day((wanted + per_copy - 1) / per_copy);
    const td::Corpus& corpus = day.corpus;

    auto start = Clock::now();
    const td::TermAnalysis terms = td::analyze_terms(corpus);
    const double terms_seconds = seconds_since(start);

    // Clustering alone, then the whole digest (which clusters again) to get the sections' share.
    start = Clock::now();
    const td::digest::Clustering clustering = td::digest::cluster_tweets(corpus, terms);
    const double clustering_seconds = seconds_since(start);

    start = Clock::now();
    const td::Digest digest = td::build_digest(corpus, terms, td::DigestOptions{});
    const double digest_seconds = seconds_since(start);

    start = Clock::now();
    const std::string markdown = td::render_markdown(digest);
    const std::string json = td::render_json(digest);
    const double render_seconds = seconds_since(start);

    const double sections_seconds = digest_seconds > clustering_seconds ? digest_seconds - clustering_seconds : 0;
    std::printf("{\"tweets\": %zu, \"clusters\": %zu, \"core_points\": %zu, \"terms_s\": %.3f, "
                "\"clustering_s\": %.3f, \"sections_s\": %.3f, \"render_s\": %.3f, \"total_s\": %.3f, "
                "\"markdown_bytes\": %zu, \"json_bytes\": %zu}\n",
                corpus.tweets.size(), clustering.clusters.size(), digest.core_points.size(), terms_seconds,
                clustering_seconds, sections_seconds, render_seconds,
                terms_seconds + digest_seconds + render_seconds, markdown.size(), json.size());
    return 0;
}
