#include <tweetdigest/render.hpp>

namespace td {

std::string safe_file_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '_' || c == '-' || c == '.';
        out += plain ? c : '_';
    }
    while (out.starts_with('.')) out.erase(0, 1);
    return out.empty() ? "wordcloud" : out;
}

std::string post_relative_path(const Digest& digest) {
    return "_posts/" + digest.from.to_string() + "-" + safe_file_name(digest.title) + ".md";
}

std::string post_url(const LocalDate& date, std::string_view title) {
    const std::string day = date.to_string();
    return "/" + day.substr(0, 4) + "/" + day.substr(5, 2) + "/" + day.substr(8, 2) + "/" + safe_file_name(title) +
           ".html";
}

std::string wordcloud_relative_path(const Digest& digest) {
    return "assets/wordcloud/" + safe_file_name(digest.wordcloud_image);
}

}  // namespace td
