#pragma once
// The bytes of one source, decompressed on the fly when they are gzip, in bounded chunks.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace td::ingest {

class ByteStream {
public:
    // Opens a file ("-" is standard input). Throws Error(io) when it cannot be read.
    static ByteStream open_file(const std::string& path);
    // Opens `length` bytes of a file from byte `begin` on. Throws Error(io) when it cannot be read.
    static ByteStream open_file_range(const std::string& path, std::uint64_t begin, std::uint64_t length);
    // Up to `length` undecoded bytes of a file from byte `begin` on; short at the end of the file.
    // Throws Error(io) when they cannot be read.
    static std::string read_file_bytes(const std::string& path, std::uint64_t begin, std::size_t length);
    // Reads from memory the caller keeps alive.
    static ByteStream from_memory(std::string_view data);

    ByteStream(ByteStream&&) noexcept;
    ByteStream& operator=(ByteStream&&) noexcept;
    ~ByteStream();

    // The next chunk of (decompressed) bytes; false at the end or after a failure.
    bool next(std::string_view& chunk);
    // Why the stream ended early ("gzip: truncated stream ..."); empty when it ended normally.
    const std::string& failure() const noexcept { return failure_; }

private:
    struct Raw;
    struct Inflater;
    ByteStream(std::unique_ptr<Raw> raw);
    bool next_raw(std::string_view& chunk);

    std::unique_ptr<Raw> raw_;
    std::unique_ptr<Inflater> inflater_;
    bool sniffed_ = false;
    std::string failure_;
};

}  // namespace td::ingest
