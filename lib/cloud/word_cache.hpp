#pragma once
// One word's shapes (per orientation) and sprites (per size and orientation), computed once
// while its placement shrinks the size step by step.

#include "cloud/sprite.hpp"

#include <map>
#include <optional>

namespace td::cloud {

class WordCache {
public:
    WordCache(FontSession& session, std::string_view text, int margin,
              std::vector<Diagnostic>& diagnostics);

    const WordShape& shape(Orientation orientation);
    const Sprite& sprite(int size, Orientation orientation);
    // The box a size gives, from the outlines' em box: never smaller than the true box.
    int estimated_width(int size, Orientation orientation);
    int estimated_height(int size, Orientation orientation);

private:
    FontSession& session_;
    std::string_view text_;
    int margin_;
    std::vector<Diagnostic>& diagnostics_;
    bool reported_ = false;
    std::optional<WordShape> shapes_[3];
    std::map<std::pair<int, int>, Sprite> sprites_;
};

}  // namespace td::cloud
