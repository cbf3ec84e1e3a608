#pragma once
// Segmentation of a run of Han characters: the most probable path through the word graph of the
// lexicon, Chinese numerals (with 年/月/日) kept whole, and runs of single characters that the
// path leaves behind re-split by the character model (out-of-vocabulary words).

#include "terms/lexicon_impl.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace td::terms {

struct HanWord {
    std::uint32_t begin = 0;   // code point index in the run
    std::uint32_t length = 0;  // code points
    bool numeral = false;
};

// Reusable buffers, so segmenting many runs allocates once.
struct HanScratch {
    std::vector<double> route;
    std::vector<std::uint32_t> next;
    std::vector<std::uint32_t> lengths;
    CharModel::Scratch char_model;
};

struct HanOptions {
    bool char_model = true;
};

void segment_han(const Lexicon::Impl& lexicon, std::span<const char32_t> chars,
                 std::vector<HanWord>& out, HanScratch& scratch, const HanOptions& options = {});

}  // namespace td::terms
