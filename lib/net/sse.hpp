#pragma once
// Incremental parser for server-sent events (text/event-stream).

#include <functional>
#include <string>
#include <string_view>

namespace td::net {

class SseParser {
public:
    // Called with each event's data (multi-line data joined with '\n').
    explicit SseParser(std::function<void(std::string_view)> on_event) : on_event_(std::move(on_event)) {}

    // Accepts any split of the stream: lines may arrive in pieces.
    void feed(std::string_view bytes);
    // Dispatches an event left unterminated when the stream ends.
    void finish();

private:
    void take_line(std::string_view line);

    std::function<void(std::string_view)> on_event_;
    std::string pending_;  // an incomplete line
    std::string data_;
    bool has_data_ = false;
};

}  // namespace td::net
