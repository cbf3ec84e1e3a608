#include "ingest/file_slices.hpp"

#include "common/gzip.hpp"
#include "ingest/readers.hpp"

#include <filesystem>

namespace td::ingest {
namespace {

constexpr std::size_t probe_bytes = 64 << 10;

bool starts_json_lines(std::string_view head) {
    if (gzip::has_magic(head)) return false;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '{';
}

// The first line start at or after `from` whose line begins with '{'; `end` when there is none.
std::uint64_t next_record_start(const std::string& path, std::uint64_t from, std::uint64_t end) {
    for (std::uint64_t offset = from - 1; offset + 1 < end;) {  // from - 1: a newline right before `from`
        const std::string bytes = ByteStream::read_file_bytes(path, offset, probe_bytes);
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
    std::string head;
    try {
        head = ByteStream::read_file_bytes(path, 0, probe_bytes);
    } catch (const Error&) {
        return whole;  // reading it whole reports why
    }
    if (!starts_json_lines(head)) return whole;

    const std::size_t slices = static_cast<std::size_t>(std::min<std::uint64_t>(max_slices, size / std::max<std::uint64_t>(min_slice_bytes, 1)));
    std::vector<FileRange> ranges;
    std::uint64_t begin = 0;
    for (std::size_t k = 1; k < slices; ++k) {
        const std::uint64_t target = std::max(size * k / slices, begin + 1);
        const std::uint64_t start = next_record_start(path, target, size);
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
    report_stream_failure(stream, lines, sink);
    return lines.current_line() - 1;
}

}  // namespace td::ingest
