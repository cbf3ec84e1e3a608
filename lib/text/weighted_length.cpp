// twitter-text parseTweet: weighted length over the NFC form of the text.
#include "common/utf8.hpp"
#include "text/char_classes.hpp"
#include "text/decoded_text.hpp"
#include "text/emoji.hpp"
#include "text/scanners.hpp"

#include <tweetdigest/text.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace td {
namespace {

std::string nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (normalizer->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = normalizer->normalize(source, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

int char_weight(char32_t c, const TextConfig& config) {
    for (const WeightRange& range : config.ranges) {
        if (c >= range.first && c <= range.last) return range.weight;
    }
    return config.default_weight;
}

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

}  // namespace

TweetLength weighted_length(std::string_view text) { return weighted_length(text, TextConfig::v3()); }

TweetLength weighted_length(std::string_view original, const TextConfig& config) {
    TweetLength result;
    if (is_blank(original)) return result;
    const std::string normalized = nfc(original);
    const text::DecodedText text(normalized);
    std::vector<text::Match> urls = text::scan_urls(text);
    auto next_url = urls.begin();

    const long long max_weight = static_cast<long long>(config.max_weighted_length) * config.scale;
    long long weight = 0;
    bool has_invalid_char = false;
    std::size_t valid_end = 0;  // code points that fit
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = pos + 1;
        if (next_url != urls.end() && next_url->begin == pos) {
            weight += static_cast<long long>(config.transformed_url_length) * config.scale;
            end = next_url->end;
            ++next_url;
        } else if (const std::size_t emoji_end = config.emoji_parsing ? text::emoji_sequence_end(text, pos) : pos;
                   emoji_end > pos) {
            weight += config.default_weight;
            end = emoji_end;
        } else {
            const char32_t c = text[pos];
            weight += char_weight(c == text::invalid_byte ? 0xFFFD : c, config);
            has_invalid_char = has_invalid_char || text::is_invalid_tweet_char(c);
        }
        if (!has_invalid_char && weight <= max_weight) valid_end = end;
        pos = end;
    }

    const auto original_units = static_cast<long long>(utf8::count_utf16_units(original));
    const long long normalization_offset = original_units - static_cast<long long>(text.utf16_offset(text.size()));
    result.weighted_length = static_cast<int>(weight / config.scale);
    result.valid = !has_invalid_char && result.weighted_length > 0 &&
                   result.weighted_length <= config.max_weighted_length;
    result.permillage = result.weighted_length * 1000 / config.max_weighted_length;
    result.display_range_end = static_cast<std::size_t>(std::max(0LL, original_units - 1));
    result.valid_range_end = static_cast<std::size_t>(
        std::max(0LL, static_cast<long long>(text.utf16_offset(valid_end)) + normalization_offset - 1));
    return result;
}

bool is_valid_tweet(std::string_view text, const TextConfig& config) {
    return weighted_length(text, config).valid;
}

}  // namespace td
