#pragma once
// Host name checks shared by URL extraction and URL validation.

#include "text/decoded_text.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace td::text {

// The ASCII (punycode) form of a host, or nullopt when a label is empty or longer than 63
// characters once encoded.
std::optional<std::string> host_to_ascii(std::u16string_view host);

// The host text[begin, end) converts to ASCII and the whole URL (url_length UTF-16 units, with
// the host counted in its ASCII form, plus "https://" when it has no protocol) fits in 4096.
bool is_valid_host_and_length(const DecodedText& text, std::size_t begin, std::size_t end,
                              std::size_t url_length, bool has_protocol);

}  // namespace td::text
