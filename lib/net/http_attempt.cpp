#include "net/http_attempt.hpp"

#include "net/retry.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#ifdef TD_HAVE_OPENSSL
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#endif

#include <algorithm>
#include <chrono>

namespace td::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using std::chrono::milliseconds;
using error_code = boost::system::error_code;

class Deadline {
public:
    explicit Deadline(milliseconds total) : end_(std::chrono::steady_clock::now() + total) {}
    // The time a step may take: its own limit, or less when the attempt's total runs out.
    milliseconds limit(milliseconds step) const {
        const auto left = std::chrono::duration_cast<milliseconds>(end_ - std::chrono::steady_clock::now());
        return std::clamp(left, milliseconds(0), step);
    }

private:
    std::chrono::steady_clock::time_point end_;
};

// Starts one asynchronous operation and runs the context until it completes; the stream's
// expiry (set by the caller) ends it with beast::error::timeout.
template <class Start>
error_code run_to_completion(asio::io_context& io, Start&& start) {
    error_code result = asio::error::would_block;
    start([&result](error_code error, auto&&...) { result = error; });
    io.restart();
    io.run();
    return result;
}

std::string describe(const error_code& error) {
    return error == beast::error::timeout ? std::string("timed out") : error.message();
}

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[(group >> 18) & 63];
        out += alphabet[(group >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(group >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[group & 63] : '=';
    }
    return out;
}

class Attempt {
public:
    Attempt(const HttpRequest& request, const Url& url, const HttpOptions& options)
        : request_(request), url_(url), options_(options), deadline_(options.total_timeout) {}

    HttpResponse run(const std::optional<Url>& proxy) {
        beast::tcp_stream tcp(io_);
        connect(tcp, proxy ? *proxy : url_);
        if (proxy) open_tunnel(tcp, *proxy);
        if (!url_.is_https()) return exchange(tcp);
#ifdef TD_HAVE_OPENSSL
        asio::ssl::context tls(asio::ssl::context::tls_client);
        tls.set_default_verify_paths();
        tls.set_verify_mode(asio::ssl::verify_peer);
        beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp), tls);
        if (!SSL_set_tlsext_host_name(stream.native_handle(), url_.host.c_str()))
            throw AttemptError("cannot set the TLS server name for " + url_.host, false);
        stream.set_verify_callback(asio::ssl::host_name_verification(url_.host));
        beast::get_lowest_layer(stream).expires_after(deadline_.limit(options_.connect_timeout));
        const error_code error = run_to_completion(io_, [&](auto handler) {
            stream.async_handshake(asio::ssl::stream_base::client, std::move(handler));
        });
        if (error)
            throw AttemptError("TLS handshake with " + url_.authority() + " failed: " + describe(error),
                               error == beast::error::timeout);
        return exchange(stream);
#else
        throw Error(Error::Code::unsupported, "https needs a tweetdigest built with OpenSSL");
#endif
    }

