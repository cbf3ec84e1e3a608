#include "digest/tweet_text.hpp"

#include <tweetdigest/text.hpp>

#include <cmath>
#include <vector>

namespace td::digest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string without_urls(std::string_view text) {
    std::string out;
    std::size_t at = 0;
    for (const Entity& url : extract_urls(text)) {
        out.append(text.substr(at, url.byte_begin - at));
        at = url.byte_end;
    }
    out.append(text.substr(at));
    return out;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        if (is_space(text[at])) {
            ++at;
            continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() && !is_space(text[end])) ++end;
        if (!out.empty()) out += ' ';
        out.append(text, at, end - at);
        at = end;
    }
    return out;
}

// Drops "RT @user:" and the "@a @b " a reply starts with.
std::string_view without_leading_handles(std::string_view text) {
    if (text.starts_with("RT @")) {
        const std::size_t colon = text.find(':');
        text.remove_prefix(colon == std::string_view::npos ? text.size() : colon + 1);
    }
    while (true) {
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        if (!text.starts_with('@')) return text;
        const std::size_t space = text.find(' ');
        if (space == std::string_view::npos) return text;  // nothing but a handle: keep it
        text.remove_prefix(space + 1);
    }
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "Pres.", "fmr.", "Feat.", "U.S.": a period after a short word usually abbreviates it.
bool ends_abbreviation(std::string_view text, std::size_t period) {
    std::size_t start = period;
    while (start > 0 && (is_ascii_letter(text[start - 1]) || text[start - 1] == '.')) --start;
    const std::string_view word = text.substr(start, period - start);
    if (word.empty()) return false;
    const bool capitalised = word.front() >= 'A' && word.front() <= 'Z';
    return word.size() <= 3 || (capitalised && word.size() <= 5) || word.find('.') != std::string_view::npos;
}

// Byte length of the sentence terminator starting at `at`, or 0.
std::size_t terminator_length(std::string_view text, std::size_t at) {
    for (std::string_view mark : {"。", "！", "？", "；", "…"})
        if (text.substr(at).starts_with(mark)) return mark.size();
    const char c = text[at];
    if ((c == '.' || c == '!' || c == '?') && (at + 1 == text.size() || text[at + 1] == ' ') &&
        !(c == '.' && ends_abbreviation(text, at)))
        return 1;
    return 0;
}

std::string_view trim_trailing_separators(std::string_view text) {
    while (!text.empty()) {
        const char c = text.back();
        if (c == ' ' || c == ':' || c == '-' || c == ',' || c == '(') {
            text.remove_suffix(1);
        } else if (text.ends_with("：") || text.ends_with("，") || text.ends_with("（")) {
            text.remove_suffix(3);
        } else {
            break;
        }
    }
    return text;
}

}  // namespace

std::string quotable_sentence(std::string_view text, std::size_t max_chars) {
    const std::string clean = collapse_whitespace(without_urls(text));
    const std::string_view body = without_leading_handles(clean);
    constexpr std::size_t min_chars = 12;  // shorter first "sentences" are usually a lead-in
    std::size_t chars = 0;
    for (std::size_t at = 0; at < body.size();) {
        if (const std::size_t mark = terminator_length(body, at); mark && chars >= min_chars)
            return std::string(body.substr(0, at + mark));
        if (chars == max_chars)
            return std::string(trim_trailing_separators(body.substr(0, at))) + "…";
        ++at;
        while (at < body.size() && is_continuation(body[at])) ++at;
        ++chars;
    }
    return std::string(trim_trailing_separators(body));
}

double engagement(const Tweet& tweet) {
    const Metrics& m = tweet.metrics;
    const double weighted = double(m.likes) + 2.0 * double(m.retweets + m.quotes) + double(m.replies) +
                            0.5 * double(m.bookmarks) + 2.0 * double(tweet.retweets_seen);
    return std::log1p(weighted);
}

std::uint64_t copies(const Tweet& tweet) {
    return std::uint64_t(std::max<std::uint32_t>(tweet.dup_count, 1)) + tweet.retweets_seen;
}

}  // namespace td::digest
