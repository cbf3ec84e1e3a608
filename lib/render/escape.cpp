// Tweet-derived text made inert: it cannot open Liquid tags, raw HTML or Markdown structure.

#include "common/utf8.hpp"

#include <tweetdigest/render.hpp>

namespace td {
namespace {

bool is_space_or_control(char32_t c) { return c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029; }

// Characters that Markdown (kramdown or GFM) reads as syntax anywhere in a line.
bool is_inline_syntax(char32_t c) {
    switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|':
    case '~': case '$': case '!': case '^':
        return true;
    default:
        return false;
    }
}

// Characters that only start a block at the beginning of a line ("- item", "+ item", "===",
// ": definition").
bool is_block_start(char32_t c) { return c == '-' || c == '+' || c == '=' || c == ':'; }

// "1. text" or "1) text" would start an ordered list when the text begins a line.
std::size_t ordered_list_marker(const std::string& text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    return digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') ? digits : 0;
}

std::string collapse(std::string_view text) {
    const std::string valid = utf8::make_valid(text);
    std::string out;
    bool pending_space = false;
    for (std::size_t at = 0; at < valid.size();) {
        const std::size_t start = at;
        const char32_t c = utf8::decode(valid, at);
        if (c == ' ' || is_space_or_control(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(valid, start, at - start);
    }
    return out;
}

}  // namespace

std::string escape_markdown_inline(std::string_view text) {
    const std::string clean = collapse(text);
    const std::size_t list_marker = ordered_list_marker(clean);
    std::string out;
    out.reserve(clean.size() + clean.size() / 4);
    for (std::size_t at = 0; at < clean.size(); ++at) {
        const char c = clean[at];
        switch (c) {
        case '&': out += "&amp;"; continue;
        case '<': out += "&lt;"; continue;
        case '>': out += "&gt;"; continue;
        case '{': out += "&#123;"; continue;
        case '}': out += "&#125;"; continue;
        default: break;
        }
        if (is_inline_syntax(static_cast<unsigned char>(c)) ||
            (at == 0 && is_block_start(static_cast<unsigned char>(c))) ||
            (list_marker && at == list_marker))
            out += '\\';
        out += c;
    }
    return out;
}

std::string escape_table_cell(std::string_view text) {
    // Inline escaping already turns "|" into "\|" and every line break into a space.
    return escape_markdown_inline(text);
}

}  // namespace td
