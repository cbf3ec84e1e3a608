#include "cloud_settings.hpp"
#include "commands.hpp"

#include <tweetdigest/cloud.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>

#include <filesystem>
#include <iostream>

namespace td::cli {
namespace {

std::vector<CloudWord> cloud_words(const Digest& digest) {
    std::vector<CloudWord> words;
    for (const Term& term : digest.top_terms)
        words.push_back({term.display, term.score, to_string(term.kind)});
    return words;
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    write_file_atomically(path.string(), bytes);
}

int run_digest(const Arguments& args) {
    const Corpus corpus = load_corpus(args, true);
    if (corpus.tweets.empty()) {
        std::cerr << "tweetdigest digest: no tweets in " << corpus.from->to_string() << " .. "
                  << corpus.to->to_string() << " (" << corpus.time_zone << ")\n";
        return exit_no_tweets;
    }

    DigestOptions options;
    options.language = parse_language(args.value_or("lang", "zh"));
    options.cloud_terms = static_cast<std::size_t>(args.integer_or("cloud-terms", 150));
    const std::string image_format = args.value_or("image-format", jpeg_supported() ? "jpg" : "png");
    if (image_format != "png" && image_format != "jpg" && image_format != "svg")
        throw UsageError("--image-format must be png, jpg or svg");
    options.wordcloud_extension = image_format;
    if (const auto dictionary = args.value("userdict")) {
        std::vector<Diagnostic> diagnostics;
        const auto entries = Lexicon::read_user_dictionary(*dictionary, &diagnostics);
        for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
        options.terms.lexicon = Lexicon::with_user_entries(*Lexicon::builtin(), entries);
    }

    const TermAnalysis terms = analyze_terms(corpus, options.terms);
    const Digest digest = build_digest(corpus, terms, options);

    const std::filesystem::path site = args.value_or("out", ".");
    const std::filesystem::path post = site / post_relative_path(digest);
    const std::filesystem::path json = std::filesystem::path(post).replace_extension(".json");
    const std::filesystem::path image = site / wordcloud_relative_path(digest);

    const std::string language = options.language == Language::zh ? "zh-Hans" : "en";
    const auto fonts = load_fonts(args, language);
    const CloudOptions cloud = cloud_settings(args, 1200, 800);
    const CloudLayout layout = layout_cloud(cloud_words(digest), *fonts, cloud);
    for (const Diagnostic& d : layout.diagnostics) std::cerr << d.to_string() << "\n";
    std::filesystem::create_directories(image.parent_path());
    write_cloud_file(image.string(), layout, *fonts, cloud);

    write_file(post, render_markdown(digest));
    write_file(json, render_json(digest));

    std::cout << "post:       " << post.string() << "\n"
              << "json:       " << json.string() << "\n"
              << "word cloud: " << image.string() << " (" << layout.words.size() << " words placed, "
              << layout.dropped.size() << " dropped)\n";
    return exit_ok;
}

}  // namespace

Command digest_command() {
    std::vector<OptionSpec> options = corpus_options();
    const std::vector<OptionSpec> own = {
        {"lang", "zh|en", "report language (default zh)"},
        {"out", "DIR", "Jekyll site folder to write into (default .)"},
        {"image-format", "FMT", "jpg|png|svg for the word cloud (default jpg, png without libjpeg)"},
        {"cloud-terms", "N", "terms offered to the word cloud (default 150)"},
        {"userdict", "FILE", "extra words for segmentation: 'word [weight] [tag]' per line"},
    };
    options.insert(options.end(), own.begin(), own.end());
    const auto cloud = cloud_options();
    options.insert(options.end(), cloud.begin(), cloud.end());
    return {"digest",
            "FILE... --date YYYY-MM-DD [--to YYYY-MM-DD] [--tz ZONE] [--lang zh|en] [--out DIR]",
            "Writes the daily report of the window as a Jekyll post "
            "(DIR/_posts/DATE-twitter_ai_FROM_TO.md), the same digest as JSON next to it, and its "
            "word cloud. Exit status 3 when the window holds no tweets.",
            options, run_digest};
}

}  // namespace td::cli
