#pragma once
// The primitives of the library's binary files (term stats, the history index): LEB128 varints,
// zigzag-coded signed values, length-prefixed bytes, front-coded increasing keys, little-endian
// fixed-width integers, and a CRC-32 trailer over everything before it.

#include <tweetdigest/common.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace td::binary {

std::uint32_t crc32_of(std::string_view data) noexcept;
constexpr std::uint64_t zigzag(std::int64_t v) { return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63); }
constexpr std::int64_t unzigzag(std::uint64_t v) { return std::int64_t(v >> 1) ^ -std::int64_t(v & 1); }

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
    void signed_varint(std::int64_t v) { varint(zigzag(v)); }
    void bytes(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    // Keys must increase between reset_keys() calls; each is stored as the length it shares with
    // the previous one and the rest.
    void key(std::string_view k);
    void reset_keys() { previous_.clear(); }
    void fixed(std::uint64_t v, int width) {
        for (int i = 0; i < width; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
    }
    void raw(std::string_view s) { out_.append(s); }
    void crc32_trailer() { fixed(crc32_of(out_), 4); }
    std::string& out() { return out_; }

private:
    std::string out_;
    std::string previous_;
};

// Reads what Writer wrote; every malformed value throws Error(parse) "<what>: byte N: <reason>".
class Reader {
public:
    Reader(std::string_view data, std::string_view what) : data_(data), what_(what) {}
    [[noreturn]] void fail(const std::string& message) const { fail_at(pos_, message); }
    [[noreturn]] void fail_at(std::size_t position, const std::string& message) const;
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
    std::int64_t signed_varint() { return unzigzag(varint()); }
    int day();  // a signed varint in int range
    // A count of items of at least `min_bytes` each, bounded by what is left.
    std::uint64_t count(std::size_t min_bytes);
    std::string_view bytes();
    std::string_view raw(std::size_t n);  // the next n bytes as they are
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
    double finite_double();  // 8 bytes; NaN and infinities are rejected
    std::size_t position() const { return pos_; }
    std::size_t size() const { return data_.size(); }
    bool at_end() const { return pos_ == data_.size(); }

private:
    std::string_view data_;
    std::string what_;  // owned: callers often pass a temporary
    std::size_t pos_ = 0;
    std::string previous_;
    bool first_ = true;
};

// A Reader over `bytes` without their CRC-32 trailer, positioned after `magic` and the version
// byte, once all three are checked (Error(parse) naming `what` otherwise).
Reader open_checked(std::string_view bytes, std::string_view magic, unsigned char version, std::string_view what);

}  // namespace td::binary
