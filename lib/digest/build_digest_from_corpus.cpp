#include <tweetdigest/digest.hpp>

namespace td {

Digest build_digest(const Corpus& corpus, const DigestOptions& options) {
    return build_digest(corpus, analyze_terms(corpus, options.terms), options);
}

}  // namespace td
