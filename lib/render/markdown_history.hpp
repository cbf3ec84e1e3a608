#pragma once
// The Markdown of a digest's multi-day fields; every function returns "" when the field is empty.

#include "digest/wording.hpp"

#include <tweetdigest/digest.hpp>

#include <string>

namespace td::render {

// " · rising (3→5→21, z=+4.2) · continuing since [2026-01-23](<post URL>)" after a core point.
std::string history_column(const CorePoint& point, const digest::Wording& words);
// A "### Term momentum" table of the term trends.
std::string term_trends_section(const Digest& digest, const digest::Wording& words);
// A "### Day by day" list of a range report's days, each linking its day post.
std::string days_section(const Digest& digest, const digest::Wording& words);

}  // namespace td::render
