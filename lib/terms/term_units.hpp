#pragma once
// The countable units of a text: tokens turned into canonical keys (case-folded, entities with
// their sigil), and the joining rule that builds phrase keys and display forms from them.

#include "common/string_map.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace td::terms {

// One unit; its key and surface are spans of the UnitBuffer that holds it.
struct Unit {
    std::uint32_t key_begin = 0, key_size = 0;          // case-folded; "#tag", "$tick", "@name" for entities
    std::uint32_t surface_begin = 0, surface_size = 0;  // as written
    TermKind kind = TermKind::word;
    bool joinable = false;      // a word or number that may be part of a phrase
    bool number = false;
    bool stopword = false;      // in the builtin lists
    bool break_before = false;  // punctuation, an emoji, a URL or an entity precedes it
};

class UnitBuffer;

// The units of one text, as stored in a UnitBuffer.
class TextUnits {
public:
    TextUnits(const UnitBuffer& buffer, std::span<const Unit> units) : buffer_(&buffer), units_(units) {}
    std::size_t size() const noexcept { return units_.size(); }
    const Unit& operator[](std::size_t i) const noexcept { return units_[i]; }
    std::span<const Unit> units() const noexcept { return units_; }
    std::string_view key(std::size_t i) const noexcept;
    std::string_view surface(std::size_t i) const noexcept;

private:
    const UnitBuffer* buffer_;
    std::span<const Unit> units_;
};

// The units of a sequence of texts, with every key and surface in one character buffer: a few
// bytes per unit, and no allocation per unit.
class UnitBuffer {
public:
    // Appends the units of `text` as the next text. Throws Error when the buffer would pass 4 GiB.
    void add_text(const Segmenter& segmenter, std::string_view text);
    std::size_t texts() const noexcept { return text_ends_.size(); }
    TextUnits text(std::size_t i) const noexcept {
        const std::size_t begin = i == 0 ? 0 : text_ends_[i - 1];
        return {*this, std::span<const Unit>(units_).subspan(begin, text_ends_[i] - begin)};
    }
    std::string_view chars(std::uint32_t begin, std::uint32_t size) const noexcept { return {chars_.data() + begin, size}; }

private:
    std::uint32_t store(std::string_view chars);
    void add_unit(Unit unit, std::string_view key, std::string_view surface);

    std::string chars_;
    std::vector<Unit> units_;
    std::vector<std::size_t> text_ends_;
};

inline std::string_view TextUnits::key(std::size_t i) const noexcept {
    return buffer_->chars(units_[i].key_begin, units_[i].key_size);
}
inline std::string_view TextUnits::surface(std::size_t i) const noexcept {
    return buffer_->chars(units_[i].surface_begin, units_[i].surface_size);
}

std::string fold_case(std::string_view text);
// Appends `next` to a phrase: a space between two spaced scripts ("Claude Code"), none
// otherwise ("AI代理", "世界模型").
void append_joined(std::string& phrase, std::string_view next);
std::string join_keys(const std::vector<std::string>& keys, std::size_t begin, std::size_t end);

constexpr std::size_t max_phrase_units = 4;
constexpr std::size_t max_phrase_bytes = 64;

// Whether `units[begin, begin+n)` can form a phrase candidate.
bool phrase_candidate(std::span<const Unit> units, std::size_t begin, std::size_t n);

// A set of keys, looked up for every unit of every tweet.
class KeySet {
public:
    void insert(std::string_view key) { keys_.try_emplace(key); }
    bool contains(std::string_view key) const { return keys_.find(key) != keys_.npos; }

private:
    StringMap<char> keys_;
};

class Stopwords {
public:
    explicit Stopwords(const std::vector<std::string>& extra = {});
    bool contains(std::string_view key) const { return words_.contains(key); }

private:
    KeySet words_;
};
const Stopwords& builtin_stopword_set();

// Words that can be ranked as terms: not a stopword, not a number, not a single Han character
// or a single Latin letter.
bool rankable_word(std::string_view key, const Stopwords& stopwords);

}  // namespace td::terms
