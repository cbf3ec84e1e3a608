#include <tweetdigest/terms.hpp>

#include "common/resources.hpp"

namespace td {
namespace {

std::vector<std::string> load_stopwords(std::string_view name) {
    const std::string_view text = resources::get(name);
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (!line.empty() && line[0] != '#') words.emplace_back(line);
    }
    return words;
}

}  // namespace

const std::vector<std::string>& builtin_stopwords(std::string_view language) {
    static const std::vector<std::string> zh = load_stopwords("terms/stopwords_zh.txt");
    static const std::vector<std::string> en = load_stopwords("terms/stopwords_en.txt");
    static const std::vector<std::string> none;
    if (language == "zh") return zh;
    if (language == "en") return en;
    return none;
}

}  // namespace td
