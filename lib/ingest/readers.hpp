#pragma once
// The readers for each input layout. Each reads to the end of `lines` and reports every record.

#include "ingest/line_reader.hpp"
#include "ingest/record_sink.hpp"

#include <boost/json/value.hpp>

namespace td::ingest {

// Largest record (JSON document or CSV row) read; longer ones are skipped with a diagnostic.
constexpr std::size_t max_record_bytes = std::size_t{64} << 20;

// Whether the bytes after the lines are the input's end or the start of another record, which
// decides how a record still open at the end is reported.
enum class RecordsEnd { input_ends, next_record_follows };

// JSON values one after another: one per line (JSONL) or spanning lines (pretty-printed pages).
void read_json_records(LineReader& lines, RecordSink& sink, InputFormat format,
                       RecordsEnd end = RecordsEnd::input_ends);
// One JSON array of tweets, optionally behind an archive's "window.YTD.tweets.part0 = " prefix.
void read_json_array(LineReader& lines, RecordSink& sink, InputFormat format);
void read_csv(LineReader& lines, RecordSink& sink);

// Reports, at the lines' current position, why `stream` ended early, if it did.
inline void report_stream_failure(const ByteStream& stream, const LineReader& lines, RecordSink& sink) {
    if (stream.failure().empty()) return;
    sink.at(lines.current_line(), lines.bytes_consumed());
    sink.error(stream.failure() + "; the records before it were kept");
}

// Turns one parsed JSON value (page, tweet, archive entry, error report, array of those) into
// tweets and diagnostics at the sink's current position.
void convert_json_value(const boost::json::value& value, RecordSink& sink, InputFormat format);

}  // namespace td::ingest
