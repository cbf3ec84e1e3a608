#include "common/files.hpp"

#include <tweetdigest/common.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace td::files {
namespace {

// A file open for reading and its status, closed when it goes.
struct OpenFile {
    // With `missing_ok`, a file that does not exist leaves fd at -1; any other failure is Error(io).
    OpenFile(const std::string& path, bool missing_ok) {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            if (missing_ok && errno == ENOENT) return;
            throw Error(Error::Code::io, path + ": cannot open: " + std::strerror(errno));
        }
        if (::fstat(fd, &info) != 0) {
            const int saved = errno;
            ::close(fd);
            throw Error(Error::Code::io, path + ": cannot stat: " + std::strerror(saved));
        }
    }
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    int fd = -1;
    struct stat info {};
};

FileStamp stamp_from(const struct stat& info) {
    return {std::uint64_t(info.st_size),
            std::int64_t(info.st_mtim.tv_sec) * 1'000'000'000 + std::int64_t(info.st_mtim.tv_nsec)};
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return stamp_from(info);
}

std::string read(const std::string& path) {
    std::string data;
    read_into(path, data);
    return data;
}

void read_into(const std::string& path, std::string& data) {
    const OpenFile file(path, false);
    const int fd = file.fd;
    const struct stat& info = file.info;
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

std::shared_ptr<const MappedFile> MappedFile::open(const std::string& path) {
    const OpenFile opened(path, true);
    if (opened.fd < 0) return nullptr;
    const int fd = opened.fd;
    const struct stat& info = opened.info;
    if (!S_ISREG(info.st_mode)) throw Error(Error::Code::io, path + ": is not a regular file");
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->modified_ns_ = stamp_from(info).modified_ns;
    if (info.st_size > 0) {
        void* data = ::mmap(nullptr, std::size_t(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (data != MAP_FAILED) {
            file->data_ = static_cast<const char*>(data);
            file->size_ = std::size_t(info.st_size);
            file->mapped_ = true;
            return file;
        }
    }
    read_into(path, file->copy_);
    file->data_ = file->copy_.data();
    file->size_ = file->copy_.size();
    return file;
}

MappedFile::~MappedFile() {
    if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace td::files

namespace td {

std::string read_file(const std::string& path) { return files::read(path); }

void write_file_atomically(const std::string& path, std::string_view bytes) {
    files::write_atomically(path, bytes);
}

}  // namespace td
