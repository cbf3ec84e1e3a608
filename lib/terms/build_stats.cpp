#include "terms/stats_internal.hpp"
#include "terms/term_units.hpp"

#include <map>

namespace td {
namespace terms {
namespace {

struct TweetCounts {
    TermKind kind = TermKind::word;
    std::uint64_t occurrences = 0;
    std::map<std::string, std::uint64_t> forms;  // surface forms other than the key
};

void count_unit(std::map<std::string, TweetCounts>& counts, const std::string& key,
                const std::string& surface, TermKind kind) {
    TweetCounts& c = counts[key];
    if (c.occurrences == 0) c.kind = kind;
    ++c.occurrences;
    if (surface != key) ++c.forms[surface];
}

}  // namespace

const std::string& tweet_text(const Tweet& tweet) {
    return tweet.analysis_text.empty() ? tweet.text : tweet.analysis_text;
}

void add_units(TermStats& stats, const std::vector<Unit>& units, const Tweet& tweet) {
    std::map<std::string, TweetCounts> counts;
    for (std::size_t i = 0; i < units.size(); ++i) {
        count_unit(counts, units[i].key, units[i].surface, units[i].kind);
        std::string key = units[i].key, surface = units[i].surface;
        for (std::size_t n = 2; n <= max_phrase_units && phrase_candidate(units, i, n); ++n) {
            append_joined(key, units[i + n - 1].key);
            append_joined(surface, units[i + n - 1].surface);
            count_unit(counts, key, surface, TermKind::phrase);
        }
    }
    ++stats.documents;
    const double engagement = engagement_weight(tweet);
    const std::uint64_t copies = (tweet.dup_count > 0 ? tweet.dup_count - 1 : 0) + tweet.retweets_seen;
    const int day = tweet.local_date.days_since_epoch();
    for (auto& [key, c] : counts) {
        auto [it, inserted] = stats.terms.try_emplace(key);
        TermCounts& t = it->second;
        t.kind = inserted ? c.kind : std::min(t.kind, c.kind);
        t.frequency += c.occurrences;
        t.document_frequency += 1;
        t.engagement += engagement;
        t.spread += copies;
        t.per_day[day] += 1;
        if (!c.forms.empty()) {
            auto& forms = stats.surface_forms[key];
            for (const auto& [form, n] : c.forms) forms[form] += n;
        }
    }
}

}  // namespace terms

TermStats build_term_stats(const Corpus& corpus, const TermOptions& options) {
    const Segmenter segmenter(options.lexicon ? options.lexicon : Lexicon::builtin());
    return terms::sharded_stats(corpus, segmenter, nullptr);
}

}  // namespace td
