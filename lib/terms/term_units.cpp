#include "terms/term_units.hpp"

#include "common/utf8.hpp"
#include "terms/char_class.hpp"

#include <unicode/unistr.h>

#include <limits>

namespace td::terms {
namespace {

char32_t first_code_point(std::string_view s) {
    std::size_t pos = 0;
    return s.empty() ? 0 : utf8::decode(s, pos);
}

char32_t last_code_point(std::string_view s) {
    std::size_t begin = s.size();
    while (begin > 0 && (static_cast<unsigned char>(s[begin - 1]) & 0xC0) == 0x80 && s.size() - begin < 3) --begin;
    if (begin > 0) --begin;
    std::size_t pos = begin;
    const char32_t c = utf8::decode(s, pos);
    return pos == s.size() ? c : static_cast<unsigned char>(s.back());
}

bool sigil(char c) { return c == '#' || c == '$' || c == '@'; }

// "#AI" / "＃AI" -> "#AI": entities keep one ASCII sigil.
std::string entity_surface(std::string_view text, char ascii_sigil) {
    std::size_t pos = 0;
    utf8::decode(text, pos);
    std::string out(1, ascii_sigil);
    out.append(text.substr(pos));
    return out;
}

// Case folding leaves these unchanged: CJK punctuation, kana, CJK ideographs, Hangul syllables.
bool folds_to_itself(char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}

// Whether folding `text` only lowercases its ASCII letters.
bool folds_as_ascii(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (!folds_to_itself(utf8::decode(text, pos))) return false;
    }
    return true;
}

}  // namespace

std::string fold_case(std::string_view text) {
    if (folds_as_ascii(text)) {
        std::string out(text);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

void append_joined(std::string& phrase, std::string_view next) {
    if (!phrase.empty() && !next.empty() && is_spaced_script(last_code_point(phrase)) &&
        is_spaced_script(first_code_point(next)))
        phrase += ' ';
    phrase += next;
}

std::string join_keys(const std::vector<std::string>& keys, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) append_joined(out, keys[i]);
    return out;
}

std::uint32_t UnitBuffer::store(std::string_view chars) {
    if (chars.size() > std::numeric_limits<std::uint32_t>::max() - chars_.size())
        throw Error(Error::Code::invalid_argument, "term units: more than 4 GiB of text in one batch");
    const auto begin = std::uint32_t(chars_.size());
    chars_.append(chars);
    return begin;
}

void UnitBuffer::add_text(const Segmenter& segmenter, std::string_view text) {
    bool broken = true;
    const Stopwords& stop = builtin_stopword_set();
    for (const Token& token : segmenter.tokenize(text)) {
        Unit unit;
        switch (token.kind) {
        case TokenKind::space: continue;
        case TokenKind::punctuation:
        case TokenKind::emoji:
        case TokenKind::url: broken = true; continue;
        case TokenKind::hashtag:
        case TokenKind::cashtag:
        case TokenKind::mention: {
            const char s = token.kind == TokenKind::hashtag ? '#' : token.kind == TokenKind::cashtag ? '$' : '@';
            unit.kind = token.kind == TokenKind::hashtag   ? TermKind::hashtag
                        : token.kind == TokenKind::cashtag ? TermKind::cashtag
                                                           : TermKind::mention;
            const std::string surface = sigil(token.text[0]) ? std::string(token.text) : entity_surface(token.text, s);
            std::string key = unit.kind == TermKind::cashtag ? surface : fold_case(surface);
            if (unit.kind == TermKind::cashtag)
                for (char& c : key)
                    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            unit.break_before = true;
            add_unit(unit, key, surface);
            broken = true;
            continue;
        }
        case TokenKind::word:
        case TokenKind::number: break;
        }
        const std::string key = fold_case(token.text);
        unit.kind = TermKind::word;
        unit.number = token.kind == TokenKind::number;
        unit.joinable = true;
        unit.stopword = stop.contains(key);
        unit.break_before = broken;
        broken = false;
        add_unit(unit, key, token.text);
    }
    text_ends_.push_back(units_.size());
}

void UnitBuffer::add_unit(Unit unit, std::string_view key, std::string_view surface) {
    unit.key_begin = store(key);
    unit.key_size = std::uint32_t(key.size());
    unit.surface_begin = surface == key ? unit.key_begin : store(surface);
    unit.surface_size = std::uint32_t(surface.size());
    units_.push_back(unit);
}

bool phrase_candidate(std::span<const Unit> units, std::size_t begin, std::size_t n) {
    if (n < 2 || n > max_phrase_units || begin + n > units.size()) return false;
    const Unit& first = units[begin];
    const Unit& last = units[begin + n - 1];
    if (first.stopword || last.stopword || first.number) return false;
    std::size_t bytes = 0;
    for (std::size_t i = begin; i < begin + n; ++i) {
        const Unit& u = units[i];
        if (!u.joinable || (i > begin && u.break_before)) return false;
        bytes += u.key_size + 1;
    }
    return bytes <= max_phrase_bytes;
}

Stopwords::Stopwords(const std::vector<std::string>& extra) {
    for (const char* language : {"zh", "en"})
        for (const std::string& w : builtin_stopwords(language)) words_.insert(w);
    for (const std::string& w : extra) words_.insert(fold_case(w));
}

const Stopwords& builtin_stopword_set() {
    static const Stopwords stopwords;
    return stopwords;
}

bool rankable_word(std::string_view key, const Stopwords& stopwords) {
    if (key.empty() || stopwords.contains(key)) return false;
    std::size_t pos = 0, count = 0;
    bool letters = false, han = false, digit_first = false;
    std::size_t letters_count = 0;
    while (pos < key.size()) {
        const char32_t c = utf8::decode(key, pos);
        if (count == 0) digit_first = is_digit(c);
        ++count;
        if (is_han(c)) han = true;
        const CharClass k = classify(c);
        if ((k == CharClass::alnum && !is_digit(c)) || k == CharClass::hangul || k == CharClass::kana ||
            k == CharClass::letter || k == CharClass::han) {
            letters = true;
            ++letters_count;
        }
    }
    if (!letters) return false;                   // numbers, symbols
    if (count == 1) return false;                 // single Han character or letter
    if (digit_first && (han || letters_count <= 2)) return false;  // "2001年", "3.5b", "10x"
    return true;
}

}  // namespace td::terms
