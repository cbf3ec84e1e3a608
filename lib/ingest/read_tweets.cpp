#include "ingest/readers.hpp"

#include <tweetdigest/ingest.hpp>

namespace td {
namespace {

using ingest::ByteStream;
using ingest::LineReader;
using ingest::RecordSink;

enum class Layout { json_records, json_array, csv, empty };

Layout detect_layout(LineReader& lines, InputFormat format) {
    const std::string_view head = lines.peek(4096);
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return head.empty() ? Layout::empty : Layout::json_records;
    if (format == InputFormat::csv) return Layout::csv;
    const std::string_view start = head.substr(first);
    if (start.starts_with("window.") || start.front() == '[') return Layout::json_array;
    if (start.front() == '{' || format != InputFormat::automatic) return Layout::json_records;
    return Layout::csv;
}

void read_stream(ByteStream& stream, const std::string& source_name, const ReadOptions& options,
                 const std::function<void(Tweet&&)>& on_tweet,
                 const std::function<void(Diagnostic&&)>& on_diagnostic) {
    RecordSink sink(source_name, options, on_tweet, on_diagnostic);
    LineReader lines(stream, ingest::max_record_bytes);
    switch (detect_layout(lines, options.format)) {
        case Layout::json_records: ingest::read_json_records(lines, sink, options.format); break;
        case Layout::json_array: ingest::read_json_array(lines, sink, options.format); break;
        case Layout::csv: ingest::read_csv(lines, sink); break;
        case Layout::empty:
            if (stream.failure().empty()) {
                sink.at(1, 0);
                sink.warning("empty input: no tweets");
            }
            break;
    }
    ingest::report_stream_failure(stream, lines, sink);
}

}  // namespace

void read_tweets(const std::string& path, const ReadOptions& options,
                 const std::function<void(Tweet&&)>& on_tweet,
                 const std::function<void(Diagnostic&&)>& on_diagnostic) {
    ByteStream stream = ByteStream::open_file(path);
    read_stream(stream, path == "-" ? "<stdin>" : path, options, on_tweet, on_diagnostic);
}

void read_tweets_from_memory(std::string_view data, const std::string& source_name,
                             const ReadOptions& options, const std::function<void(Tweet&&)>& on_tweet,
                             const std::function<void(Diagnostic&&)>& on_diagnostic) {
    ByteStream stream = ByteStream::from_memory(data);
    read_stream(stream, source_name, options, on_tweet, on_diagnostic);
}

}  // namespace td
