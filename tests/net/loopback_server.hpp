#pragma once
// A scripted HTTP server on 127.0.0.1 (ephemeral port) for network tests. It serves one
// connection at a time in its own thread and stops after max_requests or its lifetime.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace td_test {

struct ReceivedRequest {
    std::string method;
    std::string target;
    std::map<std::string, std::string> headers;  // names lowercased
    std::string body;
};

struct Reply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds delay{0};  // before the status line
    bool reset = false;                  // abort the connection (TCP RST) instead of answering
    // When non-empty: sent after the headers one by one, chunk_delay apart, ending at close
    // (no Content-Length), as a server-sent events stream arrives.
    std::vector<std::string> chunks;
    std::chrono::milliseconds chunk_delay{0};
};

inline Reply reply(int status, std::string body = {},
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

inline Reply reset_connection() {
    Reply r;
    r.reset = true;
    return r;
}

class LoopbackServer {
public:
    // handler(request, n): the reply to the n-th request (0-based).
    using Handler = std::function<Reply(const ReceivedRequest&, int)>;

    explicit LoopbackServer(Handler handler, int max_requests = 16,
                            std::chrono::milliseconds lifetime = std::chrono::seconds(10));
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    std::uint16_t port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::vector<ReceivedRequest> requests() const;

private:
    void serve(int max_requests, std::chrono::steady_clock::time_point end);
    // Waits unless the server is stopping; false when it is.
    bool pause(std::chrono::milliseconds duration);

    Handler handler_;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable stopping_;
    bool stop_ = false;
    std::vector<ReceivedRequest> requests_;
    struct Socket;
    std::unique_ptr<Socket> listener_;
    std::thread thread_;
};

}  // namespace td_test
