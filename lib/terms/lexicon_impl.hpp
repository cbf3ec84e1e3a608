#pragma once
// What a Lexicon holds: its entries, a trie over them with log probabilities, and the character
// model for words the dictionary does not know.

#include <tweetdigest/terms.hpp>

#include "terms/hmm.hpp"
#include "terms/trie.hpp"

#include <string_view>
#include <vector>

namespace td {

struct Lexicon::Impl {
    std::vector<Entry> entries;      // sorted by word, unique
    std::vector<float> log_probability;  // per entry: log(frequency / total)
    terms::Trie trie;
    terms::CharModel char_model;
    double total = 0;
    float unknown_log_probability = 0;  // for a character the dictionary does not have

    explicit Impl(std::vector<Entry> unsorted);
    const Entry* find(std::string_view word) const noexcept {
        const std::uint32_t i = trie.find(word);
        return i == terms::Trie::none ? nullptr : &entries[i];
    }
};

namespace terms {

// Parses "word [frequency] [tag]" lines. A word may contain spaces when a frequency or tag
// follows it; a tag is lower-case ASCII letters. Entries without a frequency get 0.
std::vector<Lexicon::Entry> parse_dictionary(std::string_view text, const std::string& source,
                                             std::vector<Diagnostic>* diagnostics);

}  // namespace terms
}  // namespace td
