#include <tweetdigest/common.hpp>

namespace td {

Error::Error(Code code, const std::string& message) : std::runtime_error(message), code_(code) {}

std::string Diagnostic::to_string() const {
    std::string out = source.empty() ? std::string("<input>") : source;
    if (line > 0) out.append(":").append(std::to_string(line));
    out.append(": byte ").append(std::to_string(byte_offset)).append(": ");
    out += severity == Severity::warning ? "warning: " : "error: ";
    out += message;
    return out;
}

}  // namespace td
