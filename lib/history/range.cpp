// Range reports from the history, reading the input only for days the history lacks.

#include "history/daily.hpp"

#include <tweetdigest/render.hpp>

#include <map>

namespace td {
namespace {

Corpus day_corpus(const Corpus& corpus, const LocalDate& day) {
    Corpus out;
    out.time_zone = corpus.time_zone;
    out.from = out.to = day;
    for (const Tweet& tweet : corpus.tweets)
        if (tweet.local_date == day) out.tweets.push_back(tweet);
    out.counts.kept = out.tweets.size();
    out.counts.read = out.tweets.size();
    return out;
}

void warn(std::vector<Diagnostic>* diagnostics, const std::string& source, std::string message) {
    if (!diagnostics) return;
    Diagnostic d;
    d.severity = Diagnostic::Severity::warning;
    d.source = source;
    d.message = std::move(message);
    diagnostics->push_back(std::move(d));
}

}  // namespace

Digest build_range_digest(const Corpus* corpus, const LocalDate& from, const LocalDate& to,
                          const DigestOptions& digest_options, const HistoryOptions& options,
                          std::vector<Diagnostic>* diagnostics) {
    if (to < from) throw Error(Error::Code::invalid_argument, "range report: 'to' is before 'from'");
    HistoryLoad load = load_history(options.dir, from, to, {true, true});
    if (diagnostics) diagnostics->insert(diagnostics->end(), load.diagnostics.begin(), load.diagnostics.end());
    std::map<LocalDate, HistoryEntry*> stored;
    for (HistoryEntry& entry : load.entries) stored.emplace(entry.day.date, &entry);

    DigestOptions day_options = digest_options;
    day_options.generated_at = 0;
    day_options.history = nullptr;
    std::vector<Digest> days;
    std::vector<std::string> sources;
    TermStats merged;
    for (LocalDate day = from; day <= to; day = day.next()) {
        if (const auto found = stored.find(day); found != stored.end()) {
            days.push_back(std::move(*found->second->digest));
            merged.merge(*found->second->stats);
            sources.push_back("history");
            continue;
        }
        const Corpus tweets = corpus ? day_corpus(*corpus, day) : Corpus{};
        if (tweets.tweets.empty()) {
            warn(diagnostics, options.dir, "no history entry and no tweets for " + day.to_string() + ": day left out");
            continue;
        }
        history::DayResult result = history::run_day(tweets, day_options, options, true, diagnostics);
        // The day as the history now holds it, so a range reads the same figures either way.
        days.push_back(digest_from_json(render_json(result.digest)));
        merged.merge(result.stats);
        sources.push_back("input");
    }
    if (days.empty())
        throw Error(Error::Code::invalid_argument, "range report " + from.to_string() + " .. " + to.to_string() +
                                                       ": no day has a history entry or tweets");

    DigestOptions range_options = digest_options;
    range_options.history = nullptr;
    const DigestHistory before = previous_days(options, from, diagnostics);
    use_history_background(before, range_options.terms);
    Digest digest = compose_range_digest(days, merged, range_options);
    digest.from = from;
    digest.to = to;
    digest.title = digest_title(from, to);
    digest.wordcloud_image = "wordcloud_" + digest.title + "." + digest_options.wordcloud_extension;
    if (!digest_options.generated_at)
        digest.generated_at = TimeZone::load(digest.time_zone).start_of_day(to.next()) - 1;
    for (std::size_t i = 0; i < digest.days.size() && i < sources.size(); ++i) digest.days[i].source = sources[i];
    return digest;
}

}  // namespace td
