#include "cloud_settings.hpp"
#include "commands.hpp"

#include <tweetdigest/cloud.hpp>

#include <iostream>

namespace td::cli {
namespace {

int run_cloud(const Arguments& args) {
    if (args.operands().size() != 1) throw UsageError("expected one TERMS.tsv file");
    const std::string out = args.required("out");
    std::vector<Diagnostic> diagnostics;
    const std::vector<CloudWord> words = read_cloud_words(args.operands()[0], diagnostics);
    const CloudOptions options = cloud_settings(args, 800, 600);
    const auto fonts = load_fonts(args, args.value_or("lang", "zh-Hans"));
    const CloudLayout layout = layout_cloud(words, *fonts, options);
    diagnostics.insert(diagnostics.end(), layout.diagnostics.begin(), layout.diagnostics.end());
    for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
    for (const DroppedWord& word : layout.dropped)
        std::cerr << "dropped '" << word.text << "': " << word.reason << "\n";

    write_cloud_file(out, layout, *fonts, options);
    if (const auto layout_json = args.value("layout-json"))
        write_file_atomically(*layout_json, layout_to_json(layout));
    std::cout << out << ": " << layout.words.size() << " words placed, " << layout.dropped.size()
              << " dropped\n";
    return words.empty() ? exit_error : exit_ok;
}

}  // namespace

Command cloud_command() {
    std::vector<OptionSpec> options = {
        {"out", "FILE", "output image: .png, .jpg or .svg"},
        {"layout-json", "FILE", "also write the layout (text, size, position, colour per word)"},
        {"lang", "TAG", "language for font faces: zh-Hans, zh-Hant, ja, ko, en (default zh-Hans)"},
    };
    const auto cloud = cloud_options();
    options.insert(options.end(), cloud.begin(), cloud.end());
    return {"cloud", "TERMS.tsv --out FILE.png|.jpg|.svg [--width W --height H] [--seed S]",
            "Lays out 'term<TAB>weight' lines as a word cloud and writes the image.", options,
            run_cloud};
}

}  // namespace td::cli
