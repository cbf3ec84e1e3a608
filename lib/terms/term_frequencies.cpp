#include "terms/shared_frequencies.hpp"

#include <tweetdigest/terms.hpp>

#include <algorithm>
#include <limits>

namespace td {

TermFrequencies::TermFrequencies(const TermStats& stats) : documents_(stats.documents) {
    reserve(stats.terms.size());
    for (const auto& [key, counts] : stats.terms) add_sorted(key, counts.document_frequency);
}

TermFrequencies::TermFrequencies(std::shared_ptr<const Shared> shared, std::size_t table)
    : documents_(shared->tables.at(table).documents), shared_(std::move(shared)), table_(table) {}

std::size_t TermFrequencies::size() const noexcept {
    return shared_ ? shared_->tables[table_].size : entries_.size();
}

std::string_view TermFrequencies::key_at(std::size_t i) const {
    if (!shared_) return key_of(entries_.at(i));
    const Shared::Table& t = shared_->tables[table_];
    if (i >= t.size) throw std::out_of_range("TermFrequencies::key_at");
    return shared_->key(Shared::id_at(t, i));
}

std::uint64_t TermFrequencies::document_frequency_at(std::size_t i) const {
    if (!shared_) return entries_.at(i).document_frequency;
    const Shared::Table& t = shared_->tables[table_];
    if (i >= t.size) throw std::out_of_range("TermFrequencies::document_frequency_at");
    return Shared::frequency_at(t, i);
}

void TermFrequencies::own() {
    if (!shared_) return;
    const std::shared_ptr<const Shared> shared = std::move(shared_);
    const Shared::Table& t = shared->tables[table_];
    shared_.reset();
    reserve(t.size);
    for (std::size_t i = 0; i < t.size; ++i) add_sorted(shared->key(Shared::id_at(t, i)), Shared::frequency_at(t, i));
}

void TermFrequencies::reserve(std::size_t terms) {
    own();
    entries_.reserve(terms);
    keys_.reserve(terms * 8);
}

void TermFrequencies::add(std::string_view key, std::uint64_t document_frequency) {
    const std::size_t n = size();
    if (n > 0 && key <= key_at(n - 1))
        throw Error(Error::Code::invalid_argument,
                    "term frequencies: key '" + std::string(key) + "' does not follow '" + std::string(key_at(n - 1)) + "'");
    add_sorted(key, document_frequency);
}

void TermFrequencies::add_sorted(std::string_view key, std::uint64_t document_frequency) {
    own();
    if (keys_.size() + key.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error(Error::Code::invalid_argument, "term frequencies: more than 4 GiB of keys");
    entries_.push_back({std::uint32_t(keys_.size()), std::uint32_t(key.size()), document_frequency});
    keys_.append(key);
}

std::uint64_t TermFrequencies::document_frequency(std::string_view key) const {
    if (!shared_) {
        const auto found = std::lower_bound(entries_.begin(), entries_.end(), key,
                                            [this](const Entry& e, std::string_view k) { return key_of(e) < k; });
        return found != entries_.end() && key_of(*found) == key ? found->document_frequency : 0;
    }
    const Shared::Table& t = shared_->tables[table_];
    std::size_t low = 0, high = t.size;  // the first entry whose key is not below `key`
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (shared_->key(Shared::id_at(t, middle)) < key) low = middle + 1;
        else high = middle;
    }
    return low < t.size && shared_->key(Shared::id_at(t, low)) == key ? Shared::frequency_at(t, low) : 0;
}

bool operator==(const TermFrequencies& a, const TermFrequencies& b) {
    if (a.documents() != b.documents() || a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a.key_at(i) != b.key_at(i) || a.document_frequency_at(i) != b.document_frequency_at(i)) return false;
    return true;
}

}  // namespace td
