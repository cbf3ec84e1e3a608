// What a user sees when the machine fails the CLI: a full disk (a file-size limit), an
// unreadable font, a missing time zone. Each is a clear message and exit status, and no
// half-written post or image is left behind.

#include "cli_runner.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using td_test::run_cli;
using td_test::run_cli_after;

namespace {

const std::string sample = (td_test::source_dir() / "examples/data/sample_tweets.jsonl").string();

// Every file under dir whose name marks an interrupted write.
std::vector<std::string> temporaries(const fs::path& dir) {
    std::vector<std::string> found;
    if (!fs::exists(dir)) return found;
    for (const auto& item : fs::recursive_directory_iterator(dir))
        if (item.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(item.path().string());
    return found;
}

}  // namespace

TEST_CASE("a full disk: the write fails with the file's name, nothing half-written stays") {
    const fs::path site = td_test::output_dir() / "site-full-disk";
    fs::remove_all(site);
    // 8 blocks of 512 bytes: less than a post. SIGXFSZ ignored, so the write returns EFBIG.
    const auto result = run_cli_after("ulimit -f 8; trap '' XFSZ",
                                      {"digest", sample, "--date", "2026-01-25", "--out", site.string(), "--image-format", "png"});
    INFO(result.err);
    CHECK(result.exit_status == 1);
    // The image is written first; the message names it and the reason.
    CHECK(result.err.find((site / "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png").string() +
                          ": write failed: File too large") != std::string::npos);
    CHECK_FALSE(fs::exists(site / "_posts/2026-01-25-twitter_ai_20260125_20260125.md"));
    CHECK_FALSE(fs::exists(site / "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png"));
    CHECK(temporaries(site).empty());

    // With room, the same command succeeds.
    const auto roomy = run_cli({"digest", sample, "--date", "2026-01-25", "--out", site.string(), "--image-format", "svg"});
    INFO(roomy.err);
    CHECK(roomy.exit_status == 0);
    CHECK(fs::exists(site / "_posts/2026-01-25-twitter_ai_20260125_20260125.md"));
}

TEST_CASE("an image that does not fit on the disk fails the run and leaves no partial image") {
    const fs::path out = td_test::output_dir() / "cloud-full-disk.png";
    fs::remove(out);
    const fs::path words = td_test::output_dir() / "cloud-full-disk.tsv";
    std::ofstream(words) << "人工智能\t10\nClaude Code\t8\n世界模型\t6\nagents\t5\n开源\t4\n";
    const auto result = run_cli_after("ulimit -f 4; trap '' XFSZ",
                                      {"cloud", words.string(), "--out", out.string(), "--width", "1200", "--height", "900"});
    INFO(result.err);
    CHECK(result.exit_status == 1);
    CHECK(result.err.find(out.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK(temporaries(td_test::output_dir()).empty());
}

TEST_CASE("an unreadable font is named, with exit status 1") {
    const fs::path site = td_test::output_dir() / "site-bad-font";
    fs::remove_all(site);
    const fs::path not_a_font = td_test::output_dir() / "not-a-font.ttf";
    std::ofstream(not_a_font) << "this is not a font";
    for (const std::string& font : {not_a_font.string(), std::string("/nonexistent/font.otf")}) {
        CAPTURE(font);
        const auto result = run_cli({"digest", sample, "--date", "2026-01-25", "--out", site.string(), "--font", font});
        INFO(result.err);
        CHECK(result.exit_status == 1);
        CHECK(result.err.find(font) != std::string::npos);
        CHECK_FALSE(fs::exists(site / "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png"));
    }
}

TEST_CASE("a time zone the system does not know is named, with exit status 2") {
    const auto result = run_cli({"digest", sample, "--date", "2026-01-25", "--tz", "Atlantis/Capital"});
    CHECK(result.exit_status == 2);
    CHECK(result.err.find("Atlantis/Capital") != std::string::npos);
    CHECK(result.err.find("time zone") != std::string::npos);
}
