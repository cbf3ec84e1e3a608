#pragma once
// The top-level domains URLs without a protocol must end with (resources/text/tlds_*.txt).

#include "text/decoded_text.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace td::text {

class TldList {
public:
    // Lines of top-level domains in lowercase; blank lines and lines starting with # are skipped.
    explicit TldList(std::string_view lines);

    // The end of the longest listed domain starting at text[pos] (ASCII letters in any case)
    // that is not followed by [a-z0-9@+-].
    std::optional<std::size_t> match(const DecodedText& text, std::size_t pos) const;

private:
    std::unordered_map<char32_t, std::vector<std::u32string>> by_first_char_;  // longest first
};

const TldList& generic_tlds();
const TldList& country_tlds();

}  // namespace td::text
