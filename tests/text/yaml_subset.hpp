#pragma once
// Reads the subset of YAML the twitter-text conformance files use: block mappings and
// sequences by indentation, flow sequences, double-quoted strings with escapes, plain scalars.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace td_test {

struct YamlNode {
    enum class Kind { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    std::string scalar;
    std::vector<YamlNode> items;
    std::vector<std::pair<std::string, YamlNode>> fields;  // in file order

    const YamlNode& operator[](std::string_view key) const;  // a null node when absent
    bool has(std::string_view key) const;
    long long as_int() const;
    bool as_bool() const;
};

// Throws std::runtime_error with the line number on input outside the subset.
YamlNode parse_yaml(std::string_view text);

}  // namespace td_test
