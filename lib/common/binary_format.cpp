#include "common/binary_format.hpp"

#include "common/utf8.hpp"

#include <zlib.h>

#include <bit>
#include <cmath>
#include <limits>

namespace td::binary {

std::uint32_t crc32_of(std::string_view data) noexcept {
    return std::uint32_t(::crc32(0L, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size())));
}

void Writer::key(std::string_view k) {
    std::size_t shared = 0;
    while (shared < k.size() && shared < previous_.size() && k[shared] == previous_[shared]) ++shared;
    varint(shared);
    bytes(k.substr(shared));
    previous_.assign(k);
}

void Reader::fail_at(std::size_t position, const std::string& message) const {
    throw Error(Error::Code::parse, std::string(what_) + ": byte " + std::to_string(position) + ": " + message);
}

int Reader::day() {
    const std::size_t at = pos_;
    const std::int64_t day = signed_varint();
    if (day < std::numeric_limits<int>::min() || day > std::numeric_limits<int>::max()) fail_at(at, "day out of range");
    return int(day);
}

std::uint64_t Reader::count(std::size_t min_bytes) {
    const std::uint64_t n = varint();
    if (n > (data_.size() - pos_) / min_bytes) fail("count " + std::to_string(n) + " runs past the end");
    return n;
}

std::string_view Reader::bytes() {
    const std::uint64_t n = varint();
    if (n > data_.size() - pos_) fail("length " + std::to_string(n) + " runs past the end");
    const std::string_view s = data_.substr(pos_, std::size_t(n));
    pos_ += std::size_t(n);
    return s;
}

std::string_view Reader::raw(std::size_t n) {
    if (n > data_.size() - pos_) fail(std::to_string(n) + " bytes run past the end");
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
}

std::string_view Reader::text() {
    const std::size_t at = pos_;
    const std::string_view s = bytes();
    if (utf8::find_invalid(s) != std::string_view::npos) fail_at(at, "text is not valid UTF-8");
    return s;
}

const std::string& Reader::key() {
    const std::size_t at = pos_;
    const std::uint64_t shared = varint();
    if (shared > previous_.size()) fail_at(at, "shared prefix longer than the previous key");
    const std::string_view suffix = bytes();
    if (first_) {
        previous_.assign(suffix);
        first_ = false;
    } else {
        // The key is the previous one's first `shared` bytes plus the suffix; it must sort after it.
        const std::string_view old_rest = std::string_view(previous_).substr(std::size_t(shared));
        if (suffix <= old_rest) fail_at(at, "keys out of order");
        previous_.resize(std::size_t(shared));
        previous_.append(suffix);
    }
    if (utf8::find_invalid(previous_) != std::string_view::npos) fail_at(at, "key is not valid UTF-8");
    return previous_;
}

double Reader::finite_double() {
    const std::size_t at = pos_;
    const double value = std::bit_cast<double>(fixed(8));
    if (!std::isfinite(value)) fail_at(at, "number is not finite");
    return value;
}

Reader open_checked(std::string_view bytes, std::string_view magic, unsigned char version, std::string_view what) {
    const Reader whole(bytes, what);
    if (bytes.size() < magic.size() + 1 + 4) whole.fail_at(bytes.size(), "truncated");
    if (bytes.substr(0, magic.size()) != magic) whole.fail_at(0, "not " + std::string(what) + " (bad magic)");
    const std::size_t crc_at = bytes.size() - 4;
    const std::string_view body = bytes.substr(0, crc_at);
    std::uint32_t stored = 0;
    for (int i = 0; i < 4; ++i) stored |= std::uint32_t(static_cast<unsigned char>(bytes[crc_at + std::size_t(i)])) << (8 * i);
    Reader r(body, what);
    for (std::size_t i = 0; i < magic.size(); ++i) r.byte();
    if (const unsigned char v = r.byte(); v != version)
        r.fail_at(magic.size(), "unsupported version " + std::to_string(v) + " (this library reads version " +
                                    std::to_string(version) + ")");
    if (stored != crc32_of(body)) whole.fail_at(crc_at, "checksum mismatch (truncated or corrupt)");
    return r;
}

}  // namespace td::binary
