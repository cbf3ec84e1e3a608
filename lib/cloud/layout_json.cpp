#include <tweetdigest/cloud.hpp>

#include <boost/json.hpp>

#include <cstdio>

namespace td {
namespace {

std::string color_text(Rgba c) {
    char buffer[12];
    if (c.a == 255)
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
    else
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return buffer;
}

}  // namespace

std::string layout_to_json(const CloudLayout& layout) {
    namespace json = boost::json;
    json::array words;
    for (const PlacedWord& w : layout.words)
        words.push_back(json::object{
            {"text", w.text},
            {"weight", w.weight},
            {"font_size", w.font_size},
            {"x", w.x},
            {"y", w.y},
            {"width", w.width},
            {"height", w.height},
            {"orientation", to_string(w.orientation)},
            {"color", color_text(w.color)},
            {"box", json::array{w.x, w.y, w.x + w.width, w.y + w.height}},
        });
    json::array dropped;
    for (const DroppedWord& d : layout.dropped)
        dropped.push_back(json::object{{"text", d.text}, {"reason", d.reason}});
    json::array diagnostics;
    for (const Diagnostic& d : layout.diagnostics)
        diagnostics.push_back(json::object{
            {"severity", d.severity == Diagnostic::Severity::warning ? "warning" : "error"},
            {"source", d.source},
            {"line", d.line},
            {"message", d.message},
        });
    const json::object root{{"width", layout.width},   {"height", layout.height},
                            {"words", std::move(words)}, {"dropped", std::move(dropped)},
                            {"diagnostics", std::move(diagnostics)}};
    return json::serialize(root);
}

}  // namespace td
