// Word-cloud layout with options and words taken from the input: every word placed or dropped,
// every placed box inside the canvas.

#include "fuzz_input.hpp"

#include <tweetdigest/cloud.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto fonts = td::FontSet::system_default("zh-Hans");
    std::string_view input = td_fuzz::as_text(data, size);
    td::CloudOptions options;
    options.width = 16 + td_fuzz::take_byte(input) % 240;
    options.height = 16 + td_fuzz::take_byte(input) % 240;
    options.seed = td_fuzz::take_byte(input);
    options.orientation = static_cast<td::OrientationMode>(td_fuzz::take_byte(input) % 3);
    options.relative_scaling = (td_fuzz::take_byte(input) % 11) / 10.0;
    options.margin = td_fuzz::take_byte(input) % 5;
    options.max_words = 40;
    std::vector<td::CloudWord> words;
    double weight = 100;
    while (!input.empty() && words.size() < 40) {
        const std::size_t newline = input.find('\n');
        words.push_back({std::string(input.substr(0, newline)), weight, ""});
        weight *= 0.8;
        if (newline == std::string_view::npos) break;
        input.remove_prefix(newline + 1);
    }
    try {
        const td::CloudLayout layout = td::layout_cloud(words, *fonts, options);
        if (layout.words.size() + layout.dropped.size() != words.size()) std::abort();
        for (const td::PlacedWord& word : layout.words)
            if (word.x < 0 || word.y < 0 || word.x + word.width > options.width ||
                word.y + word.height > options.height)
                std::abort();
    } catch (const td::Error&) {
    }
    return 0;
}