private:
    void connect(beast::tcp_stream& tcp, const Url& server) {
        tcp::resolver resolver(io_);
        tcp::resolver::results_type endpoints;
        error_code error = asio::error::would_block;
        resolver.async_resolve(server.host, server.port,
                               [&](error_code e, tcp::resolver::results_type results) {
                                   error = e;
                                   endpoints = std::move(results);
                               });
        io_.restart();
        io_.run_for(deadline_.limit(options_.connect_timeout));
        if (error == asio::error::would_block) {
            resolver.cancel();
            io_.restart();
            io_.run();
            throw AttemptError("resolving " + server.host + " timed out", true);
        }
        if (error) throw AttemptError("cannot resolve " + server.host + ": " + error.message(), true);

        tcp.expires_after(deadline_.limit(options_.connect_timeout));
        error = run_to_completion(io_, [&](auto handler) { tcp.async_connect(endpoints, std::move(handler)); });
        if (error)
            throw AttemptError("cannot connect to " + server.authority() + ": " + describe(error), true);
    }

    void open_tunnel(beast::tcp_stream& tcp, const Url& proxy) {
        http::request<http::empty_body> connect_request{http::verb::connect, url_.authority(), 11};
        connect_request.set(http::field::host, url_.authority());
        connect_request.set(http::field::user_agent, options_.user_agent);
        if (!proxy.user_info.empty())
            connect_request.set(http::field::proxy_authorization, "Basic " + base64(proxy.user_info));
        tcp.expires_after(deadline_.limit(options_.connect_timeout));
        error_code error = run_to_completion(
            io_, [&](auto handler) { http::async_write(tcp, connect_request, std::move(handler)); });
        http::response_parser<http::empty_body> parser;
        parser.skip(true);  // a 2xx answer to CONNECT has no body: the tunnel starts right after
        if (!error) {
            tcp.expires_after(deadline_.limit(options_.connect_timeout));
            error = run_to_completion(
                io_, [&](auto handler) { http::async_read(tcp, buffer_, parser, std::move(handler)); });
        }
        const std::string where = "proxy " + proxy.authority();
        if (error) throw AttemptError(where + " failed: " + describe(error), true);
        const int status = parser.get().result_int();
        if (status / 100 != 2)
            throw AttemptError(where + " refused the tunnel to " + url_.authority() + ": HTTP " +
                                   std::to_string(status),
                               is_retryable_status(status));
    }

    http::request<http::string_body> build_request() const {
        const http::verb verb = http::string_to_verb(request_.method);
        if (verb == http::verb::unknown)
            throw Error(Error::Code::invalid_argument, "unknown HTTP method " + request_.method);
        http::request<http::string_body> message{verb, url_.target, 11};
        const bool default_port = url_.port == (url_.is_https() ? "443" : "80");
        const std::string host = url_.authority();
        message.set(http::field::host, default_port ? host.substr(0, host.rfind(':')) : host);
        message.set(http::field::user_agent, options_.user_agent);
        message.set(http::field::connection, "close");
        for (const HttpHeader& header : request_.headers) message.set(header.name, header.value);
        message.body() = request_.body;
        message.prepare_payload();
        return message;
    }

    template <class Stream>
    HttpResponse exchange(Stream& stream) {
        auto& tcp = beast::get_lowest_layer(stream);
        const auto message = build_request();
        tcp.expires_after(deadline_.limit(options_.read_timeout));
        error_code error = run_to_completion(
            io_, [&](auto handler) { http::async_write(stream, message, std::move(handler)); });
        if (error) throw AttemptError("sending the request failed: " + describe(error), true);

        http::response_parser<http::string_body> parser;
        parser.body_limit(options_.max_response_bytes);
        tcp.expires_after(deadline_.limit(options_.read_timeout));
        error = run_to_completion(
            io_, [&](auto handler) { http::async_read_header(stream, buffer_, parser, std::move(handler)); });
        if (error) throw read_failure(error, false);

        HttpResponse response;
        response.status = parser.get().result_int();
        for (const auto& field : parser.get())
            response.headers.push_back({std::string(field.name_string()), std::string(field.value())});
        const bool streaming = request_.on_body_data && response.status / 100 == 2;
        bool delivered = false;
        while (!parser.is_done()) {
            tcp.expires_after(deadline_.limit(options_.read_timeout));
            error = run_to_completion(
                io_, [&](auto handler) { http::async_read_some(stream, buffer_, parser, std::move(handler)); });
            std::string& body = parser.get().body();
            if (streaming && !body.empty()) {
                request_.on_body_data(body);
                body.clear();
                delivered = true;
            }
            if (error) throw read_failure(error, delivered);
        }
        if (!streaming) response.body = std::move(parser.get().body());
        return response;
    }

    AttemptError read_failure(const error_code& error, bool body_delivered) const {
        if (error == http::error::body_limit)
            return AttemptError("the response is larger than the limit of " +
                                    std::to_string(options_.max_response_bytes) + " bytes",
                                false);
        if (error == beast::error::timeout)
            return AttemptError("no complete response within the timeout", false);
        return AttemptError("the connection broke before the response was complete: " + error.message(),
                            !body_delivered);
    }

    const HttpRequest& request_;
    const Url& url_;
    const HttpOptions& options_;
    Deadline deadline_;
    asio::io_context io_;
    beast::flat_buffer buffer_;
};

}  // namespace

HttpResponse perform_attempt(const HttpRequest& request, const Url& url,
                             const std::optional<Url>& proxy, const HttpOptions& options) {
    return Attempt(request, url, options).run(proxy);
}

}  // namespace td::net
