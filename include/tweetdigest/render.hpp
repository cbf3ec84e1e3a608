#pragma once
// Rendering a Digest: Jekyll Markdown (the seed posts' form) and JSON.

#include <tweetdigest/digest.hpp>
#include <tweetdigest/export.h>

#include <string>
#include <string_view>

namespace td {

// The post: front matter exactly like the seeds, then every section. Tweet-derived text is
// escaped so it cannot open Liquid tags, raw HTML or break Markdown structure.
TD_API std::string render_markdown(const Digest& digest);
// The whole model as JSON (stable schema, see README).
TD_API std::string render_json(const Digest& digest);
// Parses render_json's output back (for tools that post-process a digest).
TD_API Digest digest_from_json(std::string_view json);

// "_posts/2026-01-25-twitter_ai_20260125_20260125.md"
TD_API std::string post_relative_path(const Digest& digest);

// Escaping helpers, exposed for reuse and testing.
TD_API std::string escape_markdown_inline(std::string_view text);
TD_API std::string escape_table_cell(std::string_view text);

}  // namespace td
