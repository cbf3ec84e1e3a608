// extract_entities and normalize_for_analysis throughput on tweet texts, and the worst inputs.
// Usage: text_benchmark [FILE.jsonl ...]   (default: the shared tweet samples)
// Prints one line per measurement: name, megabytes, seconds, MB/s.
#include <tweetdigest/text.hpp>

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

void collect_texts(const boost::json::value& value, std::vector<std::string>& texts) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.get_object()) {
            if ((key == "text" || key == "full_text") && child.is_string()) {
                texts.emplace_back(child.get_string());
            } else {
                collect_texts(child, texts);
            }
        }
    } else if (value.is_array()) {
        for (const auto& child : value.get_array()) collect_texts(child, texts);
    }
}

std::vector<std::string> load_texts(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> texts;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line)) {
            boost::system::error_code error;
            const boost::json::value value = boost::json::parse(line, error);
            if (!error) collect_texts(value, texts);
        }
    }
    return texts;
}

template <typename Work>
void measure(const char* name, const std::vector<std::string>& texts, int rounds, Work work) {
    std::size_t bytes = 0, sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (const std::string& text : texts) {
            sink += work(text);
            bytes += text.size();
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double megabytes = static_cast<double>(bytes) / 1e6;
    std::printf("%s mb=%.2f seconds=%.3f mb_per_s=%.1f (%zu)\n", name, megabytes, seconds,
                megabytes / seconds, sink % 10);
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) files.emplace_back(argv[i]);
    if (files.empty()) {
        const std::filesystem::path shared = std::filesystem::path(TD_SHARED_DATA_DIR) / "tweets";
        if (std::filesystem::exists(shared)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(shared)) {
                if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
            }
        }
    }
    const std::vector<std::string> texts = load_texts(files);
    std::printf("texts=%zu files=%zu\n", texts.size(), files.size());
    if (!texts.empty()) {
        measure("extract_entities", texts, 20, [](const std::string& t) { return td::extract_entities(t).size(); });
        measure("normalize_for_analysis", texts, 20,
                [](const std::string& t) { return td::normalize_for_analysis(t).size(); });
        measure("weighted_length", texts, 20,
                [](const std::string& t) { return static_cast<std::size_t>(td::weighted_length(t).weighted_length); });
    }
    std::string dotted;
    while (dotted.size() < 1'000'000) dotted += "a.";
    std::string at_signs(1'000'000, '@');
    std::string hashes;
    while (hashes.size() < 1'000'000) hashes += "#a";
    std::string accented;
    while (accented.size() < 1'000'000) accented += "\xc3\xa9";
    accented += ".com";
    for (const auto& [name, text] : {std::pair{"worst_dotted_1mb", dotted}, std::pair{"worst_at_signs_1mb", at_signs},
                                     std::pair{"worst_hashes_1mb", hashes}, std::pair{"worst_accented_1mb", accented}}) {
        measure(name, std::vector<std::string>{text}, 1, [](const std::string& t) { return td::extract_entities(t).size(); });
    }
}
