#include "history/background.hpp"

#include "terms/shared_frequencies.hpp"
#include "terms/stats_reader.hpp"

#include <algorithm>
#include <map>

namespace td::history {
namespace {

struct DayReader {
    TermFrequencies& frequencies;
    std::vector<int>& days;
    const std::vector<std::string_view>& wanted_display;  // sorted
    std::map<std::string, std::string>& display_of_wanted;

    void documents(std::uint64_t n) { frequencies = TermFrequencies(n); }
    void term_count(std::uint64_t n) { frequencies.reserve(std::size_t(n)); }
    void term(const std::string& key, const terms::StoredTerm& t) {
        frequencies.add_sorted(key, t.document_frequency);  // read_stats verified the order
    }
    void day(int day, std::uint64_t) {
        if (days.empty() || days.back() != day) days.push_back(day);  // a day's terms mostly share one date
    }
    void surface(const std::string&) {}
    void form(std::string_view, std::uint64_t) {}
    void display(const std::string& key, std::string_view shown) {
        if (std::binary_search(wanted_display.begin(), wanted_display.end(), key))
            display_of_wanted.emplace(key, shown);
    }
};

}  // namespace

std::vector<int> read_day_terms(std::string_view bytes, PastDay& day) {
    TermFrequencies frequencies;
    std::vector<int> days;
    std::map<std::string, std::string> display;
    std::vector<std::string_view> wanted(day.top_terms.begin(), day.top_terms.end());
    std::sort(wanted.begin(), wanted.end());
    DayReader reader{frequencies, days, wanted, display};
    terms::read_stats(bytes, reader);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    day.terms = std::move(frequencies);
    day.top_term_display = std::move(display);
    return days;
}

void BackgroundSum::add(const TermFrequencies& frequencies, const std::vector<int>& stats_days) {
    documents_ += frequencies.documents();
    days_.insert(stats_days.begin(), stats_days.end());
    for (std::size_t i = 0; i < frequencies.size(); ++i) add(frequencies.key_at(i), frequencies.document_frequency_at(i));
}

void BackgroundSum::add(const std::shared_ptr<const TermFrequencies::Shared>& shared, std::size_t table,
                        const std::vector<int>& stats_days) {
    if (shared_ != shared) {
        fold_shared();
        shared_ = shared;
        by_shared_id_.assign(shared->key_count(), 0);
    }
    const TermFrequencies::Shared::Table& t = shared->tables[table];
    documents_ += t.documents;
    days_.insert(stats_days.begin(), stats_days.end());
    for (std::size_t i = 0; i < t.size; ++i)
        by_shared_id_[TermFrequencies::Shared::id_at(t, i)] += TermFrequencies::Shared::frequency_at(t, i);
}

void BackgroundSum::fold_shared() {
    for (std::size_t id = 0; id < by_shared_id_.size(); ++id)
        if (by_shared_id_[id] != 0) add(shared_->key(id), by_shared_id_[id]);
    shared_.reset();
    by_shared_id_.clear();
}

void BackgroundSum::add(std::string_view key, std::uint64_t document_frequency) {
    terms_.value(terms_.try_emplace(key).first) += document_frequency;
}

void BackgroundSum::merge(BackgroundSum&& other) {
    if (other.shared_ && !shared_) {
        shared_ = std::move(other.shared_);
        by_shared_id_ = std::move(other.by_shared_id_);
        other.shared_.reset();
    } else if (other.shared_ && other.shared_ == shared_) {
        for (std::size_t id = 0; id < by_shared_id_.size(); ++id) by_shared_id_[id] += other.by_shared_id_[id];
        other.shared_.reset();
        other.by_shared_id_.clear();
    }
    other.fold_shared();
    documents_ += other.documents_;
    days_.merge(other.days_);
    if (terms_.size() == 0) {
        terms_ = std::move(other.terms_);
        return;
    }
    for (std::size_t i = 0; i < other.terms_.size(); ++i) add(other.terms_.key(i), other.terms_.value(i));
}

TermStats BackgroundSum::finish() && {
    fold_shared();
    TermStats stats;
    stats.documents = documents_;
    for (const std::size_t i : terms_.indices_by_key())
        stats.terms.emplace_hint(stats.terms.end(), std::string(terms_.key(i)), TermCounts{})->second.document_frequency =
            terms_.value(i);
    return stats;
}

}  // namespace td::history
