#pragma once
// Ranking terms from statistics and the phrases discovered in them.

#include "terms/phrases.hpp"

#include <tweetdigest/terms.hpp>

namespace td::terms {

std::vector<Term> rank_terms(const TermStats& stats, const Phrases& phrases, const TermOptions& options);

}  // namespace td::terms
