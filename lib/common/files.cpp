#include "common/files.hpp"

#include <tweetdigest/common.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace td::files {

std::string read(const std::string& path) {
    std::string data;
    read_into(path, data);
    return data;
}

void read_into(const std::string& path, std::string& data) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(Error::Code::io, path + ": cannot open: " + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) throw Error(Error::Code::io, path + ": cannot stat: " + std::strerror(errno));
    if (S_ISDIR(info.st_mode)) throw Error(Error::Code::io, path + ": is a directory, not a file");
    // The size is a hint (pipes and growing files report less or nothing): read until EOF.
    data.resize(S_ISREG(info.st_mode) ? std::size_t(info.st_size) + 1 : 65536);
    std::size_t filled = 0;
    for (;;) {
        if (filled == data.size()) data.resize(data.size() * 2);
        const ssize_t got = ::read(fd, data.data() + filled, data.size() - filled);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(Error::Code::io, path + ": read failed: " + std::strerror(errno));
        }
        if (got == 0) break;
        filled += std::size_t(got);
    }
    data.resize(filled);
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
