#pragma once
// An insert-only map from strings to values, for counting many short keys: open addressing over
// a power-of-two table that keeps each key's hash, keys back to back in one buffer, values in
// insertion order. Lookups touch one or two table slots and never divide. Entries are addressed
// by their insertion index; string_views from key() stay valid until the next insertion.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace td {

template <class Value>
class StringMap {
public:
    // The index of key's entry, appended (with a value-initialized Value) when absent; second:
    // whether it was appended.
    std::pair<std::size_t, bool> try_emplace(std::string_view key) {
        if ((entries_.size() + 1) * 4 > slots_.size() * 3) grow();
        const std::uint64_t hash = hash_of(key);
        std::size_t at = std::size_t(hash) & mask_;
        while (slots_[at].index != 0) {
            const Slot& slot = slots_[at];
            if (slot.hash == std::uint32_t(hash) && this->key(slot.index - 1) == key) return {slot.index - 1, false};
            at = (at + 1) & mask_;
        }
        slots_[at] = {std::uint32_t(hash), std::uint32_t(entries_.size() + 1)};
        entries_.push_back({keys_.size(), key.size()});
        keys_.append(key);
        values_.emplace_back();
        return {entries_.size() - 1, true};
    }
    static constexpr std::size_t npos = std::size_t(-1);
    // The index of key's entry, or npos when it is absent.
    std::size_t find(std::string_view key) const {
        if (slots_.empty()) return npos;
        const std::uint64_t hash = hash_of(key);
        for (std::size_t at = std::size_t(hash) & mask_; slots_[at].index != 0; at = (at + 1) & mask_) {
            const Slot& slot = slots_[at];
            if (slot.hash == std::uint32_t(hash) && this->key(slot.index - 1) == key) return slot.index - 1;
        }
        return npos;
    }
    // Room for `entries` entries without growing the table.
    void reserve(std::size_t entries) {
        std::size_t capacity = std::max<std::size_t>(slots_.size(), 64);
        while ((entries + 1) * 4 > capacity * 3) capacity *= 2;
        if (capacity != slots_.size()) rehash(capacity);
        entries_.reserve(entries);
        values_.reserve(entries);
    }
    std::size_t size() const noexcept { return entries_.size(); }
    std::string_view key(std::size_t i) const { return std::string_view(keys_).substr(entries_[i].offset, entries_[i].length); }
    Value& value(std::size_t i) { return values_[i]; }
    // Entry indices in key order (for building an ordered map once counting is done).
    std::vector<std::size_t> indices_by_key() const {
        std::vector<std::size_t> order(entries_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return key(a) < key(b); });
        return order;
    }
    const Value& value(std::size_t i) const { return values_[i]; }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t index = 0;  // entry index + 1; 0: empty
    };
    struct Entry {
        std::size_t offset, length;
    };
    static std::uint64_t hash_of(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }
    void grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }
    void rehash(std::size_t capacity) {
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const std::uint64_t hash = hash_of(key(i));
            std::size_t at = std::size_t(hash) & mask_;
            while (slots_[at].index != 0) at = (at + 1) & mask_;
            slots_[at] = {std::uint32_t(hash), std::uint32_t(i + 1)};
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::vector<Entry> entries_;
    std::string keys_;
    std::vector<Value> values_;
};

}  // namespace td
