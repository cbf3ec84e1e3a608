#pragma once
// A small command-line parser: `--name value`, `--name=value`, flags, and positional operands.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace td::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;        // without the leading "--"
    std::string value_name;  // empty for a flag
    std::string help;
};

class Arguments {
public:
    // Throws UsageError for unknown options or a missing value.
    Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string value_or(const std::string& name, const std::string& fallback) const;
    std::string required(const std::string& name) const;
    long long integer_or(const std::string& name, long long fallback) const;
    double number_or(const std::string& name, double fallback) const;
    const std::vector<std::string>& operands() const { return operands_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> operands_;
};

// "  --name VALUE   help" lines for a command's --help.
std::string describe_options(const std::vector<OptionSpec>& specs);

}  // namespace td::cli
