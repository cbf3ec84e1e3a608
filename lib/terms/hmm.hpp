#pragma once
// A BMES character model for out-of-vocabulary words, estimated from the lexicon alone: emission
// counts from the position of every character in every dictionary word, transitions from the
// distribution of word lengths, both weighted by word frequency.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace td::terms {

class CharModel {
public:
    enum State : std::uint8_t { begin, middle, end, single };
    struct WordSample {
        std::string_view word;
        double frequency;
    };
    struct Scratch {
        std::vector<std::array<float, 4>> score;
        std::vector<std::array<std::uint8_t, 4>> from;
    };

    CharModel() = default;
    explicit CharModel(const std::vector<WordSample>& words);

    // Word lengths (in characters) of the best BMES labelling of `chars`.
    void split(std::span<const char32_t> chars, std::vector<std::uint32_t>& lengths, Scratch& scratch) const;

private:
    using Row = std::array<float, 4>;
    const Row& emission(char32_t c) const noexcept {
        const std::uint32_t i = c < index_.size() ? index_[c] : 0;
        return rows_[i];
    }

    std::vector<std::uint32_t> index_;  // code point -> row; row 0 is for unknown characters
    std::vector<Row> rows_;
    std::array<Row, 4> transitions_{};
    Row start_{};
};

}  // namespace td::terms
