// Segmentation of arbitrary bytes: tokens are views into the input, in order, without overlap.

#include "fuzz_input.hpp"

#include <tweetdigest/terms.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const td::Segmenter segmenter;
    const std::string_view text = td_fuzz::as_text(data, size);
    std::size_t previous_end = 0;
    for (const td::Token& token : segmenter.tokenize(text)) {
        if (token.byte_offset < previous_end) std::abort();
        if (token.byte_offset + token.text.size() > text.size()) std::abort();
        if (token.text.data() != text.data() + token.byte_offset) std::abort();
        previous_end = token.byte_offset + token.text.size();
    }
    (void)segmenter.segment(text);
    return 0;
}
