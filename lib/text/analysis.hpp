#pragma once
// A tweet text's entities and analysis text computed together: the text is decoded and its URLs
// are scanned once for both, rather than once by extract_entities and again by
// normalize_for_analysis.

#include "text/decoded_text.hpp"

#include <tweetdigest/text.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace td::text {

struct AnalysedText {
    std::vector<Entity> entities;  // extract_entities(text)
    std::string analysis_text;     // normalize_for_analysis(text, expansions)
};

AnalysedText analyse_text(std::string_view utf8, const std::vector<UrlExpansion>& expansions);

// extract_entities of the decoded text, given its scan_urls matches.
std::vector<Entity> entities_of(const DecodedText& text, std::vector<Match> urls);
// normalize_for_analysis of a decoded text without HTML entities ('&'), given its URL matches.
std::string analysis_text_of(const DecodedText& text, const std::vector<Match>& urls,
                             const std::vector<UrlExpansion>& expansions);

}  // namespace td::text
