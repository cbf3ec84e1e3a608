// The digest does not depend on how many threads compute it: slices counted in parallel and
// merged give exactly the single-threaded statistics, terms and report.

#include "synthetic_corpus.hpp"

#include <tweetdigest/digest.hpp>
#include <tweetdigest/render.hpp>
#include <tweetdigest/terms.hpp>

#include <doctest/doctest.h>

namespace {

td::TermOptions with_threads(std::size_t threads) {
    td::TermOptions options;
    options.threads = threads;
    return options;
}

}  // namespace

TEST_CASE("terms and digest are identical on 1, 2 and 3 threads") {
    const td_test::SyntheticDay day = td_test::synthetic_day(80);
    const td::Corpus& corpus = day.corpus;
    REQUIRE(corpus.tweets.size() >= 6000);  // enough for three slices of the minimum size

    const td::TermAnalysis single = td::analyze_terms(corpus, with_threads(1));
    REQUIRE(single.ranked.size() > 20);
    td::DigestOptions digest_options;
    digest_options.terms = with_threads(1);
    const std::string single_report = td::render_json(td::build_digest(corpus, single, digest_options));

    for (std::size_t threads : {2u, 3u}) {
        CAPTURE(threads);
        const td::TermAnalysis parallel = td::analyze_terms(corpus, with_threads(threads));
        CHECK(parallel.stats == single.stats);
        CHECK(parallel.tweet_terms == single.tweet_terms);
        REQUIRE(parallel.ranked.size() == single.ranked.size());
        for (std::size_t i = 0; i < single.ranked.size(); ++i) {
            CHECK(parallel.ranked[i].key == single.ranked[i].key);
            CHECK(parallel.ranked[i].score == single.ranked[i].score);
            CHECK(parallel.ranked[i].example_ids == single.ranked[i].example_ids);
        }
        CHECK(td::build_term_stats(corpus, with_threads(threads)) == single.stats);
        digest_options.terms = with_threads(threads);
        CHECK(td::render_json(td::build_digest(corpus, parallel, digest_options)) == single_report);
    }
}
