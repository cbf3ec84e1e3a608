#include "ingest/file_slices.hpp"

#include "common/gzip.hpp"
#include "ingest/readers.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace td::ingest {
namespace {

constexpr std::size_t probe_bytes = 64 << 10;

struct FileCloser {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Up to probe_bytes from `offset`; short at the end of the file.
std::string read_at(std::FILE* file, const std::string& path, std::uint64_t offset) {
    std::string bytes(probe_bytes, '\0');
    if (fseeko(file, static_cast<off_t>(offset), SEEK_SET) != 0)
        throw Error(Error::Code::io, path + ": cannot seek to byte " + std::to_string(offset) + ": " + std::strerror(errno));
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file));
    if (std::ferror(file)) throw Error(Error::Code::io, path + ": read error: " + std::strerror(errno));
    return bytes;
}

bool starts_json_lines(std::string_view head) {
    if (gzip::has_magic(head)) return false;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '{';
}

// The first line start at or after `from` whose line begins with '{'; `end` when there is none.
std::uint64_t next_record_start(std::FILE* file, const std::string& path, std::uint64_t from, std::uint64_t end) {
    for (std::uint64_t offset = from - 1; offset + 1 < end;) {  // from - 1: a newline right before `from`
        const std::string bytes = read_at(file, path, offset);
        if (bytes.size() < 2) break;
        for (std::size_t i = bytes.find('\n'); i != std::string::npos && i + 1 < bytes.size(); i = bytes.find('\n', i + 1))
            if (bytes[i + 1] == '{') return offset + i + 1;
        offset += bytes.size() - 1;  // the last byte again: it may be the newline of a match
    }
    return end;
}

}  // namespace

std::vector<FileRange> json_lines_ranges(const std::string& path, const ReadOptions& options,
                                         std::size_t max_slices, std::uint64_t min_slice_bytes) {
    std::error_code ec;
    const std::uint64_t size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    const std::vector<FileRange> whole{{0, size}};
    if (ec || options.format == InputFormat::csv || max_slices < 2 || size < 2 * std::max<std::uint64_t>(min_slice_bytes, 1))
        return whole;
    const File file(std::fopen(path.c_str(), "rb"));
    if (!file) return whole;  // read_tweets reports why
    if (!starts_json_lines(read_at(file.get(), path, 0))) return whole;

    const std::size_t slices = static_cast<std::size_t>(std::min<std::uint64_t>(max_slices, size / std::max<std::uint64_t>(min_slice_bytes, 1)));
    std::vector<FileRange> ranges;
    std::uint64_t begin = 0;
    for (std::size_t k = 1; k < slices; ++k) {
        const std::uint64_t target = std::max(size * k / slices, begin + 1);
        const std::uint64_t start = next_record_start(file.get(), path, target, size);
        if (start >= size) break;
        ranges.push_back({begin, start - begin});
        begin = start;
    }
    ranges.push_back({begin, size - begin});
    return ranges;
}

std::uint64_t read_json_lines_range(const std::string& path, const FileRange& range, bool last,
                                    const ReadOptions& options,
                                    const std::function<void(Tweet&&)>& on_tweet,
                                    const std::function<void(Diagnostic&&)>& on_diagnostic) {
    ByteStream stream = ByteStream::open_file_range(path, range.begin, range.length);
    RecordSink sink(path, options, on_tweet, on_diagnostic);
    LineReader lines(stream, max_record_bytes);
    read_json_records(lines, sink, options.format, last ? RecordsEnd::input_ends : RecordsEnd::next_record_follows);
    if (!stream.failure().empty()) {
        sink.at(lines.current_line(), lines.bytes_consumed());
        sink.error(stream.failure() + "; the records before it were kept");
    }
    return lines.current_line() - 1;
}

}  // namespace td::ingest
