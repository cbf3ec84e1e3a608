#include "ingest/byte_stream.hpp"

#include "common/gzip.hpp"

#include <tweetdigest/common.hpp>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <vector>

namespace td::ingest {
namespace {

constexpr std::size_t chunk_size = 1 << 20;

}  // namespace

// Undecoded bytes: a file, standard input or a memory block.
struct ByteStream::Raw {
    std::FILE* file = nullptr;
    bool owns_file = false;
    std::string_view memory;
    bool memory_served = false;
    std::vector<char> buffer;
    std::string_view pending;  // bytes already read but not yet handed out (after sniffing)
    std::uint64_t file_remaining = UINT64_MAX;  // bytes of the file still to read

    ~Raw() {
        if (owns_file && file != nullptr) std::fclose(file);
    }
};

struct ByteStream::Inflater {
    z_stream stream{};
    std::vector<char> output = std::vector<char>(chunk_size);
    std::string_view input;
    bool finished = false;

    Inflater() {
        if (inflateInit2(&stream, 15 + 16) != Z_OK)
            throw Error(Error::Code::internal, "zlib: inflateInit2 failed");
    }
    ~Inflater() { inflateEnd(&stream); }
};

ByteStream::ByteStream(std::unique_ptr<Raw> raw) : raw_(std::move(raw)) {}
ByteStream::ByteStream(ByteStream&&) noexcept = default;
ByteStream& ByteStream::operator=(ByteStream&&) noexcept = default;
ByteStream::~ByteStream() = default;

ByteStream ByteStream::open_file(const std::string& path) {
    if (path != "-") return open_file_range(path, 0, UINT64_MAX);
    auto raw = std::make_unique<Raw>();
    raw->file = stdin;
    raw->buffer.resize(chunk_size);
    return ByteStream(std::move(raw));
}

ByteStream ByteStream::open_file_range(const std::string& path, std::uint64_t begin, std::uint64_t length) {
    auto raw = std::make_unique<Raw>();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Error::Code::io, path + ": is a directory, not a file");
    raw->file = std::fopen(path.c_str(), "rb");
    if (raw->file == nullptr)
        throw Error(Error::Code::io, path + ": " + std::strerror(errno));
    raw->owns_file = true;
    if (begin > 0 && fseeko(raw->file, static_cast<off_t>(begin), SEEK_SET) != 0)
        throw Error(Error::Code::io, path + ": cannot seek to byte " + std::to_string(begin) + ": " + std::strerror(errno));
    raw->file_remaining = length;
    raw->buffer.resize(chunk_size);
    return ByteStream(std::move(raw));
}

std::string ByteStream::read_file_bytes(const std::string& path, std::uint64_t begin, std::size_t length) {
    ByteStream stream = open_file_range(path, begin, length);
    std::string bytes;
    for (std::string_view chunk; stream.next_raw(chunk);) bytes.append(chunk);
    if (!stream.failure().empty()) throw Error(Error::Code::io, path + ": " + stream.failure());
    return bytes;
}

ByteStream ByteStream::from_memory(std::string_view data) {
    auto raw = std::make_unique<Raw>();
    raw->memory = data;
    return ByteStream(std::move(raw));
}

bool ByteStream::next_raw(std::string_view& chunk) {
    Raw& raw = *raw_;
    if (!raw.pending.empty()) {
        chunk = raw.pending;
        raw.pending = {};
        return true;
    }
    if (raw.file == nullptr) {
        if (raw.memory_served || raw.memory.empty()) return false;
        raw.memory_served = true;
        chunk = raw.memory;
        return true;
    }
    const std::size_t wanted = static_cast<std::size_t>(std::min<std::uint64_t>(raw.buffer.size(), raw.file_remaining));
    const std::size_t n = wanted == 0 ? 0 : std::fread(raw.buffer.data(), 1, wanted, raw.file);
    raw.file_remaining -= n;
    if (n == 0) {
        if (std::ferror(raw.file)) failure_ = std::string("read error: ") + std::strerror(errno);
        return false;
    }
    chunk = std::string_view(raw.buffer.data(), n);
    return true;
}

bool ByteStream::next(std::string_view& chunk) {
    if (!failure_.empty()) return false;
    if (!sniffed_) {
        sniffed_ = true;
        std::string_view first;
        if (!next_raw(first)) return false;
        if (gzip::has_magic(first)) inflater_ = std::make_unique<Inflater>();
        raw_->pending = first;
    }
    if (!inflater_) return next_raw(chunk);

    Inflater& z = *inflater_;
    for (;;) {
        if (z.input.empty() && !next_raw(z.input)) {
            if (!z.finished && failure_.empty())
                failure_ = "gzip: truncated stream at compressed byte " + std::to_string(z.stream.total_in);
            return false;
        }
        if (z.finished) {
            // Concatenated members: another gzip header follows; anything else is trailing junk.
            if (!gzip::has_magic(z.input)) return false;
            inflateReset(&z.stream);
            z.finished = false;
        }
        z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.input.data()));
        z.stream.avail_in = static_cast<uInt>(z.input.size());
        z.stream.next_out = reinterpret_cast<Bytef*>(z.output.data());
        z.stream.avail_out = static_cast<uInt>(z.output.size());
        const int rc = inflate(&z.stream, Z_NO_FLUSH);
        z.input = z.input.substr(z.input.size() - z.stream.avail_in);
        const std::size_t produced = z.output.size() - z.stream.avail_out;
        if (rc == Z_STREAM_END) z.finished = true;
        else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            failure_ = std::string("gzip: ") + (z.stream.msg != nullptr ? z.stream.msg : "corrupt data") +
                       " at compressed byte " + std::to_string(z.stream.total_in);
        }
        if (produced > 0) {
            chunk = std::string_view(z.output.data(), produced);
            return true;
        }
        if (!failure_.empty()) return false;
    }
}

}  // namespace td::ingest
