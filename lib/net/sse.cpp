#include "net/sse.hpp"

#include <utility>

namespace td::net {

void SseParser::feed(std::string_view bytes) {
    pending_.append(bytes);
    std::size_t start = 0;
    for (std::size_t end; (end = pending_.find('\n', start)) != std::string::npos; start = end + 1) {
        std::string_view line(pending_.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        take_line(line);
    }
    pending_.erase(0, start);
}

void SseParser::finish() {
    if (!pending_.empty()) take_line(std::exchange(pending_, {}));
    take_line("");
}

void SseParser::take_line(std::string_view line) {
    if (line.empty()) {
        if (has_data_) on_event_(data_);
        data_.clear();
        has_data_ = false;
        return;
    }
    if (line.substr(0, 5) != "data:") return;  // comments, event names, ids and retry hints
    line.remove_prefix(5);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (has_data_) data_ += '\n';
    data_.append(line);
    has_data_ = true;
}

}  // namespace td::net
