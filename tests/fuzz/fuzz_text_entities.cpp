// twitter-text on arbitrary bytes: entity ranges stay inside the text and in order.

#include "fuzz_input.hpp"

#include <tweetdigest/text.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = td_fuzz::as_text(data, size);
    std::size_t previous_end = 0;
    for (const td::Entity& entity : td::extract_entities(text)) {
        if (entity.byte_begin > entity.byte_end || entity.byte_end > text.size()) std::abort();
        if (entity.byte_begin < previous_end) std::abort();
        if (entity.begin > entity.end || entity.begin_utf16 > entity.end_utf16) std::abort();
        previous_end = entity.byte_end;
    }
    (void)td::weighted_length(text);
    (void)td::normalize_for_analysis(text, {{"https://t.co/x", "https://example.com"}});
    (void)td::decode_html_entities(text);
    (void)td::extract_reply_username(text);
    return 0;
}
