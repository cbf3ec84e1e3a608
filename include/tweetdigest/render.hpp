#pragma once
// Rendering a Digest: Jekyll Markdown (the seed posts' form) and JSON.
//
// Site layout. A digest is written into a Jekyll site folder as
//   _posts/<from>-<title>.md                      the post (post_relative_path; URL post_url)
//   assets/wordcloud/wordcloud_<title>.<ext>      its word cloud (wordcloud_relative_path)
// Jekyll copies files outside underscore folders to the built site unchanged, while files inside
// _posts are never published as static files; so the image lives under assets/ and the post
// links it as {{ "/assets/wordcloud/<file>" | relative_url }}, which resolves from the post's
// dated URL and honours the site's baseurl.

#include <tweetdigest/digest.hpp>
#include <tweetdigest/export.h>

#include <string>
#include <string_view>

namespace td {

// The post: front matter exactly like the seeds, then every section. Tweet-derived text is
// escaped so it cannot open Liquid tags, raw HTML or break Markdown structure. Citations link to
// https://x.com/<user>/status/<id>, numbered by the tweet's position in Digest::sources.
TD_API std::string render_markdown(const Digest& digest);
// The whole model as JSON (stable schema, documented in lib/render/SCHEMA.md).
TD_API std::string render_json(const Digest& digest);
// Parses render_json's output back (for tools that post-process a digest). Throws Error(parse)
// naming the offending field; absent fields keep their defaults.
TD_API Digest digest_from_json(std::string_view json);

// "_posts/2026-01-25-twitter_ai_20260125_20260125.md"
TD_API std::string post_relative_path(const Digest& digest);
// "/2026/01/25/twitter_ai_20260125_20260125.html": the site-relative URL Jekyll gives the post of
// that day and title under its default permalink (`date`: /:categories/:year/:month/:day/:title).
// Posts link earlier posts as {{ "<url>" | relative_url }}, which honours the site's baseurl and,
// unlike {% post_url %}, does not fail the build when the earlier post is not in this site.
TD_API std::string post_url(const LocalDate& date, std::string_view title);
// "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png": where the site keeps the image
// the post links to, relative to the site folder.
TD_API std::string wordcloud_relative_path(const Digest& digest);
// A name reduced to [A-Za-z0-9_.-] (other bytes become '_'), without leading dots.
TD_API std::string safe_file_name(std::string_view name);

// Escaping helpers, exposed for reuse and testing. Line breaks become spaces; '<', '>', '&',
// '{' and '}' become character references; Markdown punctuation gets a backslash.
TD_API std::string escape_markdown_inline(std::string_view text);
TD_API std::string escape_table_cell(std::string_view text);

}  // namespace td
