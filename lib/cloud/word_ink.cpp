#include "cloud/word_ink.hpp"

namespace td::cloud {

WordInk word_ink(FontSession& session, const PlacedWord& word) {
    WordInk ink;
    ink.shape = shape_word(session, word.text, word.orientation);
    ink.coverage = rasterize(session, ink.shape, word.font_size);
    ink.x = word.x + (word.width - ink.coverage.width) / 2;
    ink.y = word.y + (word.height - ink.coverage.height) / 2;
    return ink;
}

}  // namespace td::cloud
