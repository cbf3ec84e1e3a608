// Segments the SIGHAN 2005 PKU test text with the builtin lexicon and writes the result in the
// bakeoff format (words separated by two spaces), timing lexicon loading and segmentation.
// usage: terms_segmentation_benchmark [TEST_TEXT [OUTPUT]]   (prints one JSON object)

#include <tweetdigest/terms.hpp>

#include "common/utf8.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of this thread: the single-core cost even when other processes share the machine.
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string input = argc > 1 ? argv[1] : std::string(TD_SHARED_DATA_DIR) + "/segmentation/pku_test.utf8";
    const std::string output = argc > 2 ? argv[2] : "pku_test_tweetdigest.utf8";
    std::ifstream in(input, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", input.c_str());
        return 1;
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    std::size_t chars = 0;
    for (const std::string& line : lines) chars += td::utf8::count_code_points(line);

    auto start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_seconds();
    const td::Segmenter segmenter(td::Lexicon::builtin());
    const double load_seconds = seconds_since(start);
    const double load_cpu_seconds = thread_cpu_seconds() - cpu_start;

    std::vector<std::vector<std::string>> result(lines.size());
    double best = 1e9, best_cpu = 1e9;
    for (int round = 0; round < 15; ++round) {
        start = std::chrono::steady_clock::now();
        cpu_start = thread_cpu_seconds();
        for (std::size_t i = 0; i < lines.size(); ++i) result[i] = segmenter.segment(lines[i]);
        best = std::min(best, seconds_since(start));
        best_cpu = std::min(best_cpu, thread_cpu_seconds() - cpu_start);
    }
    std::ofstream out(output, std::ios::binary);
    for (const auto& words : result) {
        for (std::size_t i = 0; i < words.size(); ++i) out << (i ? "  " : "") << words[i];
        out << '\n';
    }
    std::printf("{\"segmenter\":\"tweetdigest\",\"lines\":%zu,\"chars\":%zu,\"lexicon_entries\":%zu,"
                "\"lexicon_load_seconds\":%.4f,\"lexicon_load_cpu_seconds\":%.4f,"
                "\"segment_seconds\":%.5f,\"chars_per_second\":%.0f,\"cpu_chars_per_second\":%.0f,"
                "\"output\":\"%s\"}\n",
                lines.size(), chars, segmenter.lexicon().size(), load_seconds, load_cpu_seconds, best,
                double(chars) / best, double(chars) / best_cpu, output.c_str());
    return 0;
}
