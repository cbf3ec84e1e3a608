// twitter-text conformance suites from the shared data: every case must pass.
#include "common/utf8.hpp"
#include "test_support.hpp"
#include "yaml_subset.hpp"

#include <tweetdigest/text.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <sstream>

using namespace td;
using td_test::YamlNode;

namespace {

YamlNode load_suite(const char* name) {
    const std::string text = td_test::read_file(td_test::shared_data() / "twitter-text" / name);
    REQUIRE_FALSE(text.empty());
    return td_test::parse_yaml(text);
}

// Runs `check` on every case of a section; reports each failure and the totals.
void run_section(const YamlNode& suite, const char* section,
                 const std::function<std::string(const YamlNode&)>& check) {
    const YamlNode& cases = suite["tests"][section];
    REQUIRE_MESSAGE(cases.kind == YamlNode::Kind::sequence, "missing section " << section);
    int passed = 0;
    for (const YamlNode& test : cases.items) {
        const std::string failure = check(test);
        if (failure.empty()) {
            ++passed;
        } else {
            FAIL_CHECK(std::string(section) << ": " << test["description"].scalar << "\n  text: "
                                              << test["text"].scalar << "\n  " << failure);
        }
    }
    MESSAGE(std::string(section) << ": " << passed << " of " << cases.items.size() << " cases passed");
    CHECK(passed == static_cast<int>(cases.items.size()));
}

std::string join(const std::vector<std::string>& values) {
    std::string out = "[";
    for (const std::string& value : values) out += (out.size() > 1 ? ", " : "") + value;
    return out + "]";
}

std::vector<std::string> scalars(const YamlNode& node) {
    std::vector<std::string> values;
    for (const YamlNode& item : node.items) values.push_back(item.scalar);
    return values;
}

std::string compare_values(const std::vector<Entity>& entities, const YamlNode& expected) {
    std::vector<std::string> got;
    for (const Entity& entity : entities) got.push_back(entity.value);
    const std::vector<std::string> want = scalars(expected);
    return got == want ? "" : "expected " + join(want) + ", got " + join(got);
}

// Values and indices; UTF-16 indices and byte ranges must agree with the code-point ones.
std::string compare_with_indices(const std::string& text, const std::vector<Entity>& entities,
                                 const YamlNode& expected, const char* value_key) {
    std::ostringstream got, want;
    for (const Entity& entity : entities) {
        got << entity.value << entity.list_slug << "[" << entity.begin << "," << entity.end << "] ";
        const std::string_view before(text.data(), entity.byte_begin);
        const std::string_view through(text.data(), entity.byte_end);
        if (entity.begin != utf8::count_code_points(before) || entity.end != utf8::count_code_points(through) ||
            entity.begin_utf16 != utf8::count_utf16_units(before) ||
            entity.end_utf16 != utf8::count_utf16_units(through)) {
            return "inconsistent indices for " + entity.value;
        }
    }
    for (const YamlNode& item : expected.items) {
        want << item[value_key].scalar << item["list_slug"].scalar << "[" << item["indices"].items.at(0).scalar
             << "," << item["indices"].items.at(1).scalar << "] ";
    }
    return got.str() == want.str() ? "" : "expected " + want.str() + ", got " + got.str();
}

std::string compare_bool(bool got, const YamlNode& expected) {
    return got == expected.as_bool() ? "" : std::string("expected ") + expected.scalar;
}

}  // namespace

