#pragma once
// Corpora for the terms tests: pseudo-tweets from lines of text, and the bundled sample.

#include "test_support.hpp"

#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace td_terms_test {

inline td::Tweet make_tweet(std::string id, std::string text, std::uint64_t likes = 0, int day_offset = 0) {
    td::Tweet tweet;
    tweet.id = std::move(id);
    tweet.created_at = 1769320800 + std::int64_t(day_offset) * 86400;
    tweet.local_date = td::LocalDate::from_days_since_epoch(td::LocalDate::parse("2026-01-25").days_since_epoch() + day_offset);
    tweet.text = std::move(text);
    tweet.analysis_text = tweet.text;
    tweet.metrics.likes = likes;
    return tweet;
}

// Every non-empty line of `text` becomes one tweet.
inline td::Corpus lines_corpus(const std::string& text, int day_offset = 0) {
    td::Corpus corpus;
    corpus.time_zone = "Asia/Shanghai";
    std::size_t pos = 0, n = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.find_first_not_of(" \t\r-#*>|") == std::string::npos) continue;
        corpus.tweets.push_back(make_tweet(std::to_string(1000 + n), line, n % 7, day_offset));
        ++n;
    }
    return corpus;
}

inline const td::Corpus& sample_corpus() {
    static const td::Corpus corpus =
        td::read_corpus({(td_test::source_dir() / "examples/data/sample_tweets.jsonl").string()});
    return corpus;
}

inline std::size_t rank_of(const std::vector<td::Term>& ranked, const std::string& key) {
    const auto found = std::find_if(ranked.begin(), ranked.end(), [&](const td::Term& t) { return t.key == key; });
    return found == ranked.end() ? ranked.size() + 1000 : std::size_t(found - ranked.begin());
}

inline const td::Term* find_term(const std::vector<td::Term>& ranked, const std::string& key) {
    const auto found = std::find_if(ranked.begin(), ranked.end(), [&](const td::Term& t) { return t.key == key; });
    return found == ranked.end() ? nullptr : &*found;
}

inline std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

}  // namespace td_terms_test

namespace td {
inline std::size_t utf8_length_for_test(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}
}  // namespace td
