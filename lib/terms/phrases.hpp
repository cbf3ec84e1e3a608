#pragma once
// Phrase discovery from term statistics alone (so it works on merged shards): candidate n-grams
// of 2-4 units are kept when they recur, hold together (every split has containment >= 0.5 and
// non-negative PMI) and have varied neighbours on both sides (boundary entropy, estimated from the
// longer candidates that extend them).

#include <tweetdigest/terms.hpp>

#include <map>
#include <string>
#include <vector>

namespace td::terms {

struct Phrases {
    std::map<std::string, std::vector<std::string>> parts;  // accepted phrase -> its unit keys
    std::size_t longest = 0;                                // most units in an accepted phrase
    bool contains(const std::string& key) const { return parts.count(key) > 0; }
};

Phrases discover_phrases(const TermStats& stats, const Segmenter& segmenter, const TermOptions& options);

// Unit keys of a phrase key, recovered by tokenising it again.
std::vector<std::string> phrase_parts(const Segmenter& segmenter, const std::string& key);

}  // namespace td::terms
