#include "terms/char_class.hpp"
#include "terms/han_segmenter.hpp"

#include "common/utf8.hpp"

#include <tweetdigest/text.hpp>

namespace td {
namespace {

using terms::CharClass;

bool is_connector(char32_t c) noexcept {
    return c == '.' || c == '-' || c == '_' || c == '\'' || c == U'’' || c == 0x2010 || c == 0x2011;
}

bool is_magnitude(char32_t c) noexcept { return c == U'万' || c == U'亿' || c == U'千' || c == U'百'; }
bool is_unit(char32_t c) noexcept {
    return c == U'年' || c == U'月' || c == U'日' || c == U'时' || c == U'分' || c == U'秒';
}
bool is_katakana(char32_t c) noexcept { return (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F); }
bool is_percent(char32_t c) noexcept { return c == '%' || c == U'％'; }
bool is_minus(char32_t c) noexcept { return c == '-' || c == U'－' || c == U'−'; }

bool ends_with_digit(std::string_view s) noexcept {
    if (s.empty()) return false;
    const unsigned char last = static_cast<unsigned char>(s.back());
    if (last >= '0' && last <= '9') return true;
    return s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xEF &&
           static_cast<unsigned char>(s[s.size() - 2]) == 0xBC && last >= 0x90 && last <= 0x99;
}

class Scanner {
public:
    Scanner(const Lexicon::Impl& lexicon, std::string_view text, std::vector<Token>& out)
        : lexicon_(lexicon), text_(text), out_(out) {}

