#include "arguments.hpp"

#include <algorithm>
#include <charconv>

namespace td::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
    const auto find_spec = [&](const std::string& name) -> const OptionSpec* {
        const auto it = std::find_if(specs.begin(), specs.end(),
                                     [&](const OptionSpec& spec) { return spec.name == name; });
        return it == specs.end() ? nullptr : &*it;
    };
    bool only_operands = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_operands || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            if (arg == "--") {
                only_operands = true;
                continue;
            }
            operands_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        const OptionSpec* spec = find_spec(name);
        if (spec == nullptr) throw UsageError("unknown option --" + name);
        if (spec->value_name.empty()) {
            if (inline_value) throw UsageError("option --" + name + " takes no value");
            values_[name] = "1";
        } else if (inline_value) {
            values_[name] = *inline_value;
        } else {
            if (i + 1 >= args.size()) throw UsageError("option --" + name + " needs a value");
            values_[name] = args[++i];
        }
    }
}

bool Arguments::has(const std::string& name) const { return values_.count(name) != 0; }

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Arguments::value_or(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

std::string Arguments::required(const std::string& name) const {
    if (auto v = value(name)) return *v;
    throw UsageError("missing required option --" + name);
}

long long Arguments::integer_or(const std::string& name, long long fallback) const {
    const auto v = value(name);
    if (!v) return fallback;
    long long result = 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), result);
    if (ec != std::errc() || end != v->data() + v->size())
        throw UsageError("option --" + name + " expects an integer, got '" + *v + "'");
    return result;
}

double Arguments::number_or(const std::string& name, double fallback) const {
    const auto v = value(name);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        const double result = std::stod(*v, &used);
        if (used == v->size()) return result;
    } catch (const std::exception&) {
    }
    throw UsageError("option --" + name + " expects a number, got '" + *v + "'");
}

std::string describe_options(const std::vector<OptionSpec>& specs) {
    std::string out;
    for (const OptionSpec& spec : specs) {
        std::string left = "  --" + spec.name + (spec.value_name.empty() ? "" : " " + spec.value_name);
        if (left.size() < 26) left.resize(26, ' ');
        else left += "  ";
        out += left + spec.help + "\n";
    }
    return out;
}

}  // namespace td::cli
