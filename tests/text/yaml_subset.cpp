#include "yaml_subset.hpp"

#include "common/utf8.hpp"

#include <stdexcept>

namespace td_test {
namespace {

struct Line {
    std::size_t number = 0;
    std::size_t indent = 0;
    std::string content;  // without indentation and trailing spaces
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        ++number;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos || line[indent] == '#' || line == "---") continue;
        lines.push_back({number, indent, std::string(line.substr(indent))});
    }
    return lines;
}

class Parser {
public:
    explicit Parser(std::string_view text) : lines_(split_lines(text)) {}

    YamlNode document() {
        if (lines_.empty()) return {};
        YamlNode root = block(lines_.front().indent);
        if (next_ < lines_.size()) fail("unexpected indentation");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        const std::size_t number = next_ < lines_.size() ? lines_[next_].number : 0;
        throw std::runtime_error("yaml line " + std::to_string(number) + ": " + why);
    }

    static bool is_item(const std::string& content) { return content == "-" || content.rfind("- ", 0) == 0; }

    YamlNode block(std::size_t indent) {
        return is_item(lines_[next_].content) ? sequence(indent) : mapping(indent);
    }

    YamlNode sequence(std::size_t indent) {
        YamlNode node;
        node.kind = YamlNode::Kind::sequence;
        while (next_ < lines_.size() && lines_[next_].indent == indent && is_item(lines_[next_].content)) {
            Line& line = lines_[next_];
            const std::string rest = line.content == "-" ? "" : line.content.substr(2);
            if (rest.empty()) {
                ++next_;
                node.items.push_back(nested_value(indent));
            } else if (starts_mapping(rest)) {
                line.indent += 2;  // "- key: value" opens a mapping one level in
                line.content = rest;
                node.items.push_back(mapping(line.indent));
            } else {
                ++next_;
                node.items.push_back(inline_value(rest));
            }
        }
        return node;
    }

    static bool starts_mapping(const std::string& text) {
        if (text.front() == '"' || text.front() == '[') return false;
        const std::size_t colon = text.find(':');
        return colon != std::string::npos && (colon + 1 == text.size() || text[colon + 1] == ' ');
    }

    YamlNode mapping(std::size_t indent) {
        YamlNode node;
        node.kind = YamlNode::Kind::mapping;
        while (next_ < lines_.size() && lines_[next_].indent == indent && !is_item(lines_[next_].content)) {
            const std::string& content = lines_[next_].content;
            if (!starts_mapping(content)) fail("expected \"key: value\"");
            const std::size_t colon = content.find(':');
            std::string key = content.substr(0, colon);
            const std::string rest = colon + 1 < content.size() ? content.substr(colon + 2) : "";
            ++next_;
            node.fields.emplace_back(std::move(key), rest.empty() ? nested_value(indent) : inline_value(rest));
        }
        return node;
    }

    // The block under a key or "-" with nothing after it: deeper lines, or a sequence at the
    // same indentation under a key.
    YamlNode nested_value(std::size_t indent) {
        if (next_ >= lines_.size()) return {};
        const Line& line = lines_[next_];
        if (line.indent > indent || (line.indent == indent && is_item(line.content))) {
            return block(line.indent);
        }
        return {};
    }

    YamlNode inline_value(const std::string& text) {
        std::size_t pos = 0;
        YamlNode node = flow(text, pos, false);
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos != text.size()) fail("trailing characters after a value");
        return node;
    }

    YamlNode flow(const std::string& text, std::size_t& pos, bool in_sequence) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        YamlNode node;
        if (pos >= text.size()) return node;
        if (text[pos] == '[') {
            node.kind = YamlNode::Kind::sequence;
            ++pos;
            while (true) {
                while (pos < text.size() && text[pos] == ' ') ++pos;
                if (pos >= text.size()) fail("unterminated flow sequence");
                if (text[pos] == ']') {
                    ++pos;
                    return node;
                }
                node.items.push_back(flow(text, pos, true));
                while (pos < text.size() && text[pos] == ' ') ++pos;
                if (pos < text.size() && text[pos] == ',') ++pos;
            }
        }
        node.kind = YamlNode::Kind::scalar;
        if (text[pos] == '"') {
            node.scalar = quoted(text, pos);
            return node;
        }
        const std::size_t end = text.find_first_of(",]", pos);
        const std::size_t stop = in_sequence && end != std::string::npos ? end : text.size();
        node.scalar = text.substr(pos, stop - pos);
        while (!node.scalar.empty() && node.scalar.back() == ' ') node.scalar.pop_back();
        pos = stop;
        return node;
    }

    std::string quoted(const std::string& text, std::size_t& pos) {
        std::string out;
        ++pos;
        while (pos < text.size() && text[pos] != '"') {
            if (text[pos] != '\\') {
                out += text[pos++];
                continue;
            }
            if (++pos >= text.size()) break;
            const char escape = text[pos++];
            switch (escape) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '0': out += '\0'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'x': out += hex(text, pos, 2); break;
            case 'u': out += utf16_escape(text, pos); break;
            case 'U': out += hex(text, pos, 8); break;
            default: fail(std::string("unknown escape \\") + escape);
            }
        }
        if (pos >= text.size()) fail("unterminated string");
        ++pos;
        return out;
    }

    unsigned long hex_value(const std::string& text, std::size_t& pos, std::size_t digits) {
        if (pos + digits > text.size()) fail("short escape");
        const unsigned long value = std::stoul(text.substr(pos, digits), nullptr, 16);
        pos += digits;
        return value;
    }

    std::string hex(const std::string& text, std::size_t& pos, std::size_t digits) {
        std::string out;
        td::utf8::append(out, char32_t(hex_value(text, pos, digits)));
        return out;
    }

    // \uXXXX, joining a surrogate pair written as two escapes.
    std::string utf16_escape(const std::string& text, std::size_t& pos) {
        unsigned long cp = hex_value(text, pos, 4);
        if (cp >= 0xD800 && cp <= 0xDBFF && text.compare(pos, 2, "\\u") == 0) {
            std::size_t low_pos = pos + 2;
            const unsigned long low = hex_value(text, low_pos, 4);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                pos = low_pos;
            }
        }
        std::string out;
        td::utf8::append(out, char32_t(cp));
        return out;
    }

    std::vector<Line> lines_;
    std::size_t next_ = 0;
};

}  // namespace

const YamlNode& YamlNode::operator[](std::string_view key) const {
    static const YamlNode null_node;
    for (const auto& [name, value] : fields) {
        if (name == key) return value;
    }
    return null_node;
}

bool YamlNode::has(std::string_view key) const {
    for (const auto& field : fields) {
        if (field.first == key) return true;
    }
    return false;
}

long long YamlNode::as_int() const { return std::stoll(scalar); }
bool YamlNode::as_bool() const { return scalar == "true"; }

YamlNode parse_yaml(std::string_view text) { return Parser(text).document(); }

}  // namespace td_test
