// twitter-text Validator: whole-text checks for screen names, lists, hashtags and URLs.
#include "text/char_classes.hpp"
#include "text/decoded_text.hpp"
#include "text/scanners.hpp"

#include <tweetdigest/text.hpp>

#include <algorithm>

namespace td {
namespace {

using text::DecodedText;

// The text is exactly one entity of the given kind.
bool is_single(const DecodedText& text, const std::vector<text::Match>& matches, EntityKind kind) {
    return matches.size() == 1 && matches.front().kind == kind && matches.front().begin == 0 &&
           matches.front().end == text.size();
}

// RFC 3986 pieces, over code points; [a-z] in any case.
bool is_unreserved(char32_t c) {
    return text::is_ascii_alnum(c) || text::is_cyrillic(c) || c == U'-' || c == U'.' || c == U'_' || c == U'~';
}
bool is_sub_delimiter(char32_t c) { return std::u32string_view(U"!$&'()*+,;=").find(c) != std::u32string_view::npos; }
bool is_hex(char32_t c) { return text::is_ascii_digit(c) || ((c | 0x20) >= U'a' && (c | 0x20) <= U'f'); }

using Span = std::u32string_view;

// Every character is `allowed` or part of a %XX escape.
template <typename Allowed>
bool all_chars(Span span, Allowed allowed) {
    for (std::size_t i = 0; i < span.size(); ++i) {
        if (span[i] == U'%') {
            if (i + 2 >= span.size() + 0 || !is_hex(span[i + 1]) || !is_hex(span[i + 2])) return false;
            i += 2;
        } else if (!allowed(span[i])) {
            return false;
        }
    }
    return true;
}

bool is_pchar(char32_t c) { return is_unreserved(c) || is_sub_delimiter(c) || c == U':' || c == U'|' || c == U'@'; }

bool is_valid_path(Span path) {
    return path.empty() || (path.front() == U'/' && all_chars(path, [](char32_t c) { return is_pchar(c) || c == U'/'; }));
}

bool is_valid_query(Span query) {
    return all_chars(query, [](char32_t c) { return is_pchar(c) || c == U'/' || c == U'?'; });
}

bool is_decimal_octet(Span part) {
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part.front() == U'0')) return false;
    int value = 0;
    for (const char32_t c : part) {
        if (!text::is_ascii_digit(c)) return false;
        value = value * 10 + static_cast<int>(c - U'0');
    }
    return value <= 255;
}

std::vector<Span> split(Span span, char32_t separator) {
    std::vector<Span> parts;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= span.size(); ++i) {
        if (i == span.size() || span[i] == separator) {
            parts.push_back(span.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    return parts;
}

bool is_ipv4(Span host) {
    const std::vector<Span> parts = split(host, U'.');
    return parts.size() == 4 && std::all_of(parts.begin(), parts.end(), is_decimal_octet);
}

bool is_ipv6(Span host) {
    return host.size() > 2 && host.front() == U'[' && host.back() == U']' &&
           std::all_of(host.begin() + 1, host.end() - 1,
                       [](char32_t c) { return is_hex(c) || c == U':' || c == U'.'; });
}

// A domain label: letters, digits or any non-ASCII character at both ends, '-' (and '_' in
// subdomains) inside. The top-level label must start with a letter or non-ASCII character.
bool is_label(Span label, bool underscore_allowed, bool top_level) {
    const auto is_end_char = [](char32_t c) { return text::is_ascii_alnum(c) || c >= 0x80; };
    if (label.empty() || !is_end_char(label.front()) || !is_end_char(label.back())) return false;
    if (top_level && text::is_ascii_digit(label.front())) return false;
    return std::all_of(label.begin(), label.end(), [&](char32_t c) {
        return is_end_char(c) || c == U'-' || (c == U'_' && underscore_allowed);
    });
}

bool is_domain(Span host) {
    const std::vector<Span> labels = split(host, U'.');
    if (labels.size() < 2) return false;
    for (std::size_t i = 0; i + 2 < labels.size(); ++i) {
        if (!is_label(labels[i], true, false)) return false;
    }
    return is_label(labels[labels.size() - 2], false, false) && is_label(labels.back(), false, true);
}

// [userinfo@]host[:port]
bool is_valid_authority(Span authority) {
    const std::size_t at = authority.rfind(U'@');
    if (at != Span::npos) {
        const Span userinfo = authority.substr(0, at);
        if (!all_chars(userinfo, [](char32_t c) { return is_unreserved(c) || is_sub_delimiter(c) || c == U':'; })) {
            return false;
        }
        authority.remove_prefix(at + 1);
    }
    const std::size_t colon = authority.rfind(U':');
    if (colon != Span::npos && authority.find(U']', colon) == Span::npos) {
        const Span port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), text::is_ascii_digit)) {
            return false;
        }
        authority = authority.substr(0, colon);
    }
    return is_ipv4(authority) || is_ipv6(authority) || is_domain(authority);
}

std::u32string code_points(std::string_view utf8) {
    const DecodedText text(utf8);
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out += text[i];
    return out;
}

}  // namespace

bool is_valid_tweet(std::string_view text) { return is_valid_tweet(text, TextConfig::v3()); }

bool is_valid_username(std::string_view utf8) {
    const DecodedText text(utf8);
    return is_single(text, text::scan_mentions_or_lists(text), EntityKind::mention);
}

bool is_valid_list(std::string_view utf8) {
    const DecodedText text(utf8);
    return is_single(text, text::scan_mentions_or_lists(text), EntityKind::list);
}

bool is_valid_hashtag(std::string_view utf8) {
    const DecodedText text(utf8);
    return is_single(text, text::scan_hashtags(text), EntityKind::hashtag);
}

bool is_valid_url(std::string_view utf8, bool require_protocol) {
    const std::u32string url = code_points(utf8);
    if (url.find(text::invalid_byte) != std::u32string::npos) return false;
    Span rest = url;
    const std::size_t scheme_end = rest.find(U"://");
    const std::size_t delimiter = rest.find_first_of(U"/?#");
    if (scheme_end != Span::npos && scheme_end > 0 && scheme_end <= delimiter) {
        const Span scheme = rest.substr(0, scheme_end);
        const bool http = scheme.size() >= 4 && scheme.size() <= 5 &&
                          (scheme[0] | 0x20) == U'h' && (scheme[1] | 0x20) == U't' &&
                          (scheme[2] | 0x20) == U't' && (scheme[3] | 0x20) == U'p' &&
                          (scheme.size() == 4 || (scheme[4] | 0x20) == U's');
        if (require_protocol && !http) return false;
        rest.remove_prefix(scheme_end + 3);
    } else if (require_protocol) {
        return false;
    }
    const std::size_t authority_end = std::min(rest.find_first_of(U"/?#"), rest.size());
    const Span authority = rest.substr(0, authority_end);
    rest.remove_prefix(authority_end);
    const std::size_t fragment_begin = std::min(rest.find(U'#'), rest.size());
    const Span fragment = fragment_begin < rest.size() ? rest.substr(fragment_begin + 1) : Span();
    rest = rest.substr(0, fragment_begin);
    const std::size_t query_begin = std::min(rest.find(U'?'), rest.size());
    const Span query = query_begin < rest.size() ? rest.substr(query_begin + 1) : Span();
    const Span path = rest.substr(0, query_begin);
    return is_valid_path(path) && is_valid_query(query) && is_valid_query(fragment) &&
           is_valid_authority(authority);
}

}  // namespace td
