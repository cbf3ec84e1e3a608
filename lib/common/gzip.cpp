#include "common/gzip.hpp"

#include <tweetdigest/common.hpp>

#include <zlib.h>

namespace td::gzip {

bool has_magic(std::string_view data) noexcept {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

std::string decompress(std::string_view data, std::string* inflated_so_far) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        throw Error(Error::Code::internal, "zlib: inflateInit2 failed");
    std::string out;
    char buffer[1 << 16];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    const auto fail = [&](const std::string& reason) {
        const auto offset = static_cast<unsigned long>(stream.total_in);
        inflateEnd(&stream);
        if (inflated_so_far != nullptr) *inflated_so_far = std::move(out);
        throw Error(Error::Code::parse, "gzip: " + reason + " at compressed byte " + std::to_string(offset));
    };
    for (;;) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        const int rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (rc == Z_STREAM_END) {
            if (stream.avail_in == 0) break;
            // Another gzip member follows (concatenated files).
            const auto* next = stream.next_in;
            const auto remaining = stream.avail_in;
            if (remaining < 2 || next[0] != 0x1f || next[1] != 0x8b) break;
            inflateReset(&stream);
            continue;
        }
        if (rc == Z_BUF_ERROR && stream.avail_in == 0) fail("truncated stream");
        if (rc != Z_OK) fail(stream.msg != nullptr ? stream.msg : "corrupt data");
    }
    inflateEnd(&stream);
    return out;
}

}  // namespace td::gzip
