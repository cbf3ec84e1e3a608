#pragma once
// File helpers: whole-file reads with clear errors, and atomic writes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace td::files {

// Throws Error(io) naming the path and the system's reason.
std::string read(const std::string& path);
// The same into `data`, reusing its memory (for reading many files of similar size in a row).
void read_into(const std::string& path, std::string& data);
// Writes to "<path>.tmp-<pid>-<n>", flushes, then renames over path, so readers never see a
// half-written file. Throws Error(io) (and removes the temporary file) on any failure.
void write_atomically(const std::string& path, std::string_view bytes);

// A file's (or folder's) size and modification time.
struct FileStamp {
    std::uint64_t bytes = 0;
    std::int64_t modified_ns = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
// Nullopt when the path cannot be examined (missing, no permission).
std::optional<FileStamp> stamp_of(const std::string& path);

// A file's bytes, read-only and shared: mapped into memory (its pages come from the page cache as
// they are read, nothing is copied), or read when it cannot be mapped. Files are replaced by
// renaming (write_atomically), so a mapping keeps the version it opened.
class MappedFile {
public:
    // Nullptr when the file does not exist; Error(io) when it cannot be read.
    static std::shared_ptr<const MappedFile> open(const std::string& path);
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const noexcept { return {data_, size_}; }
    std::int64_t modified_ns() const noexcept { return modified_ns_; }  // when it was opened

private:
    MappedFile() = default;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::string copy_;  // when not mapped
    std::int64_t modified_ns_ = 0;
};

}  // namespace td::files