TEST_CASE("extract.yml") {
    const YamlNode suite = load_suite("extract.yml");
    const auto values_of = [](auto extract) {
        return [extract](const YamlNode& test) {
            return compare_values(extract(test["text"].scalar), test["expected"]);
        };
    };
    const auto indices_of = [](auto extract, const char* value_key) {
        return [extract, value_key](const YamlNode& test) {
            const std::string& text = test["text"].scalar;
            return compare_with_indices(text, extract(text), test["expected"], value_key);
        };
    };
    run_section(suite, "mentions", values_of(extract_mentions));
    run_section(suite, "mentions_with_indices", indices_of(extract_mentions, "screen_name"));
    run_section(suite, "mentions_or_lists_with_indices", indices_of(extract_mentions_or_lists, "screen_name"));
    run_section(suite, "replies", [](const YamlNode& test) {
        const std::string got = extract_reply_username(test["text"].scalar);
        return got == test["expected"].scalar ? "" : "expected '" + test["expected"].scalar + "', got '" + got + "'";
    });
    run_section(suite, "urls", values_of(extract_urls));
    run_section(suite, "urls_with_indices", indices_of(extract_urls, "url"));
    run_section(suite, "urls_with_directional_markers", indices_of(extract_urls, "url"));
    run_section(suite, "tco_urls_with_params", values_of(extract_urls));
    run_section(suite, "hashtags", values_of(extract_hashtags));
    run_section(suite, "hashtags_from_astral", values_of(extract_hashtags));
    run_section(suite, "hashtags_with_indices", indices_of(extract_hashtags, "hashtag"));
    run_section(suite, "cashtags", values_of(extract_cashtags));
    run_section(suite, "cashtags_with_indices", indices_of(extract_cashtags, "cashtag"));
}

TEST_CASE("tlds.yml") {
    const YamlNode suite = load_suite("tlds.yml");
    for (const char* section : {"country", "generic"}) {
        run_section(suite, section, [](const YamlNode& test) {
            return compare_values(extract_urls(test["text"].scalar), test["expected"]);
        });
    }
}

TEST_CASE("validate.yml") {
    const YamlNode suite = load_suite("validate.yml");
    run_section(suite, "tweets", [](const YamlNode& test) {
        return compare_bool(is_valid_tweet(test["text"].scalar, TextConfig::v1()), test["expected"]);
    });
    run_section(suite, "usernames", [](const YamlNode& test) {
        return compare_bool(is_valid_username(test["text"].scalar), test["expected"]);
    });
    run_section(suite, "lists", [](const YamlNode& test) {
        return compare_bool(is_valid_list(test["text"].scalar), test["expected"]);
    });
    run_section(suite, "hashtags", [](const YamlNode& test) {
        return compare_bool(is_valid_hashtag(test["text"].scalar), test["expected"]);
    });
    run_section(suite, "urls", [](const YamlNode& test) {
        return compare_bool(is_valid_url(test["text"].scalar), test["expected"]);
    });
    run_section(suite, "urls_without_protocol", [](const YamlNode& test) {
        return compare_bool(is_valid_url(test["text"].scalar, false), test["expected"]);
    });
    const auto weighted_with = [](const TextConfig& config) {
        return [&config](const YamlNode& test) {
            const TweetLength got = weighted_length(test["text"].scalar, config);
            const YamlNode& want = test["expected"];
            std::ostringstream a, b;
            a << got.weighted_length << " " << got.valid << " " << got.permillage << " " << got.display_range_end
              << " " << got.valid_range_end;
            b << want["weightedLength"].scalar << " " << want["valid"].as_bool() << " " << want["permillage"].scalar
              << " " << want["displayRangeEnd"].scalar << " " << want["validRangeEnd"].scalar;
            return a.str() == b.str() ? "" : "expected " + b.str() + ", got " + a.str();
        };
    };
    run_section(suite, "WeightedTweetsCounterTest", weighted_with(TextConfig::v2()));
    run_section(suite, "WeightedTweetsWithDiscountedEmojiCounterTest", weighted_with(TextConfig::v3()));
    run_section(suite, "UnicodeDirectionalMarkerCounterTest", weighted_with(TextConfig::v3()));
}

TEST_CASE("hit_highlighting.yml") {
    const YamlNode suite = load_suite("hit_highlighting.yml");
    for (const char* section : {"plain_text", "with_links"}) {
        run_section(suite, section, [](const YamlNode& test) {
            std::vector<HitRange> hits;
            for (const YamlNode& hit : test["hits"].items) {
                hits.emplace_back(hit.items.at(0).as_int(), hit.items.at(1).as_int());
            }
            const std::string got = highlight_hits(test["text"].scalar, hits);
            return got == test["expected"].scalar ? "" : "got " + got;
        });
    }
}
