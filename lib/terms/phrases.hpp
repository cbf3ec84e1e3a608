#pragma once
// Phrase discovery from term statistics alone (so it works on merged shards): candidate n-grams
// of 2-4 units are kept when they recur, hold together (every split has containment >= 0.5 and
// non-negative PMI) and have varied neighbours on both sides (boundary entropy, estimated from the
// longer candidates that extend them).

#include "terms/term_units.hpp"

#include <tweetdigest/terms.hpp>

#include <map>
#include <string>
#include <vector>

namespace td::terms {

struct Phrases {
    std::map<std::string, std::vector<std::string>> parts;  // accepted phrase -> its unit keys
    std::size_t longest = 0;                                // most units in an accepted phrase

    void add(std::string key, std::vector<std::string> unit_keys);
    bool contains(std::string_view key) const { return keys_.contains(key); }

private:
    KeySet keys_;  // the keys of `parts`, hashed: tweets look phrases up at every position
};

Phrases discover_phrases(const TermStats& stats, const Segmenter& segmenter, const TermOptions& options);

// Unit keys of a phrase key, recovered by tokenising it again.
std::vector<std::string> phrase_parts(const Segmenter& segmenter, const std::string& key);

}  // namespace td::terms
