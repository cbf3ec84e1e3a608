#include "history/background.hpp"

#include "terms/stats_reader.hpp"

#include <algorithm>

namespace td::history {
namespace {

struct DayReader {
    TermFrequencies& frequencies;
    std::set<int>& days;
    const std::vector<std::string_view>& wanted_display;  // sorted
    std::map<std::string, std::string>& display_of_wanted;

    void documents(std::uint64_t n) { frequencies = TermFrequencies(n); }
    void term_count(std::uint64_t n) { frequencies.reserve(std::size_t(n)); }
    void term(const std::string& key, const terms::StoredTerm& t) {
        frequencies.add_sorted(key, t.document_frequency);  // read_stats verified the order
    }
    void day(int day, std::uint64_t) {
        if (days.empty() || *days.rbegin() != day) days.insert(day);  // a day's terms share one date
    }
    void surface(const std::string&) {}
    void form(std::string_view, std::uint64_t) {}
    void display(const std::string& key, std::string_view shown) {
        if (std::binary_search(wanted_display.begin(), wanted_display.end(), key))
            display_of_wanted.emplace(key, shown);
    }
};

}  // namespace

void BackgroundSum::add_day(std::string_view bytes, PastDay& day) {
    TermFrequencies frequencies;
    std::set<int> days;
    std::map<std::string, std::string> display;
    wanted_.assign(day.top_terms.begin(), day.top_terms.end());
    std::sort(wanted_.begin(), wanted_.end());
    DayReader reader{frequencies, days, wanted_, display};
    terms::read_stats(bytes, reader);

    documents_ += frequencies.documents();
    days_.insert(days.begin(), days.end());
    for (std::size_t i = 0; i < frequencies.size(); ++i) add(frequencies.key_at(i), frequencies.document_frequency_at(i));
    day.terms = std::move(frequencies);
    day.top_term_display = std::move(display);
}

void BackgroundSum::add(std::string_view key, std::uint64_t document_frequency) {
    terms_.value(terms_.try_emplace(key).first) += document_frequency;
}

void BackgroundSum::merge(BackgroundSum&& other) {
    documents_ += other.documents_;
    days_.merge(other.days_);
    if (terms_.size() == 0) {
        terms_ = std::move(other.terms_);
        return;
    }
    for (std::size_t i = 0; i < other.terms_.size(); ++i) add(other.terms_.key(i), other.terms_.value(i));
}

TermStats BackgroundSum::finish() && {
    TermStats stats;
    stats.documents = documents_;
    for (const std::size_t i : terms_.indices_by_key())
        stats.terms.emplace_hint(stats.terms.end(), std::string(terms_.key(i)), TermCounts{})->second.document_frequency =
            terms_.value(i);
    return stats;
}

}  // namespace td::history
