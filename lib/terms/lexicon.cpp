#include "terms/lexicon_impl.hpp"

#include "common/resources.hpp"
#include "common/utf8.hpp"
#include "terms/han_segmenter.hpp"

#include <algorithm>
#include <cmath>

namespace td {

Lexicon::Impl::Impl(std::vector<Entry> unsorted) {
    // Later entries win over earlier ones with the same word.
    struct Key {
        std::uint64_t prefix;  // the first 8 bytes, big-endian, so integer order is byte order
        std::uint32_t index;
    };
    std::vector<Key> order;
    order.reserve(unsorted.size());
    for (std::uint32_t i = 0; i < unsorted.size(); ++i) {
        const std::string& w = unsorted[i].word;
        std::uint64_t prefix = 0;
        for (std::size_t b = 0; b < 8; ++b)
            prefix = (prefix << 8) | (b < w.size() ? static_cast<unsigned char>(w[b]) : 0u);
        order.push_back({prefix, i});
    }
    const auto less = [&](const Key& a, const Key& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        const int c = unsorted[a.index].word.compare(unsorted[b.index].word);
        return c != 0 ? c < 0 : a.index < b.index;
    };
    std::sort(order.begin(), order.end(), less);
    entries.reserve(unsorted.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::string& w = unsorted[order[k].index].word;
        if (w.empty() || (k + 1 < order.size() && unsorted[order[k + 1].index].word == w)) continue;
        entries.push_back(std::move(unsorted[order[k].index]));
    }
    std::vector<std::string_view> words;
    words.reserve(entries.size());
    std::vector<terms::CharModel::WordSample> samples;
    samples.reserve(entries.size());
    for (Entry& e : entries) {
        if (!(e.frequency >= 1)) e.frequency = 1;
        total += e.frequency;
        words.push_back(e.word);
        samples.push_back({e.word, e.frequency});
    }
    const double log_total = std::log(std::max(total, 1.0));
    log_probability.reserve(entries.size());
    for (const Entry& e : entries) log_probability.push_back(float(std::log(e.frequency) - log_total));
    unknown_log_probability = float(-log_total);
    trie = terms::Trie(words, log_probability);
    char_model = terms::CharModel(samples);
}

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::~Lexicon() = default;

std::shared_ptr<const Lexicon> Lexicon::builtin() {
    static const std::shared_ptr<const Lexicon> lexicon = [] {
        const std::string text = resources::get_gunzipped("lexicon/jieba_dict.txt.gz");
        auto entries = terms::parse_dictionary(text, "lexicon/jieba_dict.txt", nullptr);
        return std::shared_ptr<const Lexicon>(new Lexicon(std::make_unique<Impl>(std::move(entries))));
    }();
    return lexicon;
}

std::shared_ptr<const Lexicon> Lexicon::from_file(const std::string& path, std::vector<Diagnostic>* diagnostics) {
    auto entries = terms::parse_dictionary(td::read_file(path), path, diagnostics);
    return std::shared_ptr<const Lexicon>(new Lexicon(std::make_unique<Impl>(std::move(entries))));
}

std::vector<Lexicon::Entry> Lexicon::read_user_dictionary(const std::string& path,
                                                          std::vector<Diagnostic>* diagnostics) {
    return terms::parse_dictionary(td::read_file(path), path, diagnostics);
}

namespace {

// A frequency high enough that the word beats the best path through its parts (jieba's
// suggest_freq), with a margin so that it also wins in most contexts.
double winning_frequency(const Lexicon::Impl& base, std::string_view word) {
    std::vector<char32_t> chars;
    for (std::size_t pos = 0; pos < word.size();) chars.push_back(utf8::decode(word, pos));
    std::vector<terms::HanWord> parts;
    terms::HanScratch scratch;
    terms::segment_han(base, chars, parts, scratch, {.char_model = false});
    double log_p = 0;
    for (const terms::HanWord& part : parts) {
        std::string text;
        for (std::uint32_t i = 0; i < part.length; ++i) utf8::append(text, chars[part.begin + i]);
        const Lexicon::Entry* e = base.find(text);
        log_p += e ? std::log(e->frequency / base.total) : double(base.unknown_log_probability);
    }
    const Lexicon::Entry* existing = base.find(word);
    return std::max({std::exp(log_p) * base.total * 2 + 1, existing ? existing->frequency : 0.0, 2.0});
}

}  // namespace

std::shared_ptr<const Lexicon> Lexicon::with_user_entries(const Lexicon& base, const std::vector<Entry>& entries) {
    std::vector<Entry> all = base.impl().entries;
    all.reserve(all.size() + entries.size());
    for (const Entry& user : entries) {
        if (user.word.empty() || utf8::find_invalid(user.word) != std::string::npos) continue;
        Entry e = user;
        if (!(e.frequency > 1)) e.frequency = std::max(e.frequency > 0 ? e.frequency : 0, winning_frequency(base.impl(), e.word));
        all.push_back(std::move(e));
    }
    return std::shared_ptr<const Lexicon>(new Lexicon(std::make_unique<Impl>(std::move(all))));
}

std::size_t Lexicon::size() const noexcept { return impl_->entries.size(); }
bool Lexicon::contains(std::string_view word) const { return impl_->find(word) != nullptr; }
double Lexicon::frequency(std::string_view word) const {
    const Entry* e = impl_->find(word);
    return e ? e->frequency : 0;
}

}  // namespace td
