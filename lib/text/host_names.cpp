#include "text/host_names.hpp"

#include <unicode/uidna.h>

#include <algorithm>
#include <memory>

namespace td::text {
namespace {

constexpr std::size_t max_url_length = 4096;
constexpr std::size_t max_label_length = 63;
constexpr std::size_t default_protocol_length = 8;  // "https://"

bool labels_fit(std::u16string_view ascii_host) {
    std::size_t label_length = 0;
    for (const char16_t c : ascii_host) {
        if (c == u'.') {
            if (label_length == 0) return false;
            label_length = 0;
        } else if (++label_length > max_label_length) {
            return false;
        }
    }
    return label_length > 0;
}

struct IdnaCloser {
    void operator()(UIDNA* idna) const noexcept { uidna_close(idna); }
};

const UIDNA* idna() {
    static const std::unique_ptr<UIDNA, IdnaCloser> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<UIDNA, IdnaCloser> converter(uidna_openUTS46(UIDNA_DEFAULT, &status));
        return U_SUCCESS(status) ? std::move(converter) : nullptr;
    }();
    return instance.get();
}

}  // namespace

std::optional<std::string> host_to_ascii(std::u16string_view host) {
    const bool ascii = std::all_of(host.begin(), host.end(), [](char16_t c) { return c < 0x80; });
    std::u16string converted;
    if (ascii) {
        converted = host;
    } else {
        if (!idna() || host.size() > max_url_length) return std::nullopt;
        converted.resize(host.size() * 4 + 64);
        UErrorCode status = U_ZERO_ERROR;
        UIDNAInfo info = UIDNA_INFO_INITIALIZER;
        const int32_t length =
            uidna_nameToASCII(idna(), reinterpret_cast<const UChar*>(host.data()),
                              static_cast<int32_t>(host.size()),
                              reinterpret_cast<UChar*>(converted.data()),
                              static_cast<int32_t>(converted.size()), &info, &status);
        constexpr uint32_t fatal = UIDNA_ERROR_DISALLOWED | UIDNA_ERROR_PUNYCODE | UIDNA_ERROR_INVALID_ACE_LABEL;
        if (U_FAILURE(status) || (info.errors & fatal) != 0) return std::nullopt;
        converted.resize(static_cast<std::size_t>(length));
    }
    if (!labels_fit(converted)) return std::nullopt;
    return std::string(converted.begin(), converted.end());
}

bool is_valid_host_and_length(const DecodedText& text, std::size_t begin, std::size_t end,
                              std::size_t url_length, bool has_protocol) {
    std::u16string host;
    for (std::size_t i = begin; i < end; ++i) {
        const char32_t c = text[i];
        if (c == invalid_byte) return false;
        if (c >= 0x10000) {
            host += static_cast<char16_t>(0xD7C0 + (c >> 10));
            host += static_cast<char16_t>(0xDC00 | (c & 0x3FF));
        } else {
            host += static_cast<char16_t>(c);
        }
    }
    const auto ascii = host_to_ascii(host);
    if (!ascii) return false;
    const std::size_t length = url_length + ascii->size() - host.size() +
                               (has_protocol ? 0 : default_protocol_length);
    return length <= max_url_length;
}

}  // namespace td::text
