#pragma once
// gzip (RFC 1952) through zlib.

#include <string>
#include <string_view>

namespace td::gzip {

bool has_magic(std::string_view data) noexcept;
// Inflates all gzip members. Throws Error(parse) with the compressed byte offset on corrupt or
// truncated data; `inflated_so_far`, when given, receives what was decoded before the failure.
std::string decompress(std::string_view data, std::string* inflated_so_far = nullptr);

}  // namespace td::gzip
