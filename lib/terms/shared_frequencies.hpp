#pragma once
// TermFrequencies::Shared: tables of document frequencies over one sorted key dictionary, all in
// a read-only buffer owned by `storage` (the history index maps its file into one). The
// dictionary is key_count + 1 u32le offsets into the key bytes; a table is key ids (u32le,
// increasing) and frequencies (u32le or u64le) side by side. The creator validates the bytes;
// lookups trust them.

#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace td {

inline std::uint64_t load_le(const unsigned char* p, unsigned width) noexcept {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < width; ++i) v |= std::uint64_t(p[i]) << (8 * i);
    return v;
}

class TermFrequencies::Shared {
public:
    struct Table {
        std::uint64_t documents = 0;
        const unsigned char* ids = nullptr;
        const unsigned char* frequencies = nullptr;
        std::size_t size = 0;
        unsigned frequency_width = 4;
    };

    Shared(std::shared_ptr<const void> storage, const unsigned char* key_offsets, const char* key_bytes,
           std::size_t key_count)
        : storage_(std::move(storage)), offsets_(key_offsets), bytes_(key_bytes), key_count_(key_count) {}

    std::size_t key_count() const noexcept { return key_count_; }
    std::string_view key(std::size_t id) const noexcept {
        const std::size_t begin = std::size_t(load_le(offsets_ + 4 * id, 4)),
                          end = std::size_t(load_le(offsets_ + 4 * (id + 1), 4));
        return {bytes_ + begin, end - begin};
    }
    static std::uint32_t id_at(const Table& t, std::size_t i) noexcept { return std::uint32_t(load_le(t.ids + 4 * i, 4)); }
    static std::uint64_t frequency_at(const Table& t, std::size_t i) noexcept {
        return load_le(t.frequencies + t.frequency_width * i, t.frequency_width);
    }

    std::vector<Table> tables;

private:
    std::shared_ptr<const void> storage_;
    const unsigned char* offsets_;
    const char* bytes_;
    std::size_t key_count_;
};

}  // namespace td
