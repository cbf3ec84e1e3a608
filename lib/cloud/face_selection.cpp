#include "cloud/face_selection.hpp"

#include <algorithm>
#include <cctype>

namespace td::cloud {
namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::vector<std::string> words_of(const std::string& family) {
    std::vector<std::string> words;
    std::string word;
    for (char c : family) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

}  // namespace

std::vector<std::string> language_face_tokens(const std::string& language) {
    const std::string tag = lower(language);
    const auto has = [&](const char* part) { return tag.find(part) != std::string::npos; };
    if (tag.rfind("ja", 0) == 0) return {"JP", "Japanese"};
    if (tag.rfind("ko", 0) == 0) return {"KR", "K", "Korean"};
    if (tag.rfind("zh", 0) == 0) {
        if (has("hk") || has("mo")) return {"HK", "TC"};
        if (has("hant") || has("tw")) return {"TC", "Traditional"};
        return {"SC", "Simplified", "GB"};
    }
    return {"SC", "Simplified", "GB"};  // Latin text still needs a Han face for its CJK terms
}

int choose_face(const std::vector<std::string>& families, const std::string& language) {
    const std::vector<std::string> tokens = language_face_tokens(language);
    int best = -1;
    std::size_t best_rank = tokens.size();
    bool best_mono = true;
    for (std::size_t i = 0; i < families.size(); ++i) {
        const std::vector<std::string> words = words_of(families[i]);
        const bool mono = std::find(words.begin(), words.end(), "Mono") != words.end();
        for (std::size_t rank = 0; rank < tokens.size(); ++rank) {
            if (std::find(words.begin(), words.end(), tokens[rank]) == words.end()) continue;
            if (rank < best_rank || (rank == best_rank && best_mono && !mono)) {
                best = static_cast<int>(i);
                best_rank = rank;
                best_mono = mono;
            }
            break;
        }
    }
    return best < 0 ? 0 : best;
}

}  // namespace td::cloud
