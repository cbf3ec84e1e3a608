// URLs with and without protocol: twitter-text's URL pattern as a scanner, then its t.co and
// host checks.
#include "text/char_classes.hpp"
#include "text/host_names.hpp"
#include "text/scanners.hpp"
#include "text/tld_list.hpp"

namespace td::text {
namespace {

constexpr std::size_t max_tco_slug_length = 40;
// No host with a longer label is valid, so the scanner stops reading a label there. This bounds
// the work per start position; it differs from the pattern only in where the search resumes
// after such a label (no URL is lost: the pattern's match would be rejected).
constexpr std::size_t max_label_length = 63;

struct UrlCandidate {
    std::size_t begin = 0;  // protocol or domain
    std::size_t domain_begin = 0, domain_end = 0;
    std::size_t end = 0;
    bool has_protocol = false;
};

bool equals_ascii_lower(const DecodedText& text, std::size_t pos, std::u32string_view lower) {
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const char32_t c = text[pos + i];
        if ((c >= U'A' && c <= U'Z' ? c + 0x20 : c) != lower[i]) return false;
    }
    return pos + lower.size() <= text.size();
}

// The end of "http://" or "https://" at pos.
std::optional<std::size_t> protocol_end(const DecodedText& text, std::size_t pos) {
    if (equals_ascii_lower(text, pos, U"http://")) return pos + 7;
    if (equals_ascii_lower(text, pos, U"https://")) return pos + 8;
    return std::nullopt;
}

bool follows_protocol(const DecodedText& text, std::size_t pos) {
    return (pos >= 7 && equals_ascii_lower(text, pos - 7, U"http://")) ||
           (pos >= 8 && equals_ascii_lower(text, pos - 8, U"https://"));
}

enum class LabelKind { subdomain, domain, unicode_domain };

// The position of the dot ending a label that starts at pos: inner characters may also be '-'
// (and '_' in subdomains), the first and last are label characters.
std::optional<std::size_t> label_dot(const DecodedText& text, std::size_t pos, LabelKind kind) {
    const auto is_label_char = kind == LabelKind::unicode_domain ? is_unicode_domain_char : is_domain_char;
    const auto is_inner_char = [&](char32_t c) {
        return is_label_char(c) || c == U'-' || (c == U'_' && kind == LabelKind::subdomain);
    };
    if (pos >= text.size() || !is_label_char(text[pos])) return std::nullopt;
    std::size_t end = pos + 1;
    while (end < text.size() && is_inner_char(text[end])) {
        if (++end - pos > max_label_length) return std::nullopt;
    }
    if (text[end] != U'.' || end >= text.size() || !is_label_char(text[end - 1])) return std::nullopt;
    return end;
}

std::optional<std::size_t> tld_end(const DecodedText& text, std::size_t pos, bool punycode_allowed) {
    if (auto end = generic_tlds().match(text, pos)) return end;
    if (auto end = country_tlds().match(text, pos)) return end;
    if (punycode_allowed && equals_ascii_lower(text, pos, U"xn--")) {
        std::size_t end = pos + 4;
        while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == U'-')) ++end;
        if (end > pos + 4) return end;
    }
    return std::nullopt;
}

std::optional<std::size_t> domain_name_and_tld_end(const DecodedText& text, std::size_t pos) {
    if (auto dot = label_dot(text, pos, LabelKind::domain)) return tld_end(text, *dot + 1, true);
    return std::nullopt;
}

