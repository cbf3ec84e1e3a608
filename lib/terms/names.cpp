#include <tweetdigest/terms.hpp>

namespace td {

const char* to_string(TokenKind kind) noexcept {
    switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::hashtag: return "hashtag";
    case TokenKind::cashtag: return "cashtag";
    case TokenKind::mention: return "mention";
    case TokenKind::url: return "url";
    case TokenKind::emoji: return "emoji";
    case TokenKind::punctuation: return "punctuation";
    case TokenKind::space: return "space";
    }
    return "unknown";
}

const char* to_string(TermKind kind) noexcept {
    switch (kind) {
    case TermKind::word: return "word";
    case TermKind::phrase: return "phrase";
    case TermKind::hashtag: return "hashtag";
    case TermKind::cashtag: return "cashtag";
    case TermKind::mention: return "mention";
    }
    return "unknown";
}

}  // namespace td
