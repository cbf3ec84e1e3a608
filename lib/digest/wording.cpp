#include "digest/wording.hpp"

#include "common/resources.hpp"

namespace td::digest {

Wording::Wording(std::string_view file) {
    std::size_t at = 0;
    while (at < file.size()) {
        std::size_t end = file.find('\n', at);
        if (end == std::string_view::npos) end = file.size();
        std::string_view line = file.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t equals = line.find(" = ");
        if (equals == std::string_view::npos) continue;
        texts_.emplace(std::string(line.substr(0, equals)), std::string(line.substr(equals + 3)));
    }
}

const Wording& Wording::get(Language language) {
    static const Wording zh(resources::get("digest/wording_zh.txt"));
    static const Wording en(resources::get("digest/wording_en.txt"));
    return language == Language::en ? en : zh;
}

const std::string& Wording::text(std::string_view key) const {
    const auto found = texts_.find(key);
    if (found == texts_.end())
        throw Error(Error::Code::internal, "report wording has no entry '" + std::string(key) + "'");
    return found->second;
}

std::string Wording::fill(std::string_view key, const Fields& fields) const {
    const std::string& pattern = text(key);
    std::string out;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        const std::size_t close = open == std::string::npos ? open : pattern.find('}', open);
        if (close == std::string::npos) {
            out.append(pattern, at, std::string::npos);
            break;
        }
        out.append(pattern, at, open - at);
        const std::string_view name(pattern.data() + open + 1, close - open - 1);
        bool replaced = false;
        for (const auto& [field, value] : fields) {
            if (field == name) {
                out += value;
                replaced = true;
                break;
            }
        }
        if (!replaced) out.append(pattern, open, close - open + 1);
        at = close + 1;
    }
    return out;
}

std::string Wording::join(const std::vector<std::string>& items) const {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += text("list_separator");
        out += items[i];
    }
    return out;
}

}  // namespace td::digest
