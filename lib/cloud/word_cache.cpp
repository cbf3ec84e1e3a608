#include "cloud/word_cache.hpp"

#include "common/utf8.hpp"

#include <cmath>
#include <cstdio>

namespace td::cloud {

WordCache::WordCache(FontSession& session, std::string_view text, int margin,
                     std::vector<Diagnostic>& diagnostics)
    : session_(session), text_(text), margin_(margin), diagnostics_(diagnostics) {}

const WordShape& WordCache::shape(Orientation orientation) {
    std::optional<WordShape>& shape = shapes_[int(orientation)];
    if (!shape) {
        shape = shape_word(session_, text_, orientation);
        if (!shape->missing.empty() && !reported_) {
            reported_ = true;
            std::string list;
            for (char32_t c : shape->missing) {
                char code[16];
                std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
                if (!list.empty()) list.append(", ");
                list.append(code);
                list.push_back(' ');
                utf8::append(list, c);
            }
            Diagnostic diagnostic;
            diagnostic.severity = Diagnostic::Severity::warning;
            diagnostic.source = "cloud";
            diagnostic.message.append("\"").append(text_).append("\": no font has a glyph for ");
            diagnostic.message.append(list).append("; left out of the word");
            diagnostics_.push_back(std::move(diagnostic));
        }
    }
    return *shape;
}

const Sprite& WordCache::sprite(int size, Orientation orientation) {
    const auto key = std::make_pair(size, int(orientation));
    if (auto found = sprites_.find(key); found != sprites_.end()) return found->second;
    InkBits ink = rasterize_bits(session_, shape(orientation), size, margin_);
    Sprite sprite;
    if (ink.width > 0) sprite = make_sprite(std::move(ink), margin_);
    return sprites_.emplace(key, std::move(sprite)).first->second;
}

int WordCache::estimated_width(int size, Orientation orientation) {
    const WordShape& s = shape(orientation);
    return int(std::ceil((s.max_x - s.min_x) * size)) + 2 + 2 * margin_;
}

int WordCache::estimated_height(int size, Orientation orientation) {
    const WordShape& s = shape(orientation);
    return int(std::ceil((s.max_y - s.min_y) * size)) + 2 + 2 * margin_;
}

}  // namespace td::cloud
