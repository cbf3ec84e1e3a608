#pragma once
// The CLI's `digest` for one local day (no history, no LLM prose), timed per stage: read the
// corpus, analyse terms, build the digest, render and write the post and its JSON, lay out and
// write the word cloud.

#include <tweetdigest/common.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <string>

namespace e2e {

struct PipelineOptions {
    td::LocalDate day{2026, 1, 25};
    std::string time_zone = "Asia/Shanghai";
    std::string image_format = "png";
    int cloud_width = 1200;  // the CLI's size for the digest's cloud
    int cloud_height = 800;
};

// Runs the pipeline on `input`, writing the site under `site`. Returns the stage seconds
// ("ingest_s", "terms_s", "digest_s", "render_s", "cloud_s" with its parts, "total_s") and
// what each stage produced.
boost::json::object run_pipeline(const std::filesystem::path& input, const std::filesystem::path& site,
                                 const PipelineOptions& options);

}  // namespace e2e
