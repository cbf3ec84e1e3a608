#include "ingest/readers.hpp"

#include <boost/json.hpp>

namespace td::ingest {
namespace {

namespace json = boost::json;

// Cuts a top-level JSON array into its elements without parsing them, so that one broken
// element is reported alone and memory stays bounded by the largest element.
class ArrayElementSplitter {
public:
    ArrayElementSplitter(RecordSink& sink, InputFormat format) : sink_(sink), format_(format) {}

    void read(LineReader& lines) {
        Line line;
        while (state_ != State::after_array && lines.next(line)) {
            if (line.overlong) {
                sink_.at(line.number, line.offset);
                sink_.error("line longer than " + std::to_string(max_record_bytes) + " bytes, skipped");
                element_.clear();
                continue;
            }
            scan(line);
        }
        if (state_ == State::before_array) {
            sink_.at(1, 0);
            sink_.error("no JSON array found");
        } else if (state_ == State::in_array) {
            if (!element_.empty()) finish_element();
            sink_.at(line.number, line.offset);
            sink_.error("truncated JSON array: the input ends before its closing ]");
        }
    }

private:
    enum class State { before_array, in_array, after_array };

    void scan(const Line& line) {
        for (std::size_t i = 0; i < line.text.size(); ++i) {
            const char c = line.text[i];
            if (state_ == State::before_array) {
                if (c == '[') state_ = State::in_array;
                continue;
            }
            if (state_ == State::after_array) return;
            if (element_.empty()) {
                if (c == ' ' || c == '\t' || c == '\r') continue;
                if (depth_ == 0 && c == ',') continue;
                if (depth_ == 0 && c == ']') {
                    state_ = State::after_array;
                    return;
                }
                element_line_ = line.number;
                element_offset_ = line.offset + i;
            }
            if (in_string_) {
                if (escaped_) escaped_ = false;
                else if (c == '\\') escaped_ = true;
                else if (c == '"') in_string_ = false;
            } else if (c == '"') {
                in_string_ = true;
            } else if (c == '{' || c == '[') {
                ++depth_;
            } else if (c == '}' || c == ']') {
                if (depth_ == 0) {  // the array's closing bracket right after an element
                    finish_element();
                    state_ = State::after_array;
                    return;
                }
                --depth_;
            } else if (c == ',' && depth_ == 0) {
                finish_element();
                continue;
            }
            element_ += c;
        }
        if (!element_.empty()) element_ += '\n';
    }

    void finish_element() {
        sink_.at(element_line_, element_offset_);
        json::error_code error;
        json::parse_options options;
        options.max_depth = 64;
        json::monotonic_resource arena;
        const json::value value = json::parse(element_, error, &arena, options);
        element_.clear();
        depth_ = 0;
        in_string_ = escaped_ = false;
        if (error) {
            sink_.error("invalid JSON array element: " + error.message());
            return;
        }
        convert_json_value(value, sink_, format_);
    }

    RecordSink& sink_;
    InputFormat format_;
    State state_ = State::before_array;
    std::string element_;
    std::uint64_t element_line_ = 0;
    std::uint64_t element_offset_ = 0;
    int depth_ = 0;
    bool in_string_ = false;
    bool escaped_ = false;
};

}  // namespace

void read_json_array(LineReader& lines, RecordSink& sink, InputFormat format) {
    ArrayElementSplitter(sink, format).read(lines);
}

}  // namespace td::ingest
