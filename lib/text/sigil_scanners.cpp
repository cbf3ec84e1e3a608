// Hashtags, mentions, lists, cashtags and replies.
#include "text/char_classes.hpp"
#include "text/scanners.hpp"

#include <algorithm>

namespace td::text {
namespace {

constexpr std::size_t max_username_length = 20;
constexpr std::size_t max_list_slug_length = 25;
constexpr std::size_t max_cashtag_letters = 6;
constexpr std::size_t max_cashtag_suffix_letters = 2;

// After an accepted-looking mention: not followed by another @, a Latin accent or "://".
bool ends_mention_badly(const DecodedText& text, std::size_t end) {
    const char32_t next = text[end];
    return end < text.size() &&
           (is_at_sign(next) || is_latin_accent(next) ||
            (next == U':' && text[end + 1] == U'/' && text[end + 2] == U'/'));
}

bool ends_hashtag_badly(const DecodedText& text, std::size_t end) {
    const char32_t next = text[end];
    return end < text.size() &&
           (is_hash_sign(next) || (next == U':' && text[end + 1] == U'/' && text[end + 2] == U'/'));
}

std::size_t run_end(const DecodedText& text, std::size_t pos, std::size_t limit, bool (*in_class)(char32_t) noexcept) {
    const std::size_t stop = std::min(text.size(), pos + limit);
    while (pos < stop && in_class(text[pos])) ++pos;
    return pos;
}

std::size_t next_of(const DecodedText& text, std::size_t pos, bool (*is_sigil)(char32_t) noexcept) {
    while (pos < text.size() && !is_sigil(text[pos])) ++pos;
    return pos;
}

// [@＠]+ name (/slug)? at pos.
std::optional<Match> mention_after(const DecodedText& text, std::size_t pos) {
    if (!is_at_sign(text[pos]) || pos >= text.size()) return std::nullopt;
    std::size_t name_begin = pos;
    while (name_begin < text.size() && is_at_sign(text[name_begin])) ++name_begin;
    const std::size_t name_end = run_end(text, name_begin, max_username_length, is_username_char);
    if (name_end == name_begin) return std::nullopt;
    Match match{EntityKind::mention, name_begin - 1, name_end, name_begin, name_end};
    if (text[name_end] == U'/' && is_ascii_alpha(text[name_end + 1])) {
        match.kind = EntityKind::list;
        match.slug_begin = name_end;
        match.slug_end = run_end(text, name_end + 2, max_list_slug_length - 1, is_list_slug_char);
        match.end = match.slug_end;
    }
    return match;
}

bool precedes_mention(char32_t c) {
    return !is_username_char(c) && !is_at_sign(c) && c != U'!' && c != U'#' && c != U'$' &&
           c != U'%' && c != U'&' && c != U'*';
}

bool precedes_retweet_mark(char32_t c) {
    return !is_username_char(c) && c != U'+' && c != U'~' && c != U'.' && c != U'-';
}

// The position after "RT" or "RT:" at pos (any case), if there.
std::optional<std::size_t> after_retweet_mark(const DecodedText& text, std::size_t pos) {
    if ((text[pos] | 0x20) != U'r' || (text[pos + 1] | 0x20) != U't') return std::nullopt;
    return text[pos + 2] == U':' ? pos + 3 : pos + 2;
}

// The mention pattern tried at start: (preceding char | ^ | (^|char) RT:?) mention.
std::optional<Match> mention_at(const DecodedText& text, std::size_t start) {
    if (start < text.size() && precedes_mention(text[start])) {
        if (auto match = mention_after(text, start + 1)) return match;
    }
    if (start == 0) {
        if (auto match = mention_after(text, 0)) return match;
        if (auto after = after_retweet_mark(text, 0)) {
            if (auto match = mention_after(text, *after)) return match;
        }
    }
    if (start < text.size() && precedes_retweet_mark(text[start])) {
        if (auto after = after_retweet_mark(text, start + 1)) {
            if (auto match = mention_after(text, *after)) return match;
        }
    }
    return std::nullopt;
}

// Letters, an optional ".xx" or "_xx" suffix, then the end, a space or ASCII punctuation.
std::optional<std::size_t> cashtag_end(const DecodedText& text, std::size_t pos) {
    const auto ends_here = [&](std::size_t end) {
        return end >= text.size() || is_java_space(text[end]) || is_ascii_punctuation(text[end]);
    };
    const std::size_t letters_end = run_end(text, pos, max_cashtag_letters, is_ascii_alpha);
    if (letters_end == pos) return std::nullopt;
    if (text[letters_end] == U'.' || text[letters_end] == U'_') {
        const std::size_t suffix_end =
            run_end(text, letters_end + 1, max_cashtag_suffix_letters, is_ascii_alpha);
        for (std::size_t end = suffix_end; end > letters_end + 1; --end) {
            if (ends_here(end)) return end;
        }
    }
    if (ends_here(letters_end)) return letters_end;
    return std::nullopt;
}

}  // namespace

std::vector<Match> scan_mentions_or_lists(const DecodedText& text) {
    std::vector<Match> matches;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t at = next_of(text, pos, is_at_sign);
        if (at >= text.size()) break;
        const std::size_t first_start = at >= pos + 4 ? at - 4 : pos;
        std::optional<Match> found;
        for (std::size_t start = first_start; start <= at && !found; ++start) {
            found = mention_at(text, start);
        }
        if (!found) {
            pos = at + 1;
            continue;
        }
        if (!ends_mention_badly(text, found->end)) matches.push_back(*found);
        pos = found->end;
    }
    return matches;
}

