#pragma once
// The countable units of a text: tokens turned into canonical keys (case-folded, entities with
// their sigil), and the joining rule that builds phrase keys and display forms from them.

#include <tweetdigest/terms.hpp>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace td::terms {

struct Unit {
    std::string key;      // case-folded; "#tag", "$tick", "@name" for entities
    std::string surface;  // as written
    TermKind kind = TermKind::word;
    bool joinable = false;      // a word or number that may be part of a phrase
    bool number = false;
    bool stopword = false;      // in the builtin lists
    bool break_before = false;  // punctuation, an emoji, a URL or an entity precedes it
};

std::vector<Unit> text_units(const Segmenter& segmenter, std::string_view text);
std::string fold_case(std::string_view text);
// Appends `next` to a phrase: a space between two spaced scripts ("Claude Code"), none
// otherwise ("AI代理", "世界模型").
void append_joined(std::string& phrase, std::string_view next);
std::string join_keys(const std::vector<std::string>& keys, std::size_t begin, std::size_t end);

constexpr std::size_t max_phrase_units = 4;
constexpr std::size_t max_phrase_bytes = 64;

// Keys of `units[begin, begin+n)` when they can form a phrase candidate, else empty.
bool phrase_candidate(const std::vector<Unit>& units, std::size_t begin, std::size_t n);

class Stopwords {
public:
    explicit Stopwords(const std::vector<std::string>& extra = {});
    bool contains(std::string_view key) const { return words_.count(std::string(key)) > 0; }

private:
    std::unordered_set<std::string> words_;
};
const Stopwords& builtin_stopword_set();

// Words that can be ranked as terms: not a stopword, not a number, not a single Han character
// or a single Latin letter.
bool rankable_word(std::string_view key, const Stopwords& stopwords);

}  // namespace td::terms
