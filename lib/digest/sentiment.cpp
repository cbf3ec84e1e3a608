#include "digest/sentiment.hpp"

namespace td::digest {
namespace {

// A negation reaches a sentiment word at most this many bytes later (two CJK characters, or one
// or two short English words), with no clause punctuation in between.
constexpr std::size_t negation_reach = 10;

bool breaks_clause(std::string_view gap) {
    for (std::string_view mark : {",", ".", "!", "?", ";", "，", "。", "！", "？", "；"})
        if (gap.find(mark) != std::string_view::npos) return true;
    return false;
}

}  // namespace

int sentiment_score(const Lexicons& lexicons, std::string_view text) {
    int score = 0;
    std::size_t negation_end = std::string_view::npos;
    for (const PhraseMatch& match : lexicons.sentiment.find_all(text)) {
        const auto polarity = static_cast<Polarity>(match.payload);
        if (polarity == Polarity::negation) {
            negation_end = match.end;
            continue;
        }
        const bool negated = negation_end != std::string_view::npos &&
                             match.begin - negation_end <= negation_reach &&
                             !breaks_clause(text.substr(negation_end, match.begin - negation_end));
        negation_end = std::string_view::npos;
        const int sign = polarity == Polarity::positive ? 1 : -1;
        score += negated ? -sign : sign;
    }
    return score;
}

}  // namespace td::digest
