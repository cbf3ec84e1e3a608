#include "ingest/line_reader.hpp"

#include <cstring>

namespace td::ingest {

LineReader::LineReader(ByteStream& stream, std::size_t max_line_bytes)
    : stream_(stream), max_line_bytes_(max_line_bytes) {}

bool LineReader::fill() {
    if (at_end_) return false;
    std::string_view chunk;
    if (!stream_.next(chunk)) {
        at_end_ = true;
        return false;
    }
    if (begin_ > 0) {
        buffer_.erase(0, begin_);
        buffer_offset_ += begin_;
        begin_ = 0;
    }
    buffer_.append(chunk);
    if (!bom_checked_ && buffer_.size() >= 3) {
        bom_checked_ = true;
        if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) begin_ = 3;
    }
    return true;
}

std::string_view LineReader::peek(std::size_t bytes) {
    while (buffer_.size() - begin_ < bytes && fill()) {
    }
    return std::string_view(buffer_).substr(begin_, bytes);
}

bool LineReader::next(Line& line) {
    bool skipping = false;
    for (;;) {
        const std::size_t available = buffer_.size() - begin_;
        const void* found = scan_ < available
                                ? std::memchr(buffer_.data() + begin_ + scan_, '\n', available - scan_)
                                : nullptr;
        if (found != nullptr || (available > 0 && at_end_) || (skipping && at_end_)) {
            const std::size_t end =
                found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - buffer_.data())
                                 : buffer_.size();
            std::string_view text(buffer_.data() + begin_, end - begin_);
            if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
            line.number = ++line_number_;
            line.offset = buffer_offset_ + begin_;
            line.overlong = skipping || text.size() > max_line_bytes_;
            line.text = line.overlong ? std::string_view() : text;
            if (skipping) line.offset = skipped_offset_;
            begin_ = found != nullptr ? end + 1 : buffer_.size();
            last_unterminated_ = found == nullptr;
            scan_ = 0;
            return true;
        }
        if (at_end_) return false;
        scan_ = available;
        if (available > max_line_bytes_) {
            // Drop the start of an overlong line; its end is found by the next newline.
            if (!skipping) skipped_offset_ = buffer_offset_ + begin_;
            skipping = true;
            buffer_offset_ += buffer_.size();
            buffer_.clear();
            begin_ = scan_ = 0;
        }
        fill();
    }
}

}  // namespace td::ingest
