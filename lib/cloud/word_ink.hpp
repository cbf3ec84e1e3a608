#pragma once
// A placed word drawn again for output: the same shape and coverage layout computed, and where
// that coverage sits on the canvas (centred in the word's box, as the layout left it).

#include "cloud/raster.hpp"

namespace td::cloud {

struct WordInk {
    WordShape shape;
    Coverage coverage;
    int x = 0, y = 0;  // canvas position of coverage pixel (0, 0)
};

WordInk word_ink(FontSession& session, const PlacedWord& word);

}  // namespace td::cloud
