#include "net/prose_answer.hpp"

#include "common/utf8.hpp"

#include <boost/json.hpp>

#include <optional>
#include <set>

namespace td::net {
namespace {

namespace json = boost::json;

// The JSON object inside the answer: the whole text, or what a Markdown fence wraps.
std::optional<json::object> parse_answer(std::string_view answer) {
    const std::size_t open = answer.find('{');
    const std::size_t close = answer.rfind('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    boost::system::error_code error;
    json::value value = json::parse(answer.substr(open, close - open + 1), error);
    if (error || !value.is_object()) return std::nullopt;
    return std::move(value.as_object());
}

std::string number_text(double number) {
    std::string text = std::to_string(number);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
}

class Merger {
public:
    Merger(const Digest& original, const ProseEvidence& evidence, const ProseLimits& limits)
        : evidence_(evidence), limits_(limits) {
        merge_.digest = original;
    }

    ProseMerge run(const json::object& answer) {
        Digest& digest = merge_.digest;
        if (const json::value* overview = section(answer, "overview")) {
            const json::object* object = overview->if_object();
            replace(digest.overview, object, "text", limits_.overview, "overview");
        }
        indexed(answer, "core_points", "summary", limits_.core_point_summary, digest.core_points.size(),
                [&](std::size_t i) -> Statement& { return digest.core_points[i].summary; });
        indexed(answer, "views", "text", limits_.view, digest.views.size(),
                [&](std::size_t i) -> Statement& { return digest.views[i].statement; });
        listed(answer, "ai_analysis", digest.ai_analysis);
        listed(answer, "finance_analysis", digest.finance_analysis);
        listed(answer, "conclusions", digest.conclusions);
        return std::move(merge_);
    }

private:
    void note(const std::string& message) {
        merge_.diagnostics.push_back({Diagnostic::Severity::warning, "llm", 0, 0, message});
    }

    const json::value* section(const json::object& answer, const char* name) {
        const json::value* value = answer.if_contains(name);
        if (!value) note(std::string(name) + ": missing from the answer; kept the extractive text");
        return value;
    }

    // Why a rewritten statement may not be used, or nullopt when it may.
    std::optional<std::string> problem(const json::object* item, const char* text_field, std::size_t limit,
                                       Statement& accepted) const {
        if (!item) return "not an object";
        const json::value* text = item->if_contains(text_field);
        const json::value* ids = item->if_contains("tweet_ids");
        if (!text || !text->is_string() || text->as_string().empty())
            return std::string("no ") + text_field + " text";
        const std::string_view prose(text->as_string());
        if (utf8::find_invalid(prose) != std::string_view::npos) return "the text is not valid UTF-8";
        if (const std::size_t length = utf8::count_code_points(prose); length > limit)
            return std::to_string(length) + " characters, over the limit of " + std::to_string(limit);
        if (!ids || !ids->is_array() || ids->as_array().empty()) return "cites no tweet";
        std::vector<std::string> cited;
        for (const json::value& id : ids->as_array()) {
            if (!id.is_string()) return "a tweet id is not a string";
            if (!evidence_.tweet_ids.contains(std::string(id.as_string())))
                return "cites tweet " + std::string(id.as_string()) + " that the evidence does not contain";
            cited.emplace_back(id.as_string());
        }
        for (const std::string& ticker : find_tickers(prose))
            if (!evidence_.tickers.contains(ticker)) return "names ticker " + ticker + " that the evidence does not contain";
        for (const double number : find_numbers(prose))
            if (!evidence_.numbers.contains(number))
                return "states the number " + number_text(number) + " that the evidence does not contain";
        accepted = {std::string(prose), std::move(cited)};
        return std::nullopt;
    }

    // Replaces `target` when the item passes every check; reports it otherwise.
    bool replace(Statement& target, const json::object* item, const char* text_field, std::size_t limit,
                 const std::string& where) {
        Statement accepted;
        if (const auto why = problem(item, text_field, limit, accepted)) {
            note(where + ": " + *why + "; kept the extractive text");
            ++merge_.rejected;
            return false;
        }
        target = std::move(accepted);
        ++merge_.accepted;
        return true;
    }

    template <class StatementAt>
    void indexed(const json::object& answer, const char* name, const char* text_field, std::size_t limit,
                 std::size_t size, StatementAt statement_at) {
        const json::value* value = section(answer, name);
        if (!value) return;
        if (!value->is_array()) {
            note(std::string(name) + ": not an array; kept the extractive text");
            return;
        }
        std::set<std::int64_t> seen;
        for (const json::value& entry : value->as_array()) {
            const json::object* item = entry.if_object();
            const json::value* index = item ? item->if_contains("index") : nullptr;
            if (!index || !index->is_int64() || index->as_int64() < 0 ||
                static_cast<std::size_t>(index->as_int64()) >= size || !seen.insert(index->as_int64()).second) {
                note(std::string(name) + ": an entry has no valid index; ignored");
                ++merge_.rejected;
                continue;
            }
            const auto i = static_cast<std::size_t>(index->as_int64());
            replace(statement_at(i), item, text_field, limit, std::string(name) + "[" + std::to_string(i) + "]");
        }
    }

    // A list section: each valid paragraph is taken, an invalid one falls back to the original
    // paragraph at its place; a section with no valid paragraph stays as it was.
    void listed(const json::object& answer, const char* name, std::vector<Statement>& target) {
        const json::value* value = section(answer, name);
        if (!value) return;
        if (!value->is_array() || value->as_array().empty()) {
            note(std::string(name) + ": not a non-empty array; kept the extractive text");
            return;
        }
        const json::array& items = value->as_array();
        std::vector<Statement> merged;
        bool any_valid = false;
        for (std::size_t i = 0; i < items.size() && i < limits_.list_items; ++i) {
            Statement statement = i < target.size() ? target[i] : Statement{};
            const bool valid = replace(statement, items[i].if_object(), "text", limits_.analysis,
                                       std::string(name) + "[" + std::to_string(i) + "]");
            any_valid = any_valid || valid;
            if (valid || i < target.size()) merged.push_back(std::move(statement));
        }
        if (items.size() > limits_.list_items)
            note(std::string(name) + ": " + std::to_string(items.size() - limits_.list_items) +
                 " paragraphs over the limit of " + std::to_string(limits_.list_items) + " dropped");
        if (any_valid) target = std::move(merged);
    }

    const ProseEvidence& evidence_;
    const ProseLimits& limits_;
    ProseMerge merge_;
};

void add_missing_sources(Digest& digest) {
    std::set<std::string> listed;
    for (const SourceTweet& source : digest.sources) listed.insert(source.id);
    const auto add = [&](const Statement& statement) {
        for (const std::string& id : statement.tweet_ids)
            if (listed.insert(id).second) digest.sources.push_back({id, "", "https://x.com/i/web/status/" + id});
    };
    add(digest.overview);
    for (const CorePoint& point : digest.core_points) add(point.summary);
    for (const View& view : digest.views) add(view.statement);
    for (const auto* list : {&digest.ai_analysis, &digest.finance_analysis, &digest.conclusions})
        for (const Statement& statement : *list) add(statement);
}

}  // namespace

ProseMerge merge_prose_answer(const Digest& original, std::string_view answer, const ProseEvidence& evidence,
                              const ProseLimits& limits) {
    const std::optional<json::object> parsed = parse_answer(answer);
    if (!parsed) {
        ProseMerge unchanged{original, {}, 0, 0};
        unchanged.diagnostics.push_back({Diagnostic::Severity::warning, "llm", 0, 0,
                                         "the answer is not a JSON object; kept the whole extractive text"});
        return unchanged;
    }
    ProseMerge merge = Merger(original, evidence, limits).run(*parsed);
    add_missing_sources(merge.digest);
    return merge;
}

}  // namespace td::net