    void scan(std::size_t begin, std::size_t end) {
        std::size_t pos = begin;
        while (pos < end) {
            std::size_t next = pos;
            const char32_t c = utf8::decode(text_, next);
            const CharClass k = terms::classify(c);
            switch (k) {
            case CharClass::han: pos = scan_han(pos, end); break;
            case CharClass::alnum: pos = scan_alnum(pos, end); break;
            case CharClass::space: pos = scan_run(pos, end, TokenKind::space, [](char32_t, CharClass x) { return x == CharClass::space; }); break;
            case CharClass::hangul:
                pos = scan_run(pos, end, TokenKind::word, [](char32_t, CharClass x) { return x == CharClass::hangul || x == CharClass::mark; });
                break;
            case CharClass::kana: {
                // Hiragana and katakana runs apart: "エージェント" + "を".
                const bool katakana = is_katakana(c);
                pos = scan_run(pos, end, TokenKind::word, [katakana](char32_t d, CharClass x) {
                    return x == CharClass::mark || (x == CharClass::kana && (d == U'ー' || is_katakana(d) == katakana));
                });
                break;
            }
            case CharClass::letter: {
                const int script = terms::script_of(c);
                pos = scan_run(pos, end, TokenKind::word, [script](char32_t d, CharClass x) {
                    return x == CharClass::mark || (x == CharClass::letter && terms::script_of(d) == script);
                });
                break;
            }
            case CharClass::emoji:
            case CharClass::emoji_joiner:
                pos = scan_run(pos, end, TokenKind::emoji, [](char32_t, CharClass x) {
                    return x == CharClass::emoji || x == CharClass::emoji_joiner;
                });
                break;
            case CharClass::mark:
                if (!out_.empty() && out_.back().byte_offset + out_.back().text.size() == pos &&
                    out_.back().kind != TokenKind::space) {
                    extend_last(next);
                    pos = next;
                } else {
                    pos = scan_run(pos, end, TokenKind::punctuation, [](char32_t, CharClass x) { return x == CharClass::mark; });
                }
                break;
            case CharClass::punctuation:
                if (is_minus(c) && starts_number(next, end) && !follows_word(pos)) {
                    const std::size_t sign = pos;
                    pos = scan_alnum(next, end);
                    if (out_.back().kind == TokenKind::number) {
                        out_.back() = {text_.substr(sign, pos - sign), TokenKind::number, sign};
                    } else {
                        out_.insert(out_.end() - 1, {text_.substr(sign, next - sign), TokenKind::punctuation, sign});
                    }
                    break;
                }
                pos = scan_run(pos, end, TokenKind::punctuation, [c](char32_t d, CharClass) { return d == c && c != utf8::invalid; });
                break;
            }
        }
    }

private:
    bool starts_number(std::size_t pos, std::size_t end) const {
        if (pos >= end) return false;
        return terms::is_digit(utf8::decode(text_, pos));
    }
    bool follows_word(std::size_t pos) const {
        if (out_.empty()) return false;
        const Token& last = out_.back();
        if (last.byte_offset + last.text.size() != pos || last.text.empty()) return false;
        const unsigned char c = static_cast<unsigned char>(last.text.back());
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    void push(std::size_t begin, std::size_t end, TokenKind kind) {
        out_.push_back({text_.substr(begin, end - begin), kind, begin});
    }
    void extend_last(std::size_t end) {
        Token& last = out_.back();
        last.text = text_.substr(last.byte_offset, end - last.byte_offset);
    }

    template <typename Continues>
    std::size_t scan_run(std::size_t begin, std::size_t end, TokenKind kind, Continues continues) {
        std::size_t pos = begin;
        utf8::decode(text_, pos);
        while (pos < end) {
            std::size_t next = pos;
            const char32_t d = utf8::decode(text_, next);
            if (!continues(d, terms::classify(d))) break;
            pos = next;
        }
        push(begin, pos, kind);
        return pos;
    }

    std::size_t scan_alnum(std::size_t begin, std::size_t end) {
        std::size_t pos = begin;
        bool letters = false, digit_first = false, letter_after_digit_only_at_end = true;
        std::size_t letters_after_digit = 0;
        bool first = true, seen_digit = false;
        while (pos < end) {
            std::size_t next = pos;
            const char32_t c = utf8::decode(text_, next);
            const CharClass k = terms::classify(c);
            if (k == CharClass::alnum || (k == CharClass::mark && !first)) {
                const bool digit = terms::is_digit(c);
                if (first) digit_first = digit;
                if (digit) {
                    seen_digit = true;
                    if (letters_after_digit) letter_after_digit_only_at_end = false;
                } else if (k == CharClass::alnum) {
                    letters = true;
                    if (seen_digit) ++letters_after_digit;
                }
                first = false;
                pos = next;
                continue;
            }
            if (!first && is_connector(c) && next < end) {
                std::size_t after = next;
                const char32_t d = utf8::decode(text_, after);
                if (terms::classify(d) == CharClass::alnum) {
                    pos = next;
                    if (letters_after_digit) letter_after_digit_only_at_end = false;
                    continue;
                }
            }
            break;
        }
        const bool number = !letters || (digit_first && letter_after_digit_only_at_end && letters_after_digit <= 2);
        if (!letters && pos < end) {
            std::size_t next = pos;
            if (is_percent(utf8::decode(text_, next))) pos = next;
        }
        push(begin, pos, number ? TokenKind::number : TokenKind::word);
        return pos;
    }

    std::size_t scan_han(std::size_t begin, std::size_t end) {
        chars_.clear();
        offsets_.clear();
        std::size_t pos = begin;
        while (pos < end) {
            std::size_t next = pos;
            const char32_t c = utf8::decode(text_, next);
            if (terms::classify(c) != CharClass::han) break;
            chars_.push_back(c);
            offsets_.push_back(pos);
            pos = next;
        }
        offsets_.push_back(pos);
        // "2001年", "30万", "8时": magnitudes and units right after digits belong to the number.
        std::size_t first = 0;
        if (!out_.empty() && out_.back().kind == TokenKind::number &&
            out_.back().byte_offset + out_.back().text.size() == begin && ends_with_digit(out_.back().text)) {
            while (first < chars_.size() && is_magnitude(chars_[first])) ++first;
            if (first < chars_.size() && is_unit(chars_[first])) ++first;
            if (first > 0) extend_last(offsets_[first]);
        }
        words_.clear();
        if (first == chars_.size()) return pos;
        terms::segment_han(lexicon_, std::span<const char32_t>(chars_).subspan(first), words_, scratch_);
        for (const terms::HanWord& w : words_)
            push(offsets_[first + w.begin], offsets_[first + w.begin + w.length],
                 w.numeral ? TokenKind::number : TokenKind::word);
        return pos;
    }

    const Lexicon::Impl& lexicon_;
    std::string_view text_;
    std::vector<Token>& out_;
    std::vector<char32_t> chars_;
    std::vector<std::size_t> offsets_;
    std::vector<terms::HanWord> words_;
    terms::HanScratch scratch_;
};

TokenKind token_kind(EntityKind kind) noexcept {
    switch (kind) {
    case EntityKind::url: return TokenKind::url;
    case EntityKind::hashtag: return TokenKind::hashtag;
    case EntityKind::cashtag: return TokenKind::cashtag;
    case EntityKind::mention:
    case EntityKind::list: return TokenKind::mention;
    }
    return TokenKind::word;
}

}  // namespace

Segmenter::Segmenter(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {
    if (!lexicon_) lexicon_ = Lexicon::builtin();
}

std::vector<Token> Segmenter::tokenize(std::string_view text) const {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 3 + 4);
    Scanner scanner(lexicon_->impl(), text, tokens);
    std::size_t pos = 0;
    const bool maybe_entities = text.find_first_of("#@$.") != std::string_view::npos ||
                                text.find("\xEF\xBC\x83") != std::string_view::npos ||  // full-width #
                                text.find("\xEF\xBC\xA0") != std::string_view::npos;    // full-width @
    if (maybe_entities) {
        for (const Entity& e : extract_entities(text)) {
            if (e.byte_begin < pos || e.byte_end > text.size() || e.byte_end <= e.byte_begin) continue;
            scanner.scan(pos, e.byte_begin);
            tokens.push_back({text.substr(e.byte_begin, e.byte_end - e.byte_begin), token_kind(e.kind), e.byte_begin});
            pos = e.byte_end;
        }
    }
    scanner.scan(pos, text.size());
    return tokens;
}

std::vector<std::string> Segmenter::segment(std::string_view text) const {
    std::vector<std::string> words;
    const std::vector<Token> tokens = tokenize(text);
    words.reserve(tokens.size());
    for (const Token& t : tokens)
        if (t.kind != TokenKind::space) words.emplace_back(t.text);
    return words;
}

}  // namespace td
