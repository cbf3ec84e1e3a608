#include "terms/han_segmenter.hpp"

#include <limits>

namespace td::terms {
namespace {

bool is_numeral(char32_t c) noexcept {
    switch (c) {
    case U'〇': case U'○': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千': case U'万':
    case U'亿': case U'两':
        return true;
    default:
        return false;
    }
}

bool is_date_unit(char32_t c) noexcept { return c == U'年' || c == U'月' || c == U'日'; }

bool is_word(const Trie& trie, std::span<const char32_t> chars) noexcept {
    std::uint32_t node = 0;
    for (char32_t c : chars)
        if ((node = trie.child(node, c)) == Trie::none) return false;
    return trie.node(node).value != Trie::none;
}

void emit_singles(const Lexicon::Impl& lexicon, std::span<const char32_t> chars, std::uint32_t begin,
                  std::uint32_t count, std::vector<HanWord>& out, HanScratch& scratch,
                  const HanOptions& options) {
    if (count == 0) return;
    const auto buffer = chars.subspan(begin, count);
    if (count == 1 || !options.char_model || is_word(lexicon.trie, buffer)) {
        for (std::uint32_t i = 0; i < count; ++i) out.push_back({begin + i, 1, false});
        return;
    }
    lexicon.char_model.split(buffer, scratch.lengths, scratch.char_model);
    std::uint32_t at = begin;
    for (std::uint32_t length : scratch.lengths) {
        out.push_back({at, length, false});
        at += length;
    }
}

// The best path over chars[begin, end) by dynamic programming from the right.
void segment_span(const Lexicon::Impl& lexicon, std::span<const char32_t> chars, std::uint32_t begin,
                  std::uint32_t end, std::vector<HanWord>& out, HanScratch& scratch,
                  const HanOptions& options) {
    const Trie& trie = lexicon.trie;
    auto& route = scratch.route;
    auto& next = scratch.next;
    route.assign(end - begin + 1, 0);
    next.assign(end - begin + 1, 0);
    for (std::uint32_t i = end; i-- > begin;) {
        double best = lexicon.unknown_log_probability + route[i + 1 - begin];
        std::uint32_t best_end = i + 1;
        std::uint32_t node = 0;
        for (std::uint32_t j = i; j < end; ++j) {
            node = trie.child(node, chars[j]);
            if (node == Trie::none) break;
            const Trie::Node& n = trie.node(node);
            if (n.value != Trie::none) {
                const double candidate = double(n.weight) + route[j + 1 - begin];
                if (candidate > best || j == i) best = candidate, best_end = j + 1;
            }
            if (n.child_count == 0) break;
        }
        route[i - begin] = best;
        next[i - begin] = best_end;
    }
    std::uint32_t singles_begin = begin, singles = 0;
    for (std::uint32_t i = begin; i < end;) {
        const std::uint32_t j = next[i - begin];
        if (j == i + 1) {
            if (singles == 0) singles_begin = i;
            ++singles;
        } else {
            emit_singles(lexicon, chars, singles_begin, singles, out, scratch, options);
            singles = 0;
            out.push_back({i, j - i, false});
        }
        i = j;
    }
    emit_singles(lexicon, chars, singles_begin, singles, out, scratch, options);
}

}  // namespace

void segment_han(const Lexicon::Impl& lexicon, std::span<const char32_t> chars,
                 std::vector<HanWord>& out, HanScratch& scratch, const HanOptions& options) {
    const auto n = static_cast<std::uint32_t>(chars.size());
    std::uint32_t span_begin = 0;
    for (std::uint32_t i = 0; i < n;) {
        const bool ordinal = chars[i] == U'第' && i + 1 < n && is_numeral(chars[i + 1]);
        if (!ordinal && !is_numeral(chars[i])) {
            ++i;
            continue;
        }
        std::uint32_t j = ordinal ? i + 1 : i;
        while (j < n && is_numeral(chars[j])) ++j;
        const std::uint32_t run = j - i;
        bool unit = false;
        if (!ordinal && j < n && is_date_unit(chars[j])) unit = run >= 2 || chars[j] == U'月';
        if (!ordinal && run < 2 && !unit) {
            i = j;
            continue;
        }
        segment_span(lexicon, chars, span_begin, i, out, scratch, options);
        const std::uint32_t word_end = j + (unit ? 1 : 0);
        out.push_back({i, word_end - i, true});
        span_begin = i = word_end;
    }
    segment_span(lexicon, chars, span_begin, n, out, scratch, options);
}

}  // namespace td::terms
