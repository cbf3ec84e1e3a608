#include "common/files.hpp"

#include <tweetdigest/common.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace td::files {

std::string read(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Error::Code::io, path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Error::Code::io, path + ": cannot open: " + std::strerror(errno));
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(Error::Code::io, path + ": read failed");
    return data;
}

void write_atomically(const std::string& path, std::string_view bytes) {
    static std::atomic<unsigned> counter{0};
    const std::string temporary =
        path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (file == nullptr)
        throw Error(Error::Code::io, path + ": cannot create: " + std::strerror(errno));
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const int saved_errno = errno;
    const bool flushed = std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !flushed || !closed) {
        std::remove(temporary.c_str());
        throw Error(Error::Code::io,
                    path + ": write failed: " + std::strerror(written ? errno : saved_errno));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int rename_errno = errno;
        std::remove(temporary.c_str());
        throw Error(Error::Code::io, path + ": cannot rename into place: " + std::strerror(rename_errno));
    }
}

}  // namespace td::files

namespace td {

std::string read_file(const std::string& path) { return files::read(path); }

void write_file_atomically(const std::string& path, std::string_view bytes) {
    files::write_atomically(path, bytes);
}

}  // namespace td
