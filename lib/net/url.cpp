#include "net/url.hpp"

#include <tweetdigest/net.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace td::net {
namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_secret_name(std::string_view name) {
    static constexpr std::array<std::string_view, 9> secret_words = {
        "token", "key", "secret", "password", "passwd", "signature", "auth", "credential", "sig"};
    const std::string lower = lowercase(name);
    return std::any_of(secret_words.begin(), secret_words.end(),
                       [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

std::string redact_query(std::string_view query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view pair = query.substr(start, end - start);
        const std::size_t equals = pair.find('=');
        if (!out.empty() || start > 0) out += '&';
        if (equals != std::string_view::npos && is_secret_name(pair.substr(0, equals)))
            out.append(pair.substr(0, equals)).append("=REDACTED");
        else
            out.append(pair);
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string Url::authority() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + port;
}

Url parse_url(std::string_view text) {
    const auto fail = [&](const char* why) -> Error {
        return Error(Error::Code::invalid_argument,
                     "invalid URL '" + redact_url(text) + "': " + why);
    };
    Url url;
    const std::size_t scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos) throw fail("expected scheme://host");
    url.scheme = lowercase(text.substr(0, scheme_end));
    if (url.scheme != "http" && url.scheme != "https") throw fail("only http and https are supported");

    std::string_view rest = text.substr(scheme_end + 3);
    const std::size_t authority_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, authority_end);
    url.target = authority_end == std::string_view::npos ? "/" : std::string(rest.substr(authority_end));
    if (const std::size_t hash = url.target.find('#'); hash != std::string::npos) url.target.resize(hash);
    if (url.target.empty() || url.target[0] != '/') url.target.insert(0, "/");

    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        url.user_info = std::string(authority.substr(0, at));
        authority.remove_prefix(at + 1);
    }
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) throw fail("unclosed IPv6 bracket");
        url.host = std::string(authority.substr(1, close - 1));
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') throw fail("unexpected text after the IPv6 address");
            port = authority.substr(close + 2);
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    }
    if (url.host.empty()) throw fail("no host");
    if (!port.empty() && !std::all_of(port.begin(), port.end(),
                                      [](unsigned char c) { return std::isdigit(c); }))
        throw fail("the port is not a number");
    url.port = port.empty() ? (url.is_https() ? "443" : "80") : std::string(port);
    return url;
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return out;
}

}  // namespace td::net

namespace td {

std::string redact_url(std::string_view url) {
    std::string_view rest = url;
    std::string out;
    if (const std::size_t scheme_end = rest.find("://"); scheme_end != std::string_view::npos) {
        out.append(rest.substr(0, scheme_end + 3));
        rest.remove_prefix(scheme_end + 3);
        const std::size_t authority_end = rest.find_first_of("/?#");
        const std::string_view authority = rest.substr(0, authority_end);
        if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
            out += "REDACTED@";
            rest.remove_prefix(at + 1);
        }
    }
    const std::size_t query_start = rest.find('?');
    if (query_start == std::string_view::npos) return out.append(rest);
    const std::size_t fragment = rest.find('#', query_start);
    out.append(rest.substr(0, query_start + 1));
    out += net::redact_query(rest.substr(query_start + 1, fragment - query_start - 1));
    if (fragment != std::string_view::npos) out.append(rest.substr(fragment));
    return out;
}

}  // namespace td
