#include "cloud_test_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

TEST_CASE("read_cloud_words keeps good lines and reports bad ones with path and line") {
    const auto path = (td_test::output_dir() / "words.tsv").string();
    std::ofstream(path, std::ios::binary) << "世界模型\t10\r\n"
                                             "no tab here\n"
                                             "\n"
                                             "# a comment\n"
                                             "AI代理\tabc\n"
                                             "\t5\n"
                                             "负数\t-1\n"
                                             "Claude Code\t2.5\n";
    std::vector<td::Diagnostic> diagnostics;
    const auto words = td::read_cloud_words(path, diagnostics);
    REQUIRE(words.size() == 2);
    CHECK(words[0].text == "世界模型");
    CHECK(words[0].weight == 10);
    CHECK(words[1].text == "Claude Code");
    CHECK(words[1].weight == 2.5);
    REQUIRE(diagnostics.size() == 4);
    CHECK(diagnostics[0].line == 2);
    CHECK(diagnostics[0].source == path);
    CHECK(diagnostics[1].line == 5);
    CHECK(diagnostics[2].line == 6);
    CHECK(diagnostics[3].line == 7);
    CHECK(diagnostics[1].to_string().find(":5:") != std::string::npos);
    CHECK_THROWS_AS(td::read_cloud_words(path + ".missing", diagnostics), td::Error);
}
