#include <tweetdigest/terms.hpp>

#include <algorithm>
#include <limits>

namespace td {

TermFrequencies::TermFrequencies(const TermStats& stats) : documents_(stats.documents) {
    reserve(stats.terms.size());
    for (const auto& [key, counts] : stats.terms) add_sorted(key, counts.document_frequency);
}

void TermFrequencies::reserve(std::size_t terms) {
    entries_.reserve(terms);
    keys_.reserve(terms * 8);
}

void TermFrequencies::add(std::string_view key, std::uint64_t document_frequency) {
    if (!entries_.empty() && key <= key_of(entries_.back()))
        throw Error(Error::Code::invalid_argument, "term frequencies: key '" + std::string(key) +
                                                       "' does not follow '" + std::string(key_of(entries_.back())) + "'");
    add_sorted(key, document_frequency);
}

void TermFrequencies::add_sorted(std::string_view key, std::uint64_t document_frequency) {
    if (keys_.size() + key.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error(Error::Code::invalid_argument, "term frequencies: more than 4 GiB of keys");
    entries_.push_back({std::uint32_t(keys_.size()), std::uint32_t(key.size()), document_frequency});
    keys_.append(key);
}

std::uint64_t TermFrequencies::document_frequency(std::string_view key) const {
    const auto found = std::lower_bound(entries_.begin(), entries_.end(), key,
                                        [this](const Entry& e, std::string_view k) { return key_of(e) < k; });
    return found != entries_.end() && key_of(*found) == key ? found->document_frequency : 0;
}

}  // namespace td
