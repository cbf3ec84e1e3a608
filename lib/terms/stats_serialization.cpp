// The binary form of TermStats, version 1 (all integers are LEB128 varints unless noted):
//   "TDTS" u8:version documents term_count
//   per term, keys strictly increasing and front-coded (shared_prefix suffix_length suffix):
//     u8:kind frequency document_frequency f64le:engagement spread day_count
//     per day, strictly increasing: zigzag(day) count
//   surface_key_count, per key (front-coded, increasing): form_count, per form (increasing):
//     length bytes count
//   display_count, per key (front-coded, increasing): length bytes
//   u32le: CRC-32 of everything before it
// Keys, surface forms and display forms are UTF-8 (the reader rejects anything else).
#include "terms/stats_internal.hpp"
#include "terms/stats_reader.hpp"

#include "common/utf8.hpp"

#include <tweetdigest/common.hpp>

#include <zlib.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace td {
namespace {

constexpr std::string_view magic = "TDTS";
constexpr unsigned char version = 1;

class Writer {
public:
    void byte(unsigned char b) { out_.push_back(char(b)); }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            byte(static_cast<unsigned char>(v | 0x80));
            v >>= 7;
        }
        byte(static_cast<unsigned char>(v));
    }
    void bytes(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    void key(std::string_view k) {
        std::size_t shared = 0;
        while (shared < k.size() && shared < previous_.size() && k[shared] == previous_[shared]) ++shared;
        varint(shared);
        bytes(k.substr(shared));
        previous_.assign(k);
    }
    void reset_keys() { previous_.clear(); }
    void fixed(std::uint64_t v, int width) {
        for (int i = 0; i < width; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
    }
    std::string& out() { return out_; }

private:
    std::string out_;
    std::string previous_;
};

std::uint64_t zigzag(std::int64_t v) { return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return std::int64_t(v >> 1) ^ -std::int64_t(v & 1); }

std::uint32_t crc(std::string_view data) {
    return std::uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size())));
}

}  // namespace

std::string TermStats::serialize() const {
    Writer w;
    w.out().append(magic);
    w.byte(version);
    w.varint(documents);
    w.varint(terms.size());
    for (const auto& [key, t] : terms) {
        w.key(key);
        w.byte(static_cast<unsigned char>(t.kind));
        w.varint(t.frequency);
        w.varint(t.document_frequency);
        w.fixed(std::bit_cast<std::uint64_t>(t.engagement), 8);
        w.varint(t.spread);
        w.varint(t.per_day.size());
        for (const auto& [day, n] : t.per_day) {
            w.varint(zigzag(day));
            w.varint(n);
        }
    }
    w.reset_keys();
    w.varint(surface_forms.size());
    for (const auto& [key, forms] : surface_forms) {
        w.key(key);
        w.varint(forms.size());
        for (const auto& [form, n] : forms) {
            w.bytes(form);
            w.varint(n);
        }
    }
    w.reset_keys();
    w.varint(display.size());
    for (const auto& [key, shown] : display) {
        w.key(key);
        w.bytes(shown);
    }
    const std::uint32_t checksum = crc(w.out());
    w.fixed(checksum, 4);
    return std::move(w.out());
}

