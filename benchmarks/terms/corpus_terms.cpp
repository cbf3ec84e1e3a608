// Terms of the bundled sample corpus: times analyze_terms and prints the top terms.
// usage: terms_corpus_benchmark [TWEETS.jsonl [TOP]]   (one JSON object per line: a summary,
// then one line per ranked term)

#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : std::string(TD_SOURCE_DIR) + "/examples/data/sample_tweets.jsonl";
    const std::size_t top = argc > 2 ? std::stoul(argv[2]) : 30;
    const td::Corpus corpus = td::read_corpus({path});
    (void)td::Lexicon::builtin();
    td::TermOptions options;
    options.top = top;
    const auto start = std::chrono::steady_clock::now();
    const td::TermAnalysis analysis = td::analyze_terms(corpus, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s\n", boost::json::serialize(boost::json::object{
                            {"corpus", path}, {"tweets", corpus.tweets.size()},
                            {"distinct_keys", analysis.stats.terms.size()},
                            {"serialized_bytes", analysis.stats.serialize().size()},
                            {"analyze_seconds", seconds}}).c_str());
    std::size_t rank = 0;
    for (const td::Term& term : analysis.ranked) {
        boost::json::array examples;
        for (const std::string& id : term.example_ids) examples.emplace_back(id);
        std::printf("%s\n", boost::json::serialize(boost::json::object{
                                {"rank", ++rank}, {"display", term.display}, {"key", term.key},
                                {"kind", td::to_string(term.kind)}, {"score", term.score},
                                {"frequency", term.frequency}, {"documents", term.document_frequency},
                                {"examples", std::move(examples)}}).c_str());
    }
    return 0;
}
