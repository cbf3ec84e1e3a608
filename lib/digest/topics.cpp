// The AI and finance sections: clusters classified by the shipped topic word lists.

#include "digest/evidence.hpp"

namespace td::digest {
namespace {

constexpr std::size_t clusters_examined = 30;
constexpr std::size_t members_examined = 20;
constexpr std::size_t statements_per_section = 4;
constexpr double topical_share = 0.3;  // of the examined members mentioning the topic

bool about(const Evidence& evidence, const Cluster& cluster, const PhraseMatcher& topic) {
    std::size_t examined = 0, topical = 0;
    for (std::size_t member : cluster.members) {
        if (examined == members_examined) break;
        ++examined;
        if (topic.contains_any(evidence.tweet(member).text)) ++topical;
    }
    return examined > 0 && double(topical) >= topical_share * double(examined);
}

std::vector<Statement> analyse(const Evidence& evidence, const PhraseMatcher& topic,
                               std::string_view none_key) {
    std::vector<Statement> statements;
    for (const Cluster* cluster : evidence.leading_clusters(clusters_examined)) {
        if (statements.size() == statements_per_section) break;
        if (!about(evidence, *cluster, topic)) continue;
        const std::size_t best = evidence.quotable_member(*cluster);
        statements.push_back({evidence.wording.fill("analysis", {{"title", evidence.title(*cluster)},
                                                                 {"sentence", evidence.sentence(best)},
                                                                 {"tweets", std::to_string(cluster->tweets)}}),
                              cited_ids(evidence, *cluster, best, 2)});
    }
    if (statements.empty()) statements.push_back({evidence.wording.text(none_key), {}});
    return statements;
}

}  // namespace

void add_topic_analysis(const Evidence& evidence, Digest& digest) {
    digest.ai_analysis = analyse(evidence, evidence.lexicons.ai_topic, "ai_none");
    digest.finance_analysis = analyse(evidence, evidence.lexicons.finance_topic, "finance_none");
}

}  // namespace td::digest
