#include "ingest/record_sink.hpp"

#include "text/analysis.hpp"

namespace td::ingest {

RecordSink::RecordSink(std::string source, const ReadOptions& options,
                       const std::function<void(Tweet&&)>& on_tweet,
                       const std::function<void(Diagnostic&&)>& on_diagnostic)
    : source_(std::move(source)),
      options_(options),
      zone_(TimeZone::load(options.time_zone)),
      on_tweet_(on_tweet),
      on_diagnostic_(on_diagnostic) {}

void RecordSink::report(Diagnostic::Severity severity, std::string message) const {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.source = source_;
    diagnostic.line = line_;
    diagnostic.byte_offset = offset_;
    diagnostic.message = std::move(message);
    ++reported_;
    on_diagnostic_(std::move(diagnostic));
}

void complete_tweet(Tweet& tweet, const std::vector<UrlExpansion>& expansions, const TimeZone& zone) {
    if (tweet.original && tweet.original->text == tweet.text) {  // a retweet shows its original's text
        tweet.entities = tweet.original->entities;
        tweet.analysis_text = tweet.original->analysis_text;
    } else {
        text::AnalysedText analysed = text::analyse_text(tweet.text, expansions);
        tweet.entities = std::move(analysed.entities);
        tweet.analysis_text = std::move(analysed.analysis_text);
    }
    tweet.local_date = zone.local_date(tweet.created_at);
    tweet.dup_group = tweet.id;
}

void RecordSink::emit(ParsedTweet&& parsed) const {
    complete_tweet(parsed.tweet, parsed.expansions, zone_);
    on_tweet_(std::move(parsed.tweet));
}

}  // namespace td::ingest
