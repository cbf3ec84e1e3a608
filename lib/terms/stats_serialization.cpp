// The binary form of TermStats, version 1 (all integers are LEB128 varints unless noted):
//   "TDTS" u8:version documents term_count
//   per term, keys strictly increasing and front-coded (shared_prefix suffix_length suffix):
//     u8:kind frequency document_frequency f64le:engagement spread day_count
//     per day, strictly increasing: zigzag(day) count
//   surface_key_count, per key (front-coded, increasing): form_count, per form (increasing):
//     length bytes count
//   display_count, per key (front-coded, increasing): length bytes
//   u32le: CRC-32 of everything before it
#include "terms/stats_internal.hpp"

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

class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}
    [[noreturn]] void fail(const std::string& message) const {
        throw Error(Error::Code::parse, "term stats: byte " + std::to_string(pos_) + ": " + message);
    }
    unsigned char byte() {
        if (pos_ >= data_.size()) fail("truncated");
        return static_cast<unsigned char>(data_[pos_++]);
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const unsigned char b = byte();
            if (shift == 63 && b > 1) fail("varint overflows 64 bits");
            v |= std::uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        fail("varint too long");
    }
    std::size_t length() {
        const std::uint64_t n = varint();
        if (n > data_.size() - pos_) fail("length " + std::to_string(n) + " runs past the end");
        return std::size_t(n);
    }
    // A count of items of at least `min_bytes` each, bounded by what is left.
    std::uint64_t count(std::size_t min_bytes) {
        const std::uint64_t n = varint();
        if (n > (data_.size() - pos_) / min_bytes) fail("count " + std::to_string(n) + " runs past the end");
        return n;
    }
    std::string_view bytes() {
        const std::size_t n = length();
        const std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    const std::string& key() {
        const std::size_t at = pos_;
        const std::uint64_t shared = varint();
        if (shared > previous_.size()) fail("shared prefix longer than the previous key");
        const std::string_view suffix = bytes();
        std::string next = previous_.substr(0, std::size_t(shared));
        next.append(suffix);
        if (!first_ && next <= previous_) {
            pos_ = at;
            fail("keys out of order");
        }
        first_ = false;
        previous_ = std::move(next);
        return previous_;
    }
    void reset_keys() {
        previous_.clear();
        first_ = true;
    }
    std::uint64_t fixed(int width) {
        std::uint64_t v = 0;
        for (int i = 0; i < width; ++i) v |= std::uint64_t(byte()) << (8 * i);
        return v;
    }
    std::size_t position() const { return pos_; }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
    std::string previous_;
    bool first_ = true;
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

TermStats TermStats::deserialize(std::string_view bytes) {
    if (bytes.size() < magic.size() + 1 + 4)
        throw Error(Error::Code::parse, "term stats: byte " + std::to_string(bytes.size()) + ": truncated");
    if (bytes.substr(0, magic.size()) != magic) Reader("").fail("not term statistics (bad magic)");
    const std::string_view body = bytes.substr(0, bytes.size() - 4);
    const std::size_t crc_at = bytes.size() - 4;
    std::uint32_t stored = 0;
    for (int i = 0; i < 4; ++i) stored |= std::uint32_t(static_cast<unsigned char>(bytes[crc_at + std::size_t(i)])) << (8 * i);
    Reader r(body);
    for (std::size_t i = 0; i < magic.size(); ++i) r.byte();
    if (const unsigned char v = r.byte(); v != version)
        r.fail("unsupported version " + std::to_string(v) + " (this library reads version 1)");
    if (stored != crc(body))
        throw Error(Error::Code::parse, "term stats: byte " + std::to_string(crc_at) +
                                            ": checksum mismatch (truncated or corrupt)");
    TermStats stats;
    stats.documents = r.varint();
    const std::uint64_t term_count = r.count(13);
    // Keys and days are verified to increase, so every insertion goes at the end (hinted).
    for (std::uint64_t i = 0; i < term_count; ++i) {
        const auto term = stats.terms.emplace_hint(stats.terms.end(), r.key(), TermCounts{});
        TermCounts& t = term->second;
        const unsigned char kind = r.byte();
        if (kind > static_cast<unsigned char>(TermKind::mention)) r.fail("unknown term kind " + std::to_string(kind));
        t.kind = static_cast<TermKind>(kind);
        t.frequency = r.varint();
        t.document_frequency = r.varint();
        t.engagement = std::bit_cast<double>(r.fixed(8));
        if (!std::isfinite(t.engagement) || t.engagement < 0) r.fail("engagement is not a finite non-negative number");
        t.spread = r.varint();
        const std::uint64_t days = r.count(2);
        bool first = true;
        int previous = 0;
        for (std::uint64_t d = 0; d < days; ++d) {
            const std::int64_t day = unzigzag(r.varint());
            if (day < std::numeric_limits<int>::min() || day > std::numeric_limits<int>::max())
                r.fail("day out of range");
            if (!first && int(day) <= previous) r.fail("days out of order");
            first = false;
            previous = int(day);
            t.per_day.emplace_hint(t.per_day.end(), int(day), r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t surface_count = r.count(3);
    for (std::uint64_t i = 0; i < surface_count; ++i) {
        auto& forms = stats.surface_forms.emplace_hint(stats.surface_forms.end(), r.key(),
                                                       std::map<std::string, std::uint64_t>{})->second;
        const std::uint64_t n = r.count(2);
        for (std::uint64_t k = 0; k < n; ++k) {
            const std::string_view form = r.bytes();
            if (!forms.empty() && form <= forms.rbegin()->first) r.fail("surface forms out of order");
            forms.emplace_hint(forms.end(), std::string(form), r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t display_count = r.count(3);
    for (std::uint64_t i = 0; i < display_count; ++i) {
        const auto shown = stats.display.emplace_hint(stats.display.end(), r.key(), std::string());
        shown->second = r.bytes();
    }
    if (r.position() != body.size()) r.fail("unexpected bytes after the statistics");
    return stats;
}

}  // namespace td
