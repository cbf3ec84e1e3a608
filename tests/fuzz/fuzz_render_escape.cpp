// Rendering a digest whose every text field is attacker-controlled: no Liquid or HTML escapes.

#include "fuzz_input.hpp"

#include <tweetdigest/render.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(td_fuzz::as_text(data, size));
    const std::string inline_text = td::escape_markdown_inline(text);
    const std::string cell = td::escape_table_cell(text);
    for (const std::string* escaped : {&inline_text, &cell}) {
        if (escaped->find("{{") != std::string::npos || escaped->find("{%") != std::string::npos ||
            escaped->find('<') != std::string::npos)
            std::abort();
    }
    if (cell.find('\n') != std::string::npos) std::abort();

    td::Digest digest;
    digest.from = digest.to = td::LocalDate::parse("2026-01-25");
    digest.time_zone = "UTC";
    digest.title = td::digest_title(digest.from, digest.to);
    digest.overview = {text, {"1"}};
    td::CorePoint point;
    point.title = text;
    point.summary = {text, {"1"}};
    digest.core_points.push_back(point);
    digest.views.push_back({text, text, {text, {"1"}}});
    digest.events.push_back({digest.from, {text, {"1"}}, td::Impact::high, text});
    digest.sources.push_back({"1", text, "https://x.com/i/web/status/1"});
    (void)td::render_markdown(digest);
    const std::string json = td::render_json(digest);
    if (td_fuzz::is_valid_utf8(text) && td::digest_from_json(json).overview.text != text) std::abort();
    return 0;
}
