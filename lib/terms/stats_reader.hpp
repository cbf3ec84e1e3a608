#pragma once
// Reading the binary form of TermStats (format in stats_serialization.cpp) without building it:
// read_stats checks the magic, version and checksum, then hands every record to a visitor in
// stored order. Keys, days and surface forms are verified to increase, counts to fit what is
// left, so a visitor may append without checks. Malformed bytes throw Error(parse) with the offset.

#include <tweetdigest/common.hpp>
#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace td::terms {

// One term record without its per-day counts (those follow through Visitor::day).
struct StoredTerm {
    TermKind kind = TermKind::word;
    std::uint64_t frequency = 0;
    std::uint64_t document_frequency = 0;
    double engagement = 0;
    std::uint64_t spread = 0;
};

class StatsReader {
public:
    explicit StatsReader(std::string_view data) : data_(data) {}
    [[noreturn]] void fail(const std::string& message) const;
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
    // A count of items of at least `min_bytes` each, bounded by what is left.
    std::uint64_t count(std::size_t min_bytes);
    std::string_view bytes();
    std::string_view text();  // bytes that must be valid UTF-8
    // The next front-coded key, verified to be UTF-8 and to follow the previous one.
    const std::string& key();
    void reset_keys() {
        previous_.clear();
        first_ = true;
    }
    std::uint64_t fixed(int width) {
        std::uint64_t v = 0;
        for (int i = 0; i < width; ++i) v |= std::uint64_t(byte()) << (8 * i);
        return v;
    }
    int day();  // zigzag varint, in int range
    StoredTerm term();
    std::size_t position() const { return pos_; }
    std::size_t size() const { return data_.size(); }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
    std::string previous_;
    bool first_ = true;
};

// The body of serialized stats (without the checksum), after checking magic, version and
// checksum, positioned at the document count.
StatsReader open_stats(std::string_view bytes);

// Visitor: documents(n); term_count(n); term(key, StoredTerm) then day(day, n) for each of its days, in
// increasing order; surface(key) then form(form, n) for each of its surface forms; display(key, shown).
template <class Visitor>
void read_stats(std::string_view bytes, Visitor& visitor) {
    StatsReader r = open_stats(bytes);
    visitor.documents(r.varint());
    const std::uint64_t term_count = r.count(13);
    visitor.term_count(term_count);
    for (std::uint64_t i = 0; i < term_count; ++i) {
        const std::string& key = r.key();
        visitor.term(key, r.term());
        const std::uint64_t days = r.count(2);
        int previous = 0;
        for (std::uint64_t d = 0; d < days; ++d) {
            const int day = r.day();
            if (d > 0 && day <= previous) r.fail("days out of order");
            previous = day;
            visitor.day(day, r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t surface_count = r.count(3);
    for (std::uint64_t i = 0; i < surface_count; ++i) {
        visitor.surface(r.key());
        const std::uint64_t n = r.count(2);
        std::string_view previous;
        for (std::uint64_t k = 0; k < n; ++k) {
            const std::string_view form = r.text();
            if (k > 0 && form <= previous) r.fail("surface forms out of order");
            previous = form;
            visitor.form(form, r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t display_count = r.count(3);
    for (std::uint64_t i = 0; i < display_count; ++i) {
        const std::string& key = r.key();
        visitor.display(key, r.text());
    }
    if (r.position() != r.size()) r.fail("unexpected bytes after the statistics");
}

}  // namespace td::terms
