#pragma once
// Splitting http(s) URLs into the parts a connection needs.

#include <string>
#include <string_view>

namespace td::net {

struct Url {
    std::string scheme;     // "http" | "https"
    std::string user_info;  // "user:password" or empty
    std::string host;       // without brackets for IPv6
    std::string port;       // always set: the default for the scheme when absent
    std::string target;     // path and query, at least "/"

    bool is_https() const { return scheme == "https"; }
    std::string authority() const;  // "host:port", IPv6 hosts bracketed
};

// Throws Error(invalid_argument) for anything but http(s)://host[:port][/path][?query].
Url parse_url(std::string_view text);

// "a b&c" -> "a%20b%26c" (RFC 3986 unreserved characters kept).
std::string percent_encode(std::string_view text);

}  // namespace td::net
