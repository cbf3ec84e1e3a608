#include "digest/momentum.hpp"
#include "digest/range.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace td::digest {
namespace {

struct Story {
    CorePoint point;             // the merged point, its text from the day it was largest
    std::uint64_t largest = 0;   // tweets of that day's point
    LocalDate first;
    std::size_t order = 0;
};

std::vector<WeightedTerm> merged_signature(const std::vector<WeightedTerm>& a, const std::vector<WeightedTerm>& b) {
    std::map<std::string, double> sum;
    for (const auto* list : {&a, &b})
        for (const WeightedTerm& t : *list) sum[t.key] += t.weight;
    std::vector<WeightedTerm> out;
    for (const auto& [key, weight] : sum) out.push_back({key, weight});
    std::sort(out.begin(), out.end(), [](const WeightedTerm& x, const WeightedTerm& y) {
        return x.weight != y.weight ? x.weight > y.weight : x.key < y.key;
    });
    if (out.size() > 12) out.resize(12);
    double norm2 = 0;
    for (const WeightedTerm& t : out) norm2 += t.weight * t.weight;
    for (WeightedTerm& t : out) t.weight = std::round(t.weight / std::sqrt(norm2) * 1e4) / 1e4;
    return out;
}

void absorb(Story& story, const CorePoint& point) {
    CorePoint& merged = story.point;
    merged.tweets += point.tweets;
    merged.engagement += point.engagement;
    merged.impact = std::min(merged.impact, point.impact);  // high sorts first
    merged.signature = merged_signature(merged.signature, point.signature);
    if (point.tweets > story.largest) {
        story.largest = point.tweets;
        merged.title = point.title;
        merged.summary = point.summary;
        merged.terms = point.terms;
    }
}

}  // namespace

std::vector<DayCount> range_counts(const std::vector<std::string>& keys, const std::vector<Digest>& days,
                                   const TermStats& merged) {
    std::vector<DayCount> out;
    for (const Digest& day : days) {
        DayCount count{day.from, 0, day.counts.kept};
        for (const std::string& key : keys) {
            const auto term = merged.terms.find(key);
            if (term == merged.terms.end()) continue;
            const auto n = term->second.per_day.find(day.from.days_since_epoch());
            if (n != term->second.per_day.end()) count.count = std::max(count.count, n->second);
        }
        out.push_back(count);
    }
    return out;
}

std::vector<CorePoint> merge_core_points(const std::vector<Digest>& days, const TermStats& merged,
                                         const DigestOptions& options) {
    std::vector<Story> stories;
    for (const Digest& day : days) {
        for (const CorePoint& point : day.core_points) {
            Story* match = nullptr;
            double best = 0;
            for (Story& story : stories) {
                const double similarity = signature_cosine(story.point.signature, point.signature);
                if (similarity >= options.story_threshold && similarity > best) match = &story, best = similarity;
            }
            if (match) {
                absorb(*match, point);
                continue;
            }
            Story story{point, point.tweets, day.from, stories.size()};
            const bool earlier = point.story.status == StoryStatus::continuing && point.story.since < day.from;
            story.first = earlier ? point.story.since : day.from;
            story.point.story = earlier ? point.story : StoryLink{};
            stories.push_back(std::move(story));
        }
    }
    std::stable_sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
        return a.point.engagement > b.point.engagement;
    });
    if (stories.size() > options.core_points) stories.resize(options.core_points);
    const LocalDate from = days.empty() ? LocalDate{} : days.front().from;
    std::vector<CorePoint> out;
    for (Story& story : stories) {
        CorePoint& point = story.point;
        if (story.first < from) {
            point.story.status = StoryStatus::continuing;
        } else {
            point.story = {};
            point.story.status = StoryStatus::new_story;
            point.story.since = story.first;
            point.story.since_title = digest_title(story.first, story.first);
        }
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < point.signature.size() && i < 3; ++i) keys.push_back(point.signature[i].key);
        point.momentum = momentum_of(range_counts(keys, days, merged));
        out.push_back(std::move(point));
    }
    return out;
}

}  // namespace td::digest