// subdomain* domain-name TLD, as many subdomains as possible. When this fails, every later
// start inside the same chain of labels can only succeed with its first label as the domain
// name: `failed_chain_end` remembers the chain so those starts skip re-reading it.
std::optional<std::size_t> ascii_domain_end(const DecodedText& text, std::size_t pos,
                                            std::size_t& failed_chain_end) {
    if (pos < failed_chain_end) return domain_name_and_tld_end(text, pos);
    const auto first_dot = label_dot(text, pos, LabelKind::subdomain);
    if (!first_dot) {  // a single label, the common case: no list of label starts to allocate
        if (auto end = domain_name_and_tld_end(text, pos)) return end;
        failed_chain_end = pos;
        return std::nullopt;
    }
    std::vector<std::size_t> label_starts{pos, *first_dot + 1};
    while (auto dot = label_dot(text, label_starts.back(), LabelKind::subdomain)) {
        label_starts.push_back(*dot + 1);
    }
    for (std::size_t i = label_starts.size(); i-- > 0;) {
        if (auto end = domain_name_and_tld_end(text, label_starts[i])) return end;
    }
    failed_chain_end = label_starts.back();
    return std::nullopt;
}

// After a protocol only: one label of any non-punctuation characters and a listed TLD.
std::optional<std::size_t> unicode_domain_end(const DecodedText& text, std::size_t pos) {
    if (auto dot = label_dot(text, pos, LabelKind::unicode_domain)) return tld_end(text, *dot + 1, false);
    return std::nullopt;
}

std::optional<std::size_t> domain_end(const DecodedText& text, std::size_t pos, std::size_t& failed_chain_end) {
    if (auto end = ascii_domain_end(text, pos, failed_chain_end)) return end;
    if (follows_protocol(text, pos)) return unicode_domain_end(text, pos);
    return std::nullopt;
}

// "(" path-chars ")" or "(" path-chars "(" path-chars ")" path-chars ")"; returns the end.
std::optional<std::size_t> balanced_parens_end(const DecodedText& text, std::size_t pos) {
    const auto path_run_end = [&](std::size_t from) {
        while (from < text.size() && is_path_char(text[from])) ++from;
        return from;
    };
    const std::size_t first = path_run_end(pos + 1);
    if (text[first] == U')' && first > pos + 1) return first + 1;
    if (text[first] != U'(') return std::nullopt;
    const std::size_t inner = path_run_end(first + 1);
    if (inner == first + 1 || text[inner] != U')') return std::nullopt;
    const std::size_t last = path_run_end(inner + 1);
    if (text[last] != U')') return std::nullopt;
    return last + 1;
}

// The path after the '/' at pos: the longest run of path characters and balanced parentheses
// that ends with a path-ending character or a parenthesis group.
std::size_t path_end(const DecodedText& text, std::size_t pos) {
    std::size_t end = pos + 1;
    std::size_t cursor = pos + 1;
    while (cursor < text.size()) {
        const char32_t c = text[cursor];
        if (c == U'(') {
            const auto group_end = balanced_parens_end(text, cursor);
            if (!group_end) break;
            cursor = end = *group_end;
        } else if (is_path_char(c)) {
            ++cursor;
            if (is_path_ending_char(c)) end = cursor;
        } else {
            break;
        }
    }
    return end;
}

// The query after the '?' at pos, which must end with a query-ending character.
std::optional<std::size_t> query_end(const DecodedText& text, std::size_t pos) {
    std::optional<std::size_t> end;
    for (std::size_t cursor = pos + 1; cursor < text.size() && is_query_char(text[cursor]); ++cursor) {
        if (is_query_ending_char(text[cursor])) end = cursor + 1;
    }
    return end;
}

// protocol? domain (:port)? (/path)? (?query)? starting at pos.
std::optional<UrlCandidate> url_at(const DecodedText& text, std::size_t pos, std::size_t& failed_chain_end) {
    UrlCandidate url;
    url.begin = pos;
    std::optional<std::size_t> end;
    if (auto after_protocol = protocol_end(text, pos)) {
        url.domain_begin = *after_protocol;
        end = domain_end(text, url.domain_begin, failed_chain_end);
        url.has_protocol = end.has_value();
    }
    if (!end) {
        if (!is_domain_char(text[pos]) && !follows_protocol(text, pos)) return std::nullopt;
        url.domain_begin = pos;
        end = domain_end(text, pos, failed_chain_end);
        if (!end) return std::nullopt;
    }
    url.domain_end = *end;
    std::size_t cursor = *end;
    if (text[cursor] == U':' && is_ascii_digit(text[cursor + 1])) {
        cursor += 2;
        while (is_ascii_digit(text[cursor])) ++cursor;
    }
    if (text[cursor] == U'/' && cursor < text.size()) cursor = path_end(text, cursor);
    if (text[cursor] == U'?' && cursor < text.size()) {
        if (auto query = query_end(text, cursor)) cursor = *query;
    }
    url.end = cursor;
    return url;
}

