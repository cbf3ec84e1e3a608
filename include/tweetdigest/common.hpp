#pragma once
// Errors, diagnostics, dates and time zones shared by every module.

#include <tweetdigest/export.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace td {

// Thrown for failures that stop an operation (unreadable file, invalid options, ...).
// Problems with single records never throw: they become Diagnostics and the rest is kept.
class TD_API Error : public std::runtime_error {
public:
    enum class Code { invalid_argument, io, parse, unsupported, internal };
    Error(Code code, const std::string& message);
    Code code() const noexcept { return code_; }

private:
    Code code_;
};

// A located problem in the input: where (source, 1-based line, 0-based byte offset; both count
// the decompressed content of gzip input) and why.
struct TD_API Diagnostic {
    enum class Severity { warning, error };
    Severity severity = Severity::error;
    std::string source;
    std::uint64_t line = 0;
    std::uint64_t byte_offset = 0;
    std::string message;

    // "source:line: byte N: message" (the form compilers use, so editors can jump to it).
    std::string to_string() const;
};

// A proleptic Gregorian calendar date.
struct TD_API LocalDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    static LocalDate parse(std::string_view iso);  // "YYYY-MM-DD"; throws Error on bad input
    std::string to_string() const;                // "YYYY-MM-DD"
    std::string compact() const;                  // "YYYYMMDD"
    LocalDate next() const;
    int days_since_epoch() const;
    static LocalDate from_days_since_epoch(int days);
    friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

// An IANA time zone (via ICU). Immutable and safe to share between threads.
class TD_API TimeZone {
public:
    // Throws Error(invalid_argument) for a name ICU does not know.
    static TimeZone load(const std::string& iana_name);

    const std::string& name() const noexcept;
    // Offset from UTC in seconds at the given instant (Unix seconds), DST included.
    int offset_seconds_at(std::int64_t unix_seconds) const;
    LocalDate local_date(std::int64_t unix_seconds) const;
    // The first instant (Unix seconds) of a local day; handles days shorter or longer than 24 h.
    std::int64_t start_of_day(const LocalDate& date) const;
    // "YYYY-MM-DD HH:MM:SS +HHMM" in this zone (the seeds' front-matter form).
    std::string format_local(std::int64_t unix_seconds) const;

private:
    struct Impl;
    explicit TimeZone(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> impl_;
};

// Reads a whole file; throws Error(io) naming the path and the reason.
TD_API std::string read_file(const std::string& path);
// Writes through a temporary file in the same folder and renames it into place, so a reader
// never sees a half-written file. Throws Error(io); the temporary file is removed on failure.
TD_API void write_file_atomically(const std::string& path, std::string_view bytes);

// "2021-05-18T19:24:56.000Z" (and offsets) -> Unix seconds; false when not a valid timestamp.
TD_API bool parse_iso8601(std::string_view text, std::int64_t& unix_seconds);
// Unix seconds -> "2021-05-18T19:24:56Z".
TD_API std::string format_iso8601_utc(std::int64_t unix_seconds);

}  // namespace td
