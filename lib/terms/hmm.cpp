#include "terms/hmm.hpp"

#include "common/utf8.hpp"
#include "terms/char_class.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace td::terms {
namespace {

constexpr float impossible = -1e30f;
constexpr char32_t indexed_code_points = 0x32000;
// Log prior odds against a character left single by the word graph starting an unknown word.
constexpr double unknown_word_prior = 3.0;

}  // namespace

CharModel::CharModel(const std::vector<WordSample>& words) {
    std::vector<std::array<double, 4>> counts(1);
    index_.assign(indexed_code_points, 0);
    std::array<double, 4> state_totals{};
    std::array<std::array<double, 4>, 4> transitions{};
    std::vector<char32_t> chars;
    double single_words = 0, long_words = 0;
    for (const WordSample& sample : words) {
        chars.clear();
        bool all_han = true;
        for (std::size_t pos = 0; pos < sample.word.size();) {
            const char32_t c = utf8::decode(sample.word, pos);
            all_han = all_han && is_han(c);
            chars.push_back(c);
        }
        if (!all_han || chars.empty()) continue;
        const double w = sample.frequency;
        auto add = [&](char32_t c, State s) {
            if (c >= indexed_code_points) return;
            if (index_[c] == 0) {
                index_[c] = static_cast<std::uint32_t>(counts.size());
                counts.push_back({});
            }
            counts[index_[c]][s] += w;
            state_totals[s] += w;
        };
        if (chars.size() == 1) {
            add(chars[0], single);
            single_words += w;
            continue;
        }
        long_words += w;
        add(chars.front(), begin);
        for (std::size_t i = 1; i + 1 < chars.size(); ++i) add(chars[i], middle);
        add(chars.back(), end);
        transitions[begin][chars.size() == 2 ? end : middle] += w;
        if (chars.size() > 2) {
            transitions[middle][middle] += w * double(chars.size() - 3);
            transitions[middle][end] += w;
        }
    }
    const double vocabulary = double(counts.size());
    rows_.resize(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        for (int s = 0; s < 4; ++s)
            rows_[i][s] = float(std::log((counts[i][s] + 0.01) / (state_totals[s] + 0.01 * vocabulary)));
    const double words_total = single_words + long_words;
    const double p_single = words_total > 0 ? single_words / words_total : 0.5;
    for (auto& row : transitions_) row.fill(impossible);
    const double b_total = transitions[begin][middle] + transitions[begin][end];
    const double m_total = transitions[middle][middle] + transitions[middle][end];
    auto ratio = [](double part, double total) {
        return total > 0 && part > 0 ? float(std::log(part / total)) : impossible;
    };
    transitions_[begin][middle] = ratio(transitions[begin][middle], b_total);
    transitions_[begin][end] = ratio(transitions[begin][end], b_total);
    transitions_[middle][middle] = ratio(transitions[middle][middle], m_total);
    transitions_[middle][end] = ratio(transitions[middle][end], m_total);
    for (State from : {end, single}) {
        transitions_[from][single] = float(std::log(std::max(p_single, 1e-6)));
        transitions_[from][begin] = float(std::log(std::max(1 - p_single, 1e-6)) - unknown_word_prior);
    }
    start_ = {transitions_[end][begin], impossible, impossible, transitions_[end][single]};
}

void CharModel::split(std::span<const char32_t> chars, std::vector<std::uint32_t>& lengths,
                      Scratch& scratch) const {
    lengths.clear();
    const std::size_t n = chars.size();
    if (n == 0 || rows_.empty()) {
        lengths.assign(n, 1);
        return;
    }
    auto& score = scratch.score;
    auto& from = scratch.from;
    score.resize(n);
    from.resize(n);
    const Row& e0 = emission(chars[0]);
    for (int s = 0; s < 4; ++s) score[0][s] = start_[s] + e0[s];
    for (std::size_t i = 1; i < n; ++i) {
        const Row& e = emission(chars[i]);
        for (int s = 0; s < 4; ++s) {
            float best = impossible * 2;
            std::uint8_t arg = 0;
            for (int p = 0; p < 4; ++p) {
                const float v = score[i - 1][p] + transitions_[p][s];
                if (v > best) best = v, arg = std::uint8_t(p);
            }
            score[i][s] = best + e[s];
            from[i][s] = arg;
        }
    }
    // Walk back through the states; a word ends at every E or S.
    int state = score[n - 1][end] >= score[n - 1][single] ? end : single;
    std::uint32_t length = 0;
    for (std::size_t i = n; i-- > 0;) {
        if ((state == end || state == single) && length > 0) {
            lengths.push_back(length);
            length = 0;
        }
        ++length;
        if (i > 0) state = from[i][state];
    }
    lengths.push_back(length);
    std::reverse(lengths.begin(), lengths.end());
}

}  // namespace td::terms
