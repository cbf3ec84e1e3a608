#include <tweetdigest/ingest.hpp>

#include <array>
#include <utility>

namespace td {
namespace {

constexpr std::array<std::pair<InputFormat, const char*>, 5> format_names = {{
    {InputFormat::automatic, "auto"},
    {InputFormat::v2, "v2"},
    {InputFormat::v1, "v1"},
    {InputFormat::archive, "archive"},
    {InputFormat::csv, "csv"},
}};

}  // namespace

std::string Tweet::url() const {
    if (id_approximate || id.empty()) return {};
    if (author.username.empty()) return "https://x.com/i/web/status/" + id;
    return "https://x.com/" + author.username + "/status/" + id;
}

InputFormat parse_input_format(std::string_view name) {
    for (const auto& [format, format_name] : format_names)
        if (name == format_name) return format;
    if (name == "automatic") return InputFormat::automatic;
    if (name == "v1.1" || name == "labs") return InputFormat::v1;
    throw Error(Error::Code::invalid_argument,
                "unknown input format \"" + std::string(name) + "\" (expected auto, v2, v1, archive or csv)");
}

const char* to_string(InputFormat format) noexcept {
    for (const auto& [known, name] : format_names)
        if (known == format) return name;
    return "auto";
}

}  // namespace td
