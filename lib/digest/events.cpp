// Key events: clusters whose tweets announce something (a release, funding, a listing, ...).

#include "digest/evidence.hpp"
#include "digest/tweet_text.hpp"

#include <algorithm>
#include <set>

namespace td::digest {
namespace {

constexpr std::size_t max_events = 8;
constexpr std::size_t clusters_examined = 40;

struct Found {
    KeyEvent event;
    std::size_t rank = 0;
};

}  // namespace

void add_events(const Evidence& evidence, Digest& digest) {
    std::vector<Found> found;
    std::set<std::string> sentences;
    const std::vector<const Cluster*> clusters = evidence.leading_clusters(clusters_examined);
    for (std::size_t rank = 0; rank < clusters.size() && found.size() < max_events; ++rank) {
        const Cluster& cluster = *clusters[rank];
        std::size_t announcing = cluster.members.size();  // the most engaged tweet with a cue
        std::size_t earliest = cluster.members.size();    // the first tweet with a cue
        std::string cue;
        for (std::size_t i = 0; i < cluster.members.size(); ++i) {
            const std::size_t index = cluster.members[i];
            if (evidence.event_cue[index] < 0 || !evidence.quotable[index]) continue;
            if (announcing == cluster.members.size() ||
                engagement(evidence.tweet(index)) > engagement(evidence.tweet(cluster.members[announcing]))) {
                announcing = i;
                cue = evidence.lexicons.event_cues[std::size_t(evidence.event_cue[index])].cue;
            }
            if (earliest == cluster.members.size() ||
                evidence.tweet(index).created_at < evidence.tweet(cluster.members[earliest]).created_at)
                earliest = i;
        }
        if (announcing == cluster.members.size()) continue;
        const std::size_t index = cluster.members[announcing];
        std::string sentence = evidence.sentence(index);
        if (!sentences.insert(sentence).second) continue;
        Found event;
        event.rank = rank;
        event.event.date = evidence.tweet(cluster.members[earliest]).local_date;
        event.event.event = {std::move(sentence), cited_ids(evidence, cluster, index, 2)};
        event.event.impact = evidence.impact(cluster);
        event.event.cue = cue;
        found.push_back(std::move(event));
    }
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.event.date != b.event.date ? a.event.date < b.event.date : a.rank < b.rank;
    });
    for (Found& f : found) digest.events.push_back(std::move(f.event));
}

}  // namespace td::digest
