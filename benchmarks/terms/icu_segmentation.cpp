// The baseline: ICU's dictionary-based word BreakIterator (locale zh) on the same text, timed the
// same way as terms_segmentation_benchmark, output in the bakeoff format (spaces dropped).
// usage: terms_icu_segmentation_benchmark [TEST_TEXT [OUTPUT]]   (prints one JSON object)

#include "common/utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

std::vector<std::string> segment(icu::BreakIterator& it, const std::string& line) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
    it.setText(text);
    std::vector<std::string> words;
    std::int32_t start = it.first();
    for (std::int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
        std::string word;
        text.tempSubStringBetween(start, end).toUTF8String(word);
        if (word.find_first_not_of(" \t\u3000") != std::string::npos) words.push_back(std::move(word));
    }
    return words;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string input = argc > 1 ? argv[1] : std::string(TD_SHARED_DATA_DIR) + "/segmentation/pku_test.utf8";
    const std::string output = argc > 2 ? argv[2] : "pku_test_icu.utf8";
    std::ifstream in(input, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", input.c_str());
        return 1;
    }
    std::vector<std::string> lines;
    std::size_t chars = 0;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        chars += td::utf8::count_code_points(line);
        lines.push_back(line);
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) {
        std::fprintf(stderr, "ICU: %s\n", u_errorName(status));
        return 1;
    }
    std::vector<std::vector<std::string>> result(lines.size());
    double best = 1e9, best_cpu = 1e9;
    for (int round = 0; round < 5; ++round) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = thread_cpu_seconds();
        for (std::size_t i = 0; i < lines.size(); ++i) result[i] = segment(*it, lines[i]);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        best_cpu = std::min(best_cpu, thread_cpu_seconds() - cpu_start);
    }
    std::ofstream out(output, std::ios::binary);
    for (const auto& words : result) {
        for (std::size_t i = 0; i < words.size(); ++i) out << (i ? "  " : "") << words[i];
        out << '\n';
    }
    std::printf("{\"segmenter\":\"icu-breakiterator-zh\",\"icu_version\":\"%s\",\"lines\":%zu,\"chars\":%zu,"
                "\"segment_seconds\":%.5f,\"chars_per_second\":%.0f,\"cpu_chars_per_second\":%.0f,"
                "\"output\":\"%s\"}\n",
                U_ICU_VERSION, lines.size(), chars, best, double(chars) / best, double(chars) / best_cpu,
                output.c_str());
    return 0;
}
