#pragma once
// The word lists the digest ships with (resources/digest/): sentiment, event cues, tickers and
// topics. Loaded once, immutable, shared by every digest.

#include "digest/phrase_matcher.hpp"

#include <string>
#include <vector>

namespace td::digest {

enum class Polarity : std::uint32_t { positive, negative, negation };

struct KnownTicker {
    std::string symbol;
    std::string kind;  // "stock" | "crypto"
};

struct EventCue {
    std::string kind;  // "release", "funding", ...
    std::string cue;   // as listed
};

struct Lexicons {
    PhraseMatcher sentiment;  // payload: Polarity
    PhraseMatcher events;     // payload: index into event_cues
    std::vector<EventCue> event_cues;
    PhraseMatcher tickers;    // payload: index into known_tickers
    std::vector<KnownTicker> known_tickers;
    PhraseMatcher ai_topic;
    PhraseMatcher finance_topic;

    static const Lexicons& builtin();
    // The known ticker with this symbol, or null.
    const KnownTicker* find_ticker(std::string_view symbol) const;
};

}  // namespace td::digest
