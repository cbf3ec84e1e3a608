// Embedding tweetdigest in a C++ program: read a day of tweets, print the top terms and the
// report's core points, and write the word cloud.
//
//   embed_digest TWEETS.jsonl YYYY-MM-DD OUT.png

#include <tweetdigest/tweetdigest.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: embed_digest TWEETS.jsonl YYYY-MM-DD OUT.png\n";
        return 2;
    }
    try {
        td::ReadOptions read;
        read.time_zone = "Asia/Shanghai";
        read.from = read.to = td::LocalDate::parse(argv[2]);
        const td::Corpus corpus = td::read_corpus({argv[1]}, read);
        for (const td::Diagnostic& diagnostic : corpus.diagnostics)
            std::cerr << diagnostic.to_string() << "\n";

        const td::TermAnalysis terms = td::analyze_terms(corpus);
        std::cout << corpus.tweets.size() << " tweets; top terms:";
        for (std::size_t i = 0; i < terms.ranked.size() && i < 10; ++i)
            std::cout << " " << terms.ranked[i].display;
        std::cout << "\n";

        td::DigestOptions options;
        options.language = td::Language::en;
        const td::Digest digest = td::build_digest(corpus, terms, options);
        for (const td::CorePoint& point : digest.core_points)
            std::cout << "- " << point.title << ": " << point.summary.text << "\n";

        std::vector<td::CloudWord> words;
        for (const td::Term& term : digest.top_terms) words.push_back({term.display, term.score, ""});
        const auto fonts = td::FontSet::system_default("zh-Hans");
        const td::CloudLayout layout = td::layout_cloud(words, *fonts);
        td::write_cloud_file(argv[3], layout, *fonts);
        std::cout << "word cloud: " << argv[3] << "\n";
        return 0;
    } catch (const td::Error& error) {
        std::cerr << "embed_digest: " << error.what() << "\n";
        return 1;
    }
}
