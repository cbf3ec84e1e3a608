#pragma once
// The report's fixed wording per language (resources/digest/wording_<lang>.txt).

#include <tweetdigest/digest.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace td::digest {

using Fields = std::vector<std::pair<std::string_view, std::string>>;

class Wording {
public:
    static const Wording& get(Language language);  // the embedded wording, loaded once

    // The text of `key`; throws Error(internal) for a key the wording file lacks.
    const std::string& text(std::string_view key) const;
    // The text of `key` with every {name} replaced by its field.
    std::string fill(std::string_view key, const Fields& fields) const;
    // Items joined with the language's list separator.
    std::string join(const std::vector<std::string>& items) const;

    explicit Wording(std::string_view file);

private:
    std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace td::digest
