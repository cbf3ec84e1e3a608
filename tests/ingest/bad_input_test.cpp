// Drives tests/data/bad/expected.json: every malformed input yields its diagnostics and keeps the
// tweets around the damage.
#include "ingest_test_support.hpp"
#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace td;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string v2_line(int id, std::string_view text) {
    return R"({"id":")" + std::to_string(id) + R"(","text":")" + std::string(text) +
           R"(","created_at":"2021-04-01T10:00:00.000Z"})" + "\n";
}

void write(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Inputs too large or too binary to keep in the repository.
fs::path generate_cases() {
    const fs::path dir = td_test::output_dir() / "bad" / "generated";
    fs::create_directories(dir);
    write(dir / "big_text.jsonl", v2_line(1, "small") + v2_line(2, std::string(1 << 20, 'x')) + v2_line(3, "small"));
    const std::string three = v2_line(1, "one") + v2_line(2, "two") + v2_line(3, "three");
    write(dir / "gzip_complete.jsonl.gz", td_test::gzip_compress(three));
    // Two gzip members: the first complete (tweets 1 and 2), the second cut off after its header.
    const std::string tail = td_test::gzip_compress(v2_line(3, "three"));
    write(dir / "gzip_truncated.jsonl.gz",
          td_test::gzip_compress(v2_line(1, "one") + v2_line(2, "two")) + tail.substr(0, tail.size() / 2));
    return dir.parent_path();
}

td_test::ReadResult read_case(const fs::path& path) {
    try {
        return td_test::read_path(path.string());
    } catch (const Error& error) {
        td_test::ReadResult result;
        Diagnostic diagnostic;
        diagnostic.source = path.string();
        diagnostic.message = error.what();
        result.diagnostics.push_back(diagnostic);
        return result;
    }
}

}  // namespace

TEST_CASE("bad-input corpus: diagnostics and surviving tweets match tests/data/bad/expected.json") {
    const fs::path bad = td_test::source_dir() / "tests" / "data" / "bad";
    const fs::path generated_root = generate_cases();
    const json::value manifest = json::parse(td_test::read_file(bad / "expected.json"));
    const json::array& cases = manifest.at("cases").as_array();
    REQUIRE(cases.size() >= 30);
    int passed = 0;
    for (const json::value& entry : cases) {
        const json::object& expected = entry.as_object();
        const std::string file(expected.at("file").as_string());
        CAPTURE(file);
        const fs::path path = file.starts_with("generated/") ? generated_root / file : bad / file;
        const td_test::ReadResult result = read_case(path);

        std::vector<std::string> expected_ids;
        for (const json::value& id : expected.at("tweets").as_array()) expected_ids.emplace_back(id.as_string());
        CHECK(result.ids() == expected_ids);

        const json::array& diagnostics = expected.at("diagnostics").as_array();
        std::string actual;
        for (const Diagnostic& d : result.diagnostics) actual += d.to_string() + "\n";
        CAPTURE(actual);
        REQUIRE(result.diagnostics.size() == diagnostics.size());
        for (std::size_t i = 0; i < diagnostics.size(); ++i) {
            const json::object& want = diagnostics[i].as_object();
            const Diagnostic& got = result.diagnostics[i];
            const bool is_error = got.severity == Diagnostic::Severity::error;
            CHECK(is_error == (want.at("severity").as_string() == "error"));
            CHECK(got.line == static_cast<std::uint64_t>(want.at("line").as_int64()));
            CHECK(got.message.find(std::string(want.at("contains").as_string())) != std::string::npos);
            CHECK(!got.source.empty());
        }
        if (const json::value* approximate = expected.if_contains("approximate_ids")) {
            for (const json::value& id : approximate->as_array())
                CHECK(result.tweet(std::string(id.as_string())).id_approximate);
        }
        if (const json::value* texts = expected.if_contains("texts")) {
            for (const auto& [id, text] : texts->as_object())
                CHECK(result.tweet(std::string(id)).text == std::string(text.as_string()));
        }
        ++passed;
    }
    MESSAGE("bad-input cases run: " << passed << " of " << cases.size());
}

TEST_CASE("byte offsets point at the start of the bad record") {
    const std::string first = v2_line(1, "one");
    const std::string input = first + "{\"id\":\"2\",\"text\":\n" + v2_line(3, "three");
    const auto result = td_test::read_memory(input);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].line == 2);
    CHECK(result.diagnostics[0].byte_offset == first.size());
    CHECK(result.ids() == std::vector<std::string>{"1", "3"});
}

TEST_CASE("read_corpus reports unreadable paths and still reads the others") {
    const fs::path good = td_test::output_dir() / "good.jsonl";
    write(good, v2_line(1, "one"));
    const Corpus corpus = read_corpus({"/nonexistent/file.jsonl", good.string()});
    CHECK(corpus.tweets.size() == 1);
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].source == "/nonexistent/file.jsonl");
    CHECK(corpus.counts.errors == 1);
    CHECK(corpus.counts.read == 1);
}
