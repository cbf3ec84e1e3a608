// Text for analysis: entities decoded, links expanded or dropped, NFKC, whitespace collapsed.
#include "common/utf8.hpp"
#include "text/analysis.hpp"
#include "text/decoded_text.hpp"
#include "text/scanners.hpp"

#include <tweetdigest/text.hpp>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace td {
namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_tco_link(std::string_view url) {
    for (const std::string_view prefix : {"http://t.co/", "https://t.co/", "t.co/"}) {
        if (url.size() > prefix.size() &&
            std::equal(prefix.begin(), prefix.end(), url.begin(),
                       [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); })) {
            return true;
        }
    }
    return false;
}

const UrlExpansion* find_expansion(std::string_view url, const std::vector<UrlExpansion>& expansions) {
    const auto found = std::find_if(expansions.begin(), expansions.end(),
                                    [&](const UrlExpansion& e) { return e.short_url == url; });
    return found == expansions.end() ? nullptr : &*found;
}

// Replaces each link (`urls`, the scan of `text`) by its expansion; t.co links without one are
// dropped.
std::string expand_links(const text::DecodedText& text, const std::vector<text::Match>& urls,
                         const std::vector<UrlExpansion>& expansions) {
    const std::string_view utf8 = text.bytes();
    std::string out;
    std::size_t copied = 0;
    for (const text::Match& url : urls) {
        const std::string_view written = text.slice(url.begin, url.end);
        const UrlExpansion* expansion = find_expansion(written, expansions);
        if (!expansion && !is_tco_link(written)) continue;
        const std::size_t begin = text.byte_offset(url.begin);
        out.append(utf8, copied, begin - copied);
        if (expansion) out += expansion->expanded_url;
        copied = text.byte_offset(url.end);
    }
    out.append(utf8, copied);
    return out;
}

std::string expand_links(std::string_view utf8, const std::vector<UrlExpansion>& expansions) {
    if (utf8.find('.') == utf8.npos) return std::string(utf8);
    const text::DecodedText text(utf8);
    return expand_links(text, text::scan_urls(text), expansions);
}

std::string nfkc(std::string text) {
    if (is_ascii(text)) return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return text;
    if (utf8::find_invalid(text) == std::string_view::npos) {  // normalized as UTF-8, without converting to UTF-16
        std::string out;
        icu::StringByteSink<std::string> sink(&out, int32_t(text.size()));
        normalizer->normalizeUTF8(0, icu::StringPiece(text.data(), int32_t(text.size())), sink, nullptr, status);
        return U_SUCCESS(status) ? out : text;
    }
    const icu::UnicodeString normalized =
        normalizer->normalize(icu::UnicodeString::fromUTF8(text), status);
    if (U_FAILURE(status)) return text;
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

bool is_space_at(std::string_view utf8, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte == ' ' || (byte >= '\t' && byte <= '\r');
    }
    const char32_t c = utf8::decode(utf8, pos);
    return c != utf8::invalid && u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Only these bytes can start white space: ASCII blanks, and the lead bytes of U+0085, U+00A0,
// U+1680, U+2000–U+205F and U+3000.
bool may_start_space(unsigned char byte) {
    return byte == ' ' || (byte >= '\t' && byte <= '\r') || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3;
}

// Runs of white space become one space; none at either end.
std::string collapse_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t start = pos;
        while (pos < utf8.size() && !may_start_space(static_cast<unsigned char>(utf8[pos]))) ++pos;
        if (pos == start && is_space_at(utf8, pos)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(utf8, start, pos - start);
    }
    return out;
}

}  // namespace

std::string normalize_for_analysis(std::string_view text, const std::vector<UrlExpansion>& expansions) {
    return collapse_whitespace(nfkc(expand_links(decode_html_entities(text), expansions)));
}

std::string text::analysis_text_of(const DecodedText& text, const std::vector<Match>& urls,
                                   const std::vector<UrlExpansion>& expansions) {
    return collapse_whitespace(nfkc(expand_links(text, urls, expansions)));
}

}  // namespace td