bool precedes_url(char32_t c) {
    return !is_ascii_alnum(c) && !is_at_sign(c) && !is_hash_sign(c) && c != U'$' &&
           !is_invalid_tweet_char(c);
}

// Whether url_at(pos) can succeed at all: a URL is a Unicode domain right after a protocol, or
// begins with a protocol ('h'), or with a label that a dot ends (its characters, '-' and '_'
// up to a '.'). Elsewhere url_at fails without moving failed_chain_end past pos, so skipping it
// changes nothing but the time it takes.
bool may_begin_url(const DecodedText& text, std::size_t pos) {
    if (pos > 0 && text[pos - 1] == U'/') return true;
    const char32_t first = text[pos];
    if (!is_domain_char(first)) return false;
    if (first == U'h' || first == U'H') return true;
    std::size_t end = pos + 1;
    while (is_domain_char(text[end]) || text[end] == U'-' || text[end] == U'_') ++end;
    return text[end] == U'.';
}

// The pattern tried at start: (preceding character | ^) url.
std::optional<UrlCandidate> url_pattern_at(const DecodedText& text, std::size_t start,
                                           std::size_t& failed_chain_end) {
    if (start < text.size() && precedes_url(text[start]) && may_begin_url(text, start + 1)) {
        if (auto url = url_at(text, start + 1, failed_chain_end)) return url;
    }
    if (start == 0 && may_begin_url(text, 0)) return url_at(text, 0, failed_chain_end);
    return std::nullopt;
}

// A t.co link ends after its slug and optional query; nullopt when the slug is too long.
std::optional<std::size_t> tco_end(const DecodedText& text, const UrlCandidate& url) {
    if (!url.has_protocol || !equals_ascii_lower(text, url.domain_begin, U"t.co/")) return url.end;
    const std::size_t slug_begin = url.domain_begin + 5;
    std::size_t slug_end = slug_begin;
    while (slug_end < url.end && is_ascii_alnum(text[slug_end])) ++slug_end;
    if (slug_end == slug_begin) return url.end;
    if (slug_end - slug_begin > max_tco_slug_length) return std::nullopt;
    if (text[slug_end] == U'?' && slug_end < url.end) {
        if (auto query = query_end(text, slug_end)) return std::min(*query, url.end);
    }
    return slug_end;
}

}  // namespace

std::vector<Match> scan_urls(const DecodedText& text) {
    std::vector<Match> matches;
    if (text.bytes().find('.') == std::string_view::npos) return matches;
    std::size_t start = 0;
    std::size_t failed_chain_end = 0;
    while (start < text.size()) {
        const auto url = url_pattern_at(text, start, failed_chain_end);
        if (!url) {
            ++start;
            continue;
        }
        start = url->end;
        const char32_t before = url->begin > 0 ? text[url->begin - 1] : 0;
        if (!url->has_protocol && (before == U'-' || before == U'_' || before == U'.' || before == U'/')) {
            continue;
        }
        const auto end = tco_end(text, *url);
        if (!end) continue;
        if (!is_valid_host_and_length(text, url->domain_begin, url->domain_end,
                                      text.utf16_offset(*end) - text.utf16_offset(url->begin),
                                      url->has_protocol)) {
            continue;
        }
        matches.push_back({EntityKind::url, url->begin, *end, url->begin, *end});
    }
    return matches;
}

}  // namespace td::text
