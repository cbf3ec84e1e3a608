// The public extraction functions.
#include "text/analysis.hpp"
#include "text/decoded_text.hpp"
#include "text/scanners.hpp"

#include <tweetdigest/text.hpp>

#include <algorithm>

namespace td {
namespace {

using text::DecodedText;
using text::Match;

bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles) {
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view needle) { return text.find(needle) != text.npos; });
}

bool may_have_hashtag(std::string_view text) { return contains_any(text, {"#", "＃"}); }
bool may_have_mention(std::string_view text) { return contains_any(text, {"@", "＠"}); }
bool may_have_cashtag(std::string_view text) { return text.find('$') != text.npos; }
bool may_have_url(std::string_view text) { return text.find('.') != text.npos; }

std::vector<Match> without_lists(std::vector<Match> matches) {
    std::erase_if(matches, [](const Match& match) { return match.kind == EntityKind::list; });
    return matches;
}

}  // namespace

const char* to_string(EntityKind kind) noexcept {
    switch (kind) {
    case EntityKind::url: return "url";
    case EntityKind::hashtag: return "hashtag";
    case EntityKind::mention: return "mention";
    case EntityKind::list: return "list";
    case EntityKind::cashtag: return "cashtag";
    }
    return "unknown";
}

std::vector<Entity> extract_entities(std::string_view utf8) {
    const bool urls = may_have_url(utf8), hashtags = may_have_hashtag(utf8),
               mentions = may_have_mention(utf8), cashtags = may_have_cashtag(utf8);
    if (!urls && !hashtags && !mentions && !cashtags) return {};
    const DecodedText text(utf8);
    return text::entities_of(text, urls ? text::scan_urls(text) : std::vector<Match>());
}

namespace text {

std::vector<Entity> entities_of(const DecodedText& text, std::vector<Match> urls) {
    const std::string_view utf8 = text.bytes();
    std::vector<Match> matches = std::move(urls);
    const auto append = [&](std::vector<Match> found) {
        matches.insert(matches.end(), found.begin(), found.end());
    };
    if (may_have_hashtag(utf8)) append(scan_hashtags(text));
    if (may_have_mention(utf8)) append(scan_mentions_or_lists(text));
    if (may_have_cashtag(utf8)) append(scan_cashtags(text));
    remove_overlaps(matches);
    return to_entities(text, matches);
}

}  // namespace text

std::vector<Entity> extract_urls(std::string_view utf8) {
    if (!may_have_url(utf8)) return {};
    const DecodedText text(utf8);
    return text::to_entities(text, text::scan_urls(text));
}

std::vector<Entity> extract_hashtags(std::string_view utf8) {
    if (!may_have_hashtag(utf8)) return {};
    const DecodedText text(utf8);
    std::vector<Match> matches = text::scan_hashtags(text);
    if (matches.empty() || !may_have_url(utf8)) return text::to_entities(text, matches);
    const std::vector<Match> urls = text::scan_urls(text);
    matches.insert(matches.end(), urls.begin(), urls.end());
    text::remove_overlaps(matches);
    std::erase_if(matches, [](const Match& match) { return match.kind != EntityKind::hashtag; });
    return text::to_entities(text, matches);
}

std::vector<Entity> extract_cashtags(std::string_view utf8) {
    if (!may_have_cashtag(utf8)) return {};
    const DecodedText text(utf8);
    return text::to_entities(text, text::scan_cashtags(text));
}

std::vector<Entity> extract_mentions(std::string_view utf8) {
    if (!may_have_mention(utf8)) return {};
    const DecodedText text(utf8);
    return text::to_entities(text, without_lists(text::scan_mentions_or_lists(text)));
}

std::vector<Entity> extract_mentions_or_lists(std::string_view utf8) {
    if (!may_have_mention(utf8)) return {};
    const DecodedText text(utf8);
    return text::to_entities(text, text::scan_mentions_or_lists(text));
}

std::string extract_reply_username(std::string_view utf8) {
    if (!may_have_mention(utf8)) return {};
    const DecodedText text(utf8);
    const auto reply = text::scan_reply(text);
    return reply ? std::string(text.slice(reply->first, reply->second)) : std::string();
}

}  // namespace td
