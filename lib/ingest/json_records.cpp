#include "ingest/json_repair.hpp"
#include "ingest/readers.hpp"


#include <boost/json.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace td::ingest {
namespace {

namespace json = boost::json;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\f\v") - first + 1);
}

json::parse_options parse_options() {
    json::parse_options options;
    options.max_depth = 64;
    return options;
}

// Parses records with one reused parser and one reused arena, so a record costs no heap
// allocation once the arena has grown to the largest record.
class JsonRecordParser {
public:
    JsonRecordParser(RecordSink& sink, InputFormat format, RecordsEnd end)
        : sink_(sink), format_(format), end_(end), parser_(json::storage_ptr(), parse_options()) {}

    void read(LineReader& lines) {
        Line line;
        while (lines.next(line)) {
            if (line.overlong) {
                abandon_record("record too long, skipped");
                sink_.at(line.number, line.offset);
                sink_.error("line longer than " + std::to_string(max_record_bytes) + " bytes, skipped");
                continue;
            }
            feed(line);
        }
        if (end_ == RecordsEnd::next_record_follows) abandon_record(record_cut_short);
        else abandon_record("truncated JSON: the input ends inside this record");
    }

private:
    void start(const Line& line) {
        in_record_ = true;
        record_line_ = line.number;
        record_offset_ = line.offset;
        // Sized after the records seen so far, the arena rarely needs the heap. A fresh resource
        // per record (rather than monotonic_resource::release) keeps Boost 1.81 happy.
        if (largest_record_ * 4 > arena_buffer_.size())
            arena_buffer_.resize(std::min(largest_record_ * 4, max_arena_buffer));
        record_bytes_ = 0;
        arena_.emplace(arena_buffer_.data(), arena_buffer_.size());
        parser_.reset(&*arena_);
    }

    void feed(const Line& line) {
        if (in_record_ && line.text.starts_with('{')) {
            // An unindented "{" starts the next JSON line: the open record was cut short.
            abandon_record(record_cut_short);
        }
        if (!in_record_) {
            const std::string_view content = trim(line.text);
            if (content.empty()) return;
            // After a broken multi-line record, skip its remaining lines up to the next record.
            if (recovering_ && content.front() != '{' && content.front() != '[') return;
            start(line);
            may_span_lines_ = content.front() == '{' || content.front() == '[';
        } else {
            parser_.write("\n", 1, error_);
        }
        record_bytes_ += line.text.size() + 1;
        largest_record_ = std::max(largest_record_, record_bytes_);
        parser_.write(line.text.data(), line.text.size(), error_);
        if (error_) {
            if (line.number != record_line_) {
                abandon_record("invalid JSON in the record's line " + std::to_string(line.number) + ": " +
                               error_.message());
                recovering_ = true;
                feed(line);
            } else {
                in_record_ = false;
                retry_single_line(line);
            }
            return;
        }
        if (!parser_.done() && !may_span_lines_) parser_.finish(error_);  // a bare number, say
        if (error_) {
            in_record_ = false;
            sink_.at(line.number, line.offset);
            sink_.error("invalid JSON: " + error_.message());
            return;
        }
        if (parser_.done()) {
            in_record_ = false;
            recovering_ = false;
            finish(parser_.release());
        } else if (record_bytes_ > max_record_bytes) {
            abandon_record("JSON record longer than " + std::to_string(max_record_bytes) + " bytes, skipped");
            recovering_ = true;
        }
    }

    // A line that failed to parse: repaired when only its text encoding is broken, else reported.
    void retry_single_line(const Line& line) {
        sink_.at(line.number, line.offset);
        const std::string reason = error_.message();
        const std::optional<RepairedLine> repaired = repair_json_line(line.text);
        if (!repaired) {
            sink_.error("invalid JSON: " + reason);
            return;
        }
        start(line);
        parser_.write(repaired->text.data(), repaired->text.size(), error_);
        if (!error_ && !parser_.done()) parser_.finish(error_);
        in_record_ = false;
        if (error_) {
            sink_.error("invalid JSON: " + reason + " (" + repaired->what + " did not help)");
            return;
        }
        sink_.warning(repaired->what);
        finish(parser_.release());
    }

    void finish(json::value value) {
        sink_.at(record_line_, record_offset_);
        convert_json_value(value, sink_, format_);
    }

    void abandon_record(const std::string& reason) {
        if (!in_record_) return;
        in_record_ = false;
        sink_.at(record_line_, record_offset_);
        sink_.error(reason);
    }

    static constexpr const char* record_cut_short = "truncated JSON: the record ends before its value is complete";

    RecordSink& sink_;
    InputFormat format_;
    RecordsEnd end_;
    static constexpr std::size_t max_arena_buffer = std::size_t{16} << 20;
    std::vector<unsigned char> arena_buffer_ = std::vector<unsigned char>(std::size_t{64} << 10);
    std::optional<json::monotonic_resource> arena_;
    std::size_t largest_record_ = 0;
    json::stream_parser parser_;
    json::error_code error_;
    bool in_record_ = false;
    bool recovering_ = false;
    bool may_span_lines_ = true;
    std::uint64_t record_line_ = 0;
    std::uint64_t record_offset_ = 0;
    std::size_t record_bytes_ = 0;
};

}  // namespace

void read_json_records(LineReader& lines, RecordSink& sink, InputFormat format, RecordsEnd end) {
    JsonRecordParser(sink, format, end).read(lines);
}

}  // namespace td::ingest
