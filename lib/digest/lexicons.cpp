#include "digest/lexicons.hpp"

#include "common/resources.hpp"

#include <algorithm>

namespace td::digest {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> parts;
    std::size_t at = 0;
    while (at <= line.size()) {
        std::size_t end = line.find(separator, at);
        if (end == std::string_view::npos) end = line.size();
        if (end > at) parts.push_back(line.substr(at, end - at));
        at = end + 1;
    }
    return parts;
}

// Calls on_line for every non-empty line that is not a comment.
template <typename OnLine>
void for_each_line(std::string_view file, OnLine on_line) {
    for (std::string_view line : split(file, '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') on_line(line);
    }
}

// "WORD REST": the first space separates a tag from the entry.
std::pair<std::string_view, std::string_view> tag_and_entry(std::string_view line) {
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return {line, {}};
    return {line.substr(0, space), line.substr(space + 1)};
}

void load_sentiment(PhraseMatcher& matcher, std::string_view file) {
    for_each_line(file, [&](std::string_view line) {
        const auto [tag, word] = tag_and_entry(line);
        const Polarity polarity = tag == "pos"   ? Polarity::positive
                                  : tag == "neg" ? Polarity::negative
                                                 : Polarity::negation;
        matcher.add(word, static_cast<std::uint32_t>(polarity));
    });
}

void load_events(Lexicons& lexicons, std::string_view file) {
    for_each_line(file, [&](std::string_view line) {
        const auto [kind, cue] = tag_and_entry(line);
        lexicons.events.add(cue, static_cast<std::uint32_t>(lexicons.event_cues.size()));
        lexicons.event_cues.push_back({std::string(kind), std::string(cue)});
    });
}

void load_tickers(Lexicons& lexicons, std::string_view file) {
    for_each_line(file, [&](std::string_view line) {
        const std::vector<std::string_view> fields = split(line, '\t');
        if (fields.size() < 2) return;
        const auto index = static_cast<std::uint32_t>(lexicons.known_tickers.size());
        lexicons.known_tickers.push_back({std::string(fields[1]), std::string(fields[0])});
        for (std::size_t i = 2; i < fields.size(); ++i) lexicons.tickers.add(fields[i], index, true);
    });
}

void load_topic(PhraseMatcher& matcher, std::string_view file) {
    for_each_line(file, [&](std::string_view line) { matcher.add(line, 0); });
}

Lexicons load_builtin() {
    Lexicons lexicons;
    load_sentiment(lexicons.sentiment, resources::get("digest/sentiment_zh.txt"));
    load_sentiment(lexicons.sentiment, resources::get("digest/sentiment_en.txt"));
    load_events(lexicons, resources::get("digest/events_zh.txt"));
    load_events(lexicons, resources::get("digest/events_en.txt"));
    load_tickers(lexicons, resources::get("digest/tickers.txt"));
    load_topic(lexicons.ai_topic, resources::get("digest/topics_ai.txt"));
    load_topic(lexicons.finance_topic, resources::get("digest/topics_finance.txt"));
    return lexicons;
}

}  // namespace

const Lexicons& Lexicons::builtin() {
    static const Lexicons lexicons = load_builtin();
    return lexicons;
}

const KnownTicker* Lexicons::find_ticker(std::string_view symbol) const {
    const auto found = std::find_if(known_tickers.begin(), known_tickers.end(),
                                    [&](const KnownTicker& t) { return t.symbol == symbol; });
    return found == known_tickers.end() ? nullptr : &*found;
}

}  // namespace td::digest
