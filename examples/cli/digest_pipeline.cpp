#include "digest_pipeline.hpp"

#include "cloud_settings.hpp"
#include "commands.hpp"
#include "llm_prose.hpp"

#include <tweetdigest/cloud.hpp>
#include <tweetdigest/digest.hpp>
#include <tweetdigest/history.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>

#include <filesystem>
#include <iostream>

namespace td::cli {
namespace {

namespace fs = std::filesystem;

DigestOptions digest_options(const Arguments& args) {
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
    return options;
}

std::optional<HistoryOptions> history_options(const Arguments& args) {
    const auto dir = args.value("history");
    if (!dir) {
        if (args.has("history-days")) throw UsageError("--history-days needs --history DIR");
        return std::nullopt;
    }
    const long long days = args.integer_or("history-days", 7);
    if (days < 0 || days > 3660) throw UsageError("--history-days must be between 0 and 3660");
    return HistoryOptions{*dir, static_cast<std::size_t>(days)};
}

void print(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
}

std::vector<CloudWord> cloud_words(const Digest& digest) {
    std::vector<CloudWord> words;
    for (const Term& term : digest.top_terms) words.push_back({term.display, term.score, to_string(term.kind)});
    return words;
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    write_file_atomically(path.string(), bytes);
}

void write_site(const Arguments& args, const Digest& digest) {
    const fs::path site = args.value_or("out", ".");
    const fs::path post = site / post_relative_path(digest);
    const fs::path json = fs::path(post).replace_extension(".json");
    const fs::path image = site / wordcloud_relative_path(digest);
    const auto fonts = load_fonts(args, digest.language == Language::zh ? "zh-Hans" : "en");
    const CloudOptions cloud = cloud_settings(args, 1200, 800);
    const CloudLayout layout = layout_cloud(cloud_words(digest), *fonts, cloud);
    print(layout.diagnostics);
    fs::create_directories(image.parent_path());
    write_cloud_file(image.string(), layout, *fonts, cloud);
    write_file(post, render_markdown(digest));
    write_file(json, render_json(digest));
    std::cout << "post:       " << post.string() << "\n"
              << "json:       " << json.string() << "\n"
              << "word cloud: " << image.string() << " (" << layout.words.size() << " words placed, "
              << layout.dropped.size() << " dropped)\n";
}

// --date D --to E with --history: stored days come from the history; the input is read only
// when some day of the range has no entry.
int run_range(const Arguments& args, std::string_view command, const DigestOptions& options,
              const HistoryOptions& history, const LocalDate& from, const LocalDate& to) {
    std::vector<Diagnostic> diagnostics;
    const std::vector<LocalDate> missing = missing_history_days(history.dir, from, to, &diagnostics);
    std::optional<Corpus> corpus;
    if (!missing.empty() && !args.operands().empty()) corpus = load_corpus(args, true);
    std::cerr << "tweetdigest " << command << ": " << (to.days_since_epoch() - from.days_since_epoch() + 1 - missing.size())
              << " days from history, " << (corpus ? missing.size() : 0) << " from the input\n";
    Digest digest;
    try {
        digest = build_range_digest(corpus ? &*corpus : nullptr, from, to, options, history, &diagnostics);
    } catch (const Error& error) {
        print(diagnostics);
        if (error.code() != Error::Code::invalid_argument) throw;
        std::cerr << "tweetdigest " << command << ": " << error.what() << "\n";
        return exit_no_tweets;
    }
    print(diagnostics);
    write_site(args, apply_llm_prose(args, std::move(digest)));
    return exit_ok;
}

}  // namespace

std::vector<OptionSpec> digest_option_specs() {
    std::vector<OptionSpec> options = corpus_options();
    const std::vector<OptionSpec> own = {
        {"lang", "zh|en", "report language (default zh)"},
        {"out", "DIR", "Jekyll site folder to write into (default .)"},
        {"image-format", "FMT", "jpg|png|svg for the word cloud (default jpg, png without libjpeg)"},
        {"cloud-terms", "N", "terms offered to the word cloud (default 150)"},
        {"userdict", "FILE", "extra words for segmentation: 'word [weight] [tag]' per line"},
        {"history", "DIR", "history folder: read earlier days (momentum, stories) and store this day"},
        {"history-days", "N", "earlier days read from --history (default 7)"},
    };
    options.insert(options.end(), own.begin(), own.end());
    const auto cloud = cloud_options();
    options.insert(options.end(), cloud.begin(), cloud.end());
    const auto llm = llm_options();
    options.insert(options.end(), llm.begin(), llm.end());
    return options;
}

int run_digest_steps(const Arguments& args, std::string_view command) {
    const DigestOptions options = digest_options(args);
    const std::optional<HistoryOptions> history = history_options(args);
    const auto first = args.has("from") ? args.value("from") : args.value("date");
    if (history && first && args.has("to") && LocalDate::parse(args.required("to")) != LocalDate::parse(*first))
        return run_range(args, command, options, *history, LocalDate::parse(*first), LocalDate::parse(args.required("to")));

    const Corpus corpus = load_corpus(args, true);
    if (corpus.tweets.empty()) {
        std::cerr << "tweetdigest " << command << ": no tweets in " << corpus.from->to_string() << " .. "
                  << corpus.to->to_string() << " (" << corpus.time_zone << ")\n";
        return exit_no_tweets;
    }
    if (!history) {
        write_site(args, apply_llm_prose(args, build_digest(corpus, analyze_terms(corpus, options.terms), options)));
        return exit_ok;
    }
    std::vector<Diagnostic> diagnostics;
    const DigestHistory previous = previous_days(*history, *corpus.from, &diagnostics);
    print(diagnostics);
    DigestOptions with_background = options;
    use_history_background(previous, with_background.terms);
    const TermAnalysis terms = analyze_terms(corpus, with_background.terms);
    const Digest digest =
        apply_llm_prose(args, build_digest_with_history(corpus, terms, previous, with_background));
    save_history_day(history->dir, digest, terms.stats);
    write_site(args, digest);
    std::cout << "history:    " << (fs::path(history->dir) / digest.from.to_string()).string() << " ("
              << previous.days.size() << " earlier days read, " << digest.new_stories << " new stories)\n";
    return exit_ok;
}

}  // namespace td::cli