std::vector<Match> scan_hashtags(const DecodedText& text) {
    std::vector<Match> matches;
    std::size_t start = 0;  // where the next pattern attempt may begin (its preceding character)
    std::size_t hash = next_of(text, 0, is_hash_sign);
    while (hash < text.size()) {
        const char32_t before = hash > 0 ? text[hash - 1] : 0;
        const bool preceded_well =
            hash == 0 || (hash > start && (before == 0xFE0E || before == 0xFE0F ||
                                           (before != U'&' && !is_hashtag_char(before))));
        const char32_t after = text[hash + 1];
        std::size_t tag_end = hash + 1;
        bool has_letter = false;
        if (preceded_well && after != 0xFE0F && after != 0x20E3) {
            while (tag_end < text.size() && is_hashtag_char(text[tag_end])) {
                has_letter = has_letter || is_hashtag_letter(text[tag_end]);
                ++tag_end;
            }
        }
        if (!has_letter) {
            start = hash;
            hash = next_of(text, hash + 1, is_hash_sign);
            continue;
        }
        if (!ends_hashtag_badly(text, tag_end)) {
            matches.push_back({EntityKind::hashtag, hash, tag_end, hash + 1, tag_end});
        }
        start = tag_end;
        hash = next_of(text, tag_end, is_hash_sign);
    }
    return matches;
}

std::vector<Match> scan_cashtags(const DecodedText& text) {
    constexpr auto is_dollar = [](char32_t c) noexcept { return c == U'$'; };
    std::vector<Match> matches;
    std::size_t start = 0;
    std::size_t dollar = next_of(text, 0, is_dollar);
    while (dollar < text.size()) {
        const char32_t before = dollar > 0 ? text[dollar - 1] : 0;
        const bool preceded_well =
            dollar == 0 ||
            (dollar > start && (is_unicode_space(before) || is_directional_mark(before)));
        const auto end = preceded_well ? cashtag_end(text, dollar + 1) : std::nullopt;
        if (!end) {
            start = dollar;
            dollar = next_of(text, dollar + 1, is_dollar);
            continue;
        }
        matches.push_back({EntityKind::cashtag, dollar, *end, dollar + 1, *end});
        start = *end;
        dollar = next_of(text, *end, is_dollar);
    }
    return matches;
}

std::optional<std::pair<std::size_t, std::size_t>> scan_reply(const DecodedText& text) {
    std::size_t pos = 0;
    while (pos < text.size() && (is_unicode_space(text[pos]) || is_directional_mark(text[pos]))) ++pos;
    if (pos >= text.size() || !is_at_sign(text[pos])) return std::nullopt;
    const std::size_t name_end = run_end(text, pos + 1, max_username_length, is_username_char);
    if (name_end == pos + 1 || ends_mention_badly(text, name_end)) return std::nullopt;
    return std::pair{pos + 1, name_end};
}

void remove_overlaps(std::vector<Match>& matches) {
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& a, const Match& b) { return a.begin < b.begin; });
    std::vector<Match> kept;
    kept.reserve(matches.size());
    for (const Match& match : matches) {
        if (kept.empty() || kept.back().end <= match.begin) kept.push_back(match);
    }
    matches = std::move(kept);
}

}  // namespace td::text