namespace terms {

void StatsReader::fail(const std::string& message) const {
    throw Error(Error::Code::parse, "term stats: byte " + std::to_string(pos_) + ": " + message);
}

std::uint64_t StatsReader::count(std::size_t min_bytes) {
    const std::uint64_t n = varint();
    if (n > (data_.size() - pos_) / min_bytes) fail("count " + std::to_string(n) + " runs past the end");
    return n;
}

std::string_view StatsReader::bytes() {
    const std::uint64_t n = varint();
    if (n > data_.size() - pos_) fail("length " + std::to_string(n) + " runs past the end");
    const std::string_view s = data_.substr(pos_, std::size_t(n));
    pos_ += std::size_t(n);
    return s;
}

std::string_view StatsReader::text() {
    const std::size_t at = pos_;
    const std::string_view s = bytes();
    if (utf8::find_invalid(s) != std::string_view::npos) {
        pos_ = at;
        fail("text is not valid UTF-8");
    }
    return s;
}

const std::string& StatsReader::key() {
    const std::size_t at = pos_;
    const std::uint64_t shared = varint();
    if (shared > previous_.size()) fail("shared prefix longer than the previous key");
    const std::string_view suffix = bytes();
    if (first_) {
        previous_.assign(suffix);
        first_ = false;
    } else {
        // The key is the previous one's first `shared` bytes plus the suffix; it must sort after it.
        const std::string_view old_rest = std::string_view(previous_).substr(std::size_t(shared));
        if (suffix <= old_rest) {
            pos_ = at;
            fail("keys out of order");
        }
        previous_.resize(std::size_t(shared));
        previous_.append(suffix);
    }
    if (utf8::find_invalid(previous_) != std::string_view::npos) {
        pos_ = at;
        fail("key is not valid UTF-8");
    }
    return previous_;
}

int StatsReader::day() {
    const std::int64_t day = unzigzag(varint());
    if (day < std::numeric_limits<int>::min() || day > std::numeric_limits<int>::max()) fail("day out of range");
    return int(day);
}

StoredTerm StatsReader::term() {
    StoredTerm t;
    const unsigned char kind = byte();
    if (kind > static_cast<unsigned char>(TermKind::mention)) fail("unknown term kind " + std::to_string(kind));
    t.kind = static_cast<TermKind>(kind);
    t.frequency = varint();
    t.document_frequency = varint();
    t.engagement = std::bit_cast<double>(fixed(8));
    if (!std::isfinite(t.engagement) || t.engagement < 0) fail("engagement is not a finite non-negative number");
    t.spread = varint();
    return t;
}

StatsReader open_stats(std::string_view bytes) {
    if (bytes.size() < magic.size() + 1 + 4)
        throw Error(Error::Code::parse, "term stats: byte " + std::to_string(bytes.size()) + ": truncated");
    if (bytes.substr(0, magic.size()) != magic) StatsReader("").fail("not term statistics (bad magic)");
    const std::string_view body = bytes.substr(0, bytes.size() - 4);
    const std::size_t crc_at = bytes.size() - 4;
    std::uint32_t stored = 0;
    for (int i = 0; i < 4; ++i) stored |= std::uint32_t(static_cast<unsigned char>(bytes[crc_at + std::size_t(i)])) << (8 * i);
    StatsReader r(body);
    for (std::size_t i = 0; i < magic.size(); ++i) r.byte();
    if (const unsigned char v = r.byte(); v != version)
        r.fail("unsupported version " + std::to_string(v) + " (this library reads version 1)");
    if (stored != crc(body))
        throw Error(Error::Code::parse, "term stats: byte " + std::to_string(crc_at) +
                                            ": checksum mismatch (truncated or corrupt)");
    return r;
}

namespace {

// Builds the maps; every key, day and form arrives in increasing order, so each insertion goes
// at the end (hinted).
struct Builder {
    TermStats& stats;
    TermCounts* current = nullptr;
    std::map<std::string, std::uint64_t>* forms = nullptr;

    void documents(std::uint64_t n) { stats.documents = n; }
    void term_count(std::uint64_t) {}
    void term(const std::string& key, const StoredTerm& t) {
        current = &stats.terms.emplace_hint(stats.terms.end(), key, TermCounts{})->second;
        current->kind = t.kind;
        current->frequency = t.frequency;
        current->document_frequency = t.document_frequency;
        current->engagement = t.engagement;
        current->spread = t.spread;
    }
    void day(int day, std::uint64_t n) { current->per_day.emplace_hint(current->per_day.end(), day, n); }
    void surface(const std::string& key) {
        forms = &stats.surface_forms.emplace_hint(stats.surface_forms.end(), key,
                                                  std::map<std::string, std::uint64_t>{})->second;
    }
    void form(std::string_view form, std::uint64_t n) { forms->emplace_hint(forms->end(), std::string(form), n); }
    void display(const std::string& key, std::string_view shown) {
        stats.display.emplace_hint(stats.display.end(), key, std::string(shown));
    }
};

}  // namespace
}  // namespace terms

TermStats TermStats::deserialize(std::string_view bytes) {
    TermStats stats;
    terms::Builder builder{stats};
    terms::read_stats(bytes, builder);
    return stats;
}

}  // namespace td
