#include "loopback_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <poll.h>

#include <algorithm>
#include <cctype>

namespace td_test {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

bool wait_readable(tcp::socket& socket, std::chrono::milliseconds timeout) {
    pollfd descriptor{socket.native_handle(), POLLIN, 0};
    return ::poll(&descriptor, 1, static_cast<int>(timeout.count())) > 0;
}

std::string status_line(int status) {
    const auto reason = http::obsolete_reason(static_cast<http::status>(status));
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
}

}  // namespace

struct LoopbackServer::Socket {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
};

LoopbackServer::LoopbackServer(Handler handler, int max_requests, std::chrono::milliseconds lifetime)
    : handler_(std::move(handler)), listener_(std::make_unique<Socket>()) {
    listener_->acceptor.non_blocking(true);
    port_ = listener_->acceptor.local_endpoint().port();
    thread_ = std::thread([this, max_requests, end = std::chrono::steady_clock::now() + lifetime] {
        serve(max_requests, end);
    });
}

LoopbackServer::~LoopbackServer() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    stopping_.notify_all();
    thread_.join();
}

std::vector<ReceivedRequest> LoopbackServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

bool LoopbackServer::pause(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !stopping_.wait_for(lock, duration, [this] { return stop_; });
}

void LoopbackServer::serve(int max_requests, std::chrono::steady_clock::time_point end) {
    using namespace std::chrono_literals;
    int served = 0;
    while (served < max_requests && std::chrono::steady_clock::now() < end) {
        boost::system::error_code error;
        tcp::socket socket(listener_->io);
        listener_->acceptor.accept(socket, error);
        if (error) {
            if (!pause(2ms)) return;
            continue;
        }
        boost::beast::flat_buffer buffer;
        bool keep_reading = true;
        while (keep_reading && served < max_requests) {
            keep_reading = false;
            if (!wait_readable(socket, 2000ms)) break;
            http::request<http::string_body> message;
            http::read(socket, buffer, message, error);
            if (error) break;
            ReceivedRequest request{std::string(message.method_string()), std::string(message.target()),
                                    {}, message.body()};
            for (const auto& field : message) {
                std::string name(field.name_string());
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                request.headers[name] = std::string(field.value());
            }
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            const Reply reply = handler_(request, served++);
            if (reply.delay.count() > 0 && !pause(reply.delay)) return;
            if (reply.reset) {
                socket.set_option(asio::socket_base::linger(true, 0));
                break;
            }
            std::string head = status_line(reply.status);
            for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
            if (reply.chunks.empty()) head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
            head += "\r\n";
            // A 2xx answer to CONNECT turns this connection into the tunnel: keep serving it.
            keep_reading = request.method == "CONNECT" && reply.status / 100 == 2;
            if (!keep_reading) head += reply.body;
            asio::write(socket, asio::buffer(head), error);
            for (const std::string& chunk : reply.chunks) {
                if (error || !pause(reply.chunk_delay)) break;
                asio::write(socket, asio::buffer(chunk), error);
            }
        }
        socket.shutdown(tcp::socket::shutdown_both, error);
        socket.close(error);
    }
}

}  // namespace td_test
