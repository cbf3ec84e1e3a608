#pragma once
// Splits a ByteStream into lines, tracking 1-based line numbers and byte offsets.

#include "ingest/byte_stream.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace td::ingest {

struct Line {
    std::string_view text;     // without "\n" or "\r\n"; valid until the next call to next()
    std::uint64_t number = 0;  // 1-based
    std::uint64_t offset = 0;  // byte offset of the line's start in the (decompressed) input
    bool overlong = false;     // longer than the limit: text is empty, the line was skipped
};

class LineReader {
public:
    LineReader(ByteStream& stream, std::size_t max_line_bytes);

    // The first bytes of the input (a UTF-8 byte order mark removed), without consuming them.
    std::string_view peek(std::size_t bytes);
    bool next(Line& line);
    std::uint64_t bytes_consumed() const noexcept { return buffer_offset_ + begin_; }
    // The line the next byte belongs to (the last one when it ended without a newline).
    std::uint64_t current_line() const noexcept { return line_number_ + (last_unterminated_ ? 0 : 1); }

private:
    bool fill();

    ByteStream& stream_;
    std::size_t max_line_bytes_;
    std::string buffer_;
    std::size_t begin_ = 0;  // start of the unconsumed bytes in buffer_
    std::size_t scan_ = 0;   // bytes after begin_ already searched for a newline
    std::uint64_t buffer_offset_ = 0;
    std::uint64_t line_number_ = 0;
    bool bom_checked_ = false;
    bool at_end_ = false;
    std::uint64_t skipped_offset_ = 0;
    bool last_unterminated_ = false;
};

}  // namespace td::ingest
