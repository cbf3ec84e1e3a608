#include "ingest/readers.hpp"
#include "ingest/timestamps.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <deque>
#include <optional>

namespace td::ingest {
namespace {

struct OwnedLine {
    std::string text;
    std::uint64_t number = 0;
    std::uint64_t offset = 0;
};

// Splits one complete RFC 4180 record ("" is an escaped quote; quoted fields may hold newlines).
std::vector<std::string> split_fields(std::string_view record) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < record.size(); ++i) {
        const char c = record[i];
        if (quoted) {
            if (c != '"') fields.back() += c;
            else if (i + 1 < record.size() && record[i + 1] == '"') fields.back() += '"', ++i;
            else quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::string column_key(std::string_view name) {
    std::string key;
    for (const char c : name) {
        if (c == ' ' || c == '-' || c == '.') key += '_';
        else if (c != '"') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

enum class Column { id, created_at, text, lang, username, name, author_id, likes, retweets, replies, quotes,
                    impressions, bookmarks, conversation_id, reply_to };
constexpr std::size_t column_count = static_cast<std::size_t>(Column::reply_to) + 1;

struct ColumnNames {
    Column column;
    std::initializer_list<std::string_view> names;
};

// Common names in scraper and export tools, most specific first.
const std::array<ColumnNames, column_count> known_columns = {{
    {Column::id, {"id", "tweet_id", "id_str", "tweetid", "status_id"}},
    {Column::created_at, {"created_at", "tweet_created", "tweet_created_at", "date", "datetime", "timestamp",
                  "time", "created"}},
    {Column::text, {"text", "full_text", "content", "rawcontent", "raw_content", "tweet", "tweet_text", "body"}},
    {Column::lang, {"lang", "language"}},
    {Column::username, {"username", "user_username", "screen_name", "user_screen_name", "author_username", "user",
                "author", "handle"}},
    {Column::name, {"name", "user_name", "display_name", "user_displayname", "author_name"}},
    {Column::author_id, {"author_id", "user_id", "user_id_str"}},
    {Column::likes, {"like_count", "likes", "likecount", "favorite_count", "favorites", "favourites_count",
             "favorite", "like"}},
    {Column::retweets, {"retweet_count", "retweets", "retweetcount", "retweet"}},
    {Column::replies, {"reply_count", "replies", "replycount", "reply"}},
    {Column::quotes, {"quote_count", "quotes", "quotecount", "quote"}},
    {Column::impressions, {"impression_count", "impressions", "views", "view_count", "viewcount", "impression"}},
    {Column::bookmarks, {"bookmark_count", "bookmarks"}},
    {Column::conversation_id, {"conversation_id"}},
    {Column::reply_to, {"in_reply_to_status_id", "in_reply_to_tweet_id", "reply_to_id"}},
}};

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 1.64e+18, 1640000000000000000.0: a number that went through a float and lost digits.
bool is_float_number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= 0;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

class CsvTweetReader {
public:
    explicit CsvTweetReader(RecordSink& sink) : sink_(sink) { columns_.fill(-1); }

    void read(LineReader& lines) {
        Line line;
        while (!stopped_ && lines.next(line)) {
            if (line.overlong) {
                sink_.at(line.number, line.offset);
                sink_.error("line longer than " + std::to_string(max_record_bytes) + " bytes, skipped");
                continue;
            }
            feed(OwnedLine{std::string(line.text), line.number, line.offset});
        }
        while (!stopped_ && !pending_.empty()) reject_first_pending_line();
    }

private:
    // Lines join into one record while a quoted field is open (an odd count of quotes so far).
    void feed(OwnedLine line) {
        quotes_ += static_cast<std::size_t>(std::count(line.text.begin(), line.text.end(), '"'));
        pending_bytes_ += line.text.size();
        pending_.push_back(std::move(line));
        if (quotes_ % 2 == 0) {
            std::string record = std::move(pending_.front().text);
            for (std::size_t i = 1; i < pending_.size(); ++i) (record += '\n') += pending_[i].text;
            sink_.at(pending_.front().number, pending_.front().offset);
            pending_.clear();
            quotes_ = pending_bytes_ = 0;
            handle_record(record);
        } else if (pending_bytes_ > max_record_bytes) {
            reject_first_pending_line();
        }
    }

    // The first pending line opened a quote that never closed: report it and reread the rest.
    void reject_first_pending_line() {
        std::deque<OwnedLine> rest = std::move(pending_);
        pending_.clear();
        quotes_ = pending_bytes_ = 0;
        sink_.at(rest.front().number, rest.front().offset);
        sink_.error("CSV row with an unterminated quoted field, skipped");
        rest.pop_front();
        for (OwnedLine& line : rest) feed(std::move(line));
    }

    void handle_record(std::string_view record) {
        if (trim(record).empty()) return;
        std::vector<std::string> fields = split_fields(record);
        if (!have_header_) {
            read_header(fields);
            return;
        }
        ParsedTweet parsed;
        try {
            parsed = convert(fields);
        } catch (const Error& error) {
            sink_.error(error.what());
            return;
        }
        sink_.emit(std::move(parsed));
    }

    void read_header(const std::vector<std::string>& fields) {
        have_header_ = true;
        header_size_ = fields.size();
        std::vector<std::string> keys;
        for (const std::string& field : fields) keys.push_back(column_key(trim(field)));
        for (const ColumnNames& known : known_columns) {
            for (const std::string_view name : known.names) {
                const auto found = std::find(keys.begin(), keys.end(), name);
                if (found == keys.end()) continue;
                columns_[static_cast<std::size_t>(known.column)] = static_cast<int>(found - keys.begin());
                break;
            }
        }
        for (const auto& [column, what] : {std::pair{Column::id, "id"}, {Column::text, "text"}, {Column::created_at, "date"}}) {
            if (columns_[static_cast<std::size_t>(column)] >= 0) continue;
            sink_.error(std::string("CSV header has no ") + what + " column; expected one of the known names");
            stopped_ = true;
            return;
        }
    }

    std::string_view field(const std::vector<std::string>& fields, Column column) const {
        const int index = columns_[static_cast<std::size_t>(column)];
        if (index < 0 || static_cast<std::size_t>(index) >= fields.size()) return {};
        return trim(fields[static_cast<std::size_t>(index)]);
    }

    // A field as the tweet keeps it: invalid UTF-8 replaced with U+FFFD, with a warning.
    std::string valid_field(const std::vector<std::string>& fields, Column column, const char* what) const {
        const std::string_view value = field(fields, column);
        const std::size_t bad = utf8::find_invalid(value);
        if (bad == std::string_view::npos) return std::string(value);
        sink_.warning("invalid UTF-8 at byte " + std::to_string(bad) + " of the " + what + ", replaced with U+FFFD");
        return utf8::make_valid(value);
    }

    std::uint64_t count(const std::vector<std::string>& fields, Column column) const {
        const std::string_view text = field(fields, column);
        if (text.empty()) return 0;
        if (all_digits(text)) {
            std::uint64_t value = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc()) return value;
        } else if (is_float_number(text)) {
            double value = 0;
            std::from_chars(text.data(), text.data() + text.size(), value);
            if (value < 0x1p64) return static_cast<std::uint64_t>(value);
        } else {
            sink_.warning("ignored count \"" + utf8::make_valid(text) + "\": not a number");
            return 0;
        }
        sink_.warning("ignored count \"" + utf8::make_valid(text) + "\": larger than a 64-bit count");
        return 0;
    }

    ParsedTweet convert(const std::vector<std::string>& fields) const {
        if (fields.size() != header_size_)
            sink_.warning("CSV row has " + std::to_string(fields.size()) + " fields, the header " +
                          std::to_string(header_size_));
        ParsedTweet parsed;
        Tweet& tweet = parsed.tweet;
        const std::string_view id_text = field(fields, Column::id);
        if (id_text.empty()) throw Error(Error::Code::parse, "missing id");
        if (all_digits(id_text)) {
            tweet.id = id_text;
        } else if (is_float_number(id_text)) {
            tweet.id = id_text;  // kept as written: the lost digits are not recoverable
            tweet.id_approximate = true;
        } else {
            throw Error(Error::Code::parse, "id \"" + utf8::make_valid(id_text) + "\" is not a number");
        }
        const std::string_view text_field = field(fields, Column::text);
        if (text_field.empty()) throw Error(Error::Code::parse, "missing text");
        if (const std::size_t bad = utf8::find_invalid(text_field); bad != std::string_view::npos) {
            sink_.warning("invalid UTF-8 at byte " + std::to_string(bad) + " of the text, replaced with U+FFFD");
            tweet.text = decode_html_entities(utf8::make_valid(text_field));
        } else {
            tweet.text = decode_html_entities(text_field);
        }
        const std::string_view date = field(fields, Column::created_at);
        if (date.empty()) throw Error(Error::Code::parse, "missing date");
        if (!parse_any_timestamp(date, tweet.created_at))
            throw Error(Error::Code::parse, "invalid date \"" + utf8::make_valid(date) + "\"");

        tweet.lang = valid_field(fields, Column::lang, "language");
        std::string handle = valid_field(fields, Column::username, "username");
        if (handle.starts_with('@')) handle.erase(0, 1);
        tweet.author.username = std::move(handle);
        tweet.author.name = valid_field(fields, Column::name, "author name");
        if (all_digits(field(fields, Column::author_id))) tweet.author.id = field(fields, Column::author_id);
        if (all_digits(field(fields, Column::conversation_id))) tweet.conversation_id = field(fields, Column::conversation_id);
        if (all_digits(field(fields, Column::reply_to))) tweet.reply_to_id = field(fields, Column::reply_to);
        tweet.metrics.likes = count(fields, Column::likes);
        tweet.metrics.retweets = count(fields, Column::retweets);
        tweet.metrics.replies = count(fields, Column::replies);
        tweet.metrics.quotes = count(fields, Column::quotes);
        tweet.metrics.impressions = count(fields, Column::impressions);
        tweet.metrics.bookmarks = count(fields, Column::bookmarks);
        return parsed;
    }

    RecordSink& sink_;
    std::array<int, column_count> columns_{};
    std::size_t header_size_ = 0;
    bool have_header_ = false;
    bool stopped_ = false;
    std::deque<OwnedLine> pending_;
    std::size_t quotes_ = 0;
    std::size_t pending_bytes_ = 0;
};

}  // namespace

void read_csv(LineReader& lines, RecordSink& sink) { CsvTweetReader(sink).read(lines); }

}  // namespace td::ingest
