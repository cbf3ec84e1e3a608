#include "terms_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <unordered_set>

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// Word spans as (begin, end) byte offsets into the unsegmented line.
std::set<std::pair<std::size_t, std::size_t>> spans(const std::vector<std::string>& words) {
    std::set<std::pair<std::size_t, std::size_t>> out;
    std::size_t at = 0;
    for (const std::string& w : words) {
        out.emplace(at, at + w.size());
        at += w.size();
    }
    return out;
}

}  // namespace

// The bakeoff's measure, as the official `score` script computes it (precision and recall of
// word spans); the training word list is used only to tell which gold words are out of vocabulary.
TEST_CASE("SIGHAN 2005 PKU test: F1 >= 0.85") {
    const auto dir = td_test::shared_data() / "segmentation";
    const auto test = lines_of(td_test::read_file(dir / "pku_test.utf8"));
    const auto gold = lines_of(td_test::read_file(dir / "pku_test_gold.utf8"));
    std::unordered_set<std::string> training;
    for (const std::string& w : lines_of(td_test::read_file(dir / "pku_training_words.utf8"))) training.insert(w);
    REQUIRE(test.size() == gold.size());
    const td::Segmenter segmenter;
    std::size_t correct = 0, produced = 0, expected = 0, oov = 0, oov_found = 0;
    for (std::size_t i = 0; i < test.size(); ++i) {
        const auto ours = segmenter.segment(test[i]);
        const auto reference = split_words(gold[i]);
        const auto ours_spans = spans(ours);
        produced += ours.size();
        expected += reference.size();
        std::size_t at = 0;
        for (const std::string& w : reference) {
            const bool found = ours_spans.count({at, at + w.size()}) > 0;
            correct += found;
            if (!training.count(w)) {
                ++oov;
                oov_found += found;
            }
            at += w.size();
        }
    }
    const double precision = double(correct) / double(produced);
    const double recall = double(correct) / double(expected);
    const double f1 = 2 * precision * recall / (precision + recall);
    const double oov_recall = double(oov_found) / double(oov);
    MESSAGE("PKU precision " << precision << " recall " << recall << " F1 " << f1 << " OOV recall " << oov_recall);
    CHECK(f1 >= 0.85);
    CHECK(oov_recall >= 0.7);
}

TEST_CASE("the seed posts as pseudo-tweets: their multiword terms come out whole") {
    std::string all;
    std::vector<std::filesystem::path> seeds;
    for (const auto& entry : std::filesystem::directory_iterator(td_test::shared_data().parent_path() / "seeds"))
        seeds.push_back(entry.path());
    std::sort(seeds.begin(), seeds.end());
    REQUIRE(seeds.size() >= 3);
    for (const auto& path : seeds) all += td_test::read_file(path) + "\n";
    const td::Corpus corpus = td_terms_test::lines_corpus(all);
    td::TermOptions options;
    options.top = 200;
    const td::TermAnalysis analysis = td::analyze_terms(corpus, options);
    const auto& ranked = analysis.ranked;
    struct Expect {
        std::string whole;
        std::vector<std::string> fragments;
        std::size_t within;
    };
    for (const Expect& e : std::vector<Expect>{{"ai代理", {"代理"}, 5},
                                               {"claude code", {"claude", "code"}, 120},
                                               {"kimi k2.5", {"kimi", "k2.5"}, 150},
                                               {"世界模型", {"世界"}, 150},
                                               {"多模态", {"模态"}, 30}}) {
        INFO(e.whole);
        const std::size_t rank = td_terms_test::rank_of(ranked, e.whole);
        CHECK(rank < e.within);
        REQUIRE(td_terms_test::find_term(ranked, e.whole));
        for (const std::string& fragment : e.fragments) {
            INFO(fragment);
            CHECK(td_terms_test::rank_of(ranked, fragment) > rank);
        }
    }
    CHECK(td_terms_test::find_term(ranked, "claude code")->display == "Claude Code");
    CHECK(td_terms_test::find_term(ranked, "ai代理")->display == "AI代理");
}
