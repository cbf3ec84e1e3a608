// Writes the posts of a synthetic day (with hostile tweets mixed in) into a Jekyll site folder:
//   make_post SITE_DIR
// prints the site-relative paths of the zh post, the en post and the word-cloud image.

#include "../digest/synthetic_corpus.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

void add_hostile_tweets(td_test::SyntheticDay& day, const fs::path& list) {
    std::ifstream in(list);
    std::uint64_t id = 1800000000000000000ULL;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.starts_with("# Tweets") || line.starts_with("# \"")) continue;
        for (std::size_t at; (at = line.find("\\n")) != std::string::npos;) line.replace(at, 2, "\n");
        day.corpus.tweets.push_back(td_test::make_tweet(std::to_string(++id), "mallory", line, 40));
        std::vector<std::string> keys;
        std::istringstream words(line);
        for (std::string word; words >> word;) keys.push_back(word);
        day.terms.tweet_terms.push_back(std::move(keys));
    }
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_post SITE_DIR\n";
        return 2;
    }
    const fs::path site = argv[1];
    td_test::SyntheticDay day = td_test::synthetic_day();
    add_hostile_tweets(day, fs::path(TD_SOURCE_DIR) / "tests/render/hostile_tweets.txt");
    for (td::Language language : {td::Language::zh, td::Language::en}) {
        td::DigestOptions options;
        options.language = language;
        options.generated_at = 1769322732;
        const td::Digest digest = td::build_digest(day.corpus, day.terms, options);
        std::string post = td::post_relative_path(digest);
        if (language == td::Language::en) post.insert(post.size() - 3, "-en");
        write(site / post, td::render_markdown(digest));
        std::cout << post << "\n";
        if (language == td::Language::en) std::cout << td::wordcloud_relative_path(digest) << "\n";
    }
    return 0;
}
