#include "terms_test_support.hpp"

#include "common/utf8.hpp"
#include "terms/term_units.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>

#include <unicode/unistr.h>

namespace {

std::vector<std::string> words_of(const td::Segmenter& s, std::string_view text) { return s.segment(text); }

std::string joined(const std::vector<std::string>& words) {
    return std::accumulate(words.begin(), words.end(), std::string());
}

bool has(const std::vector<std::string>& words, const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
    const auto path = td_test::output_dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

}  // namespace

TEST_CASE("the builtin lexicon loads once, fast, and answers lookups") {
    const auto start = std::chrono::steady_clock::now();
    const auto lexicon = td::Lexicon::builtin();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("builtin lexicon load: " << seconds << " s (debug build)");
    CHECK(lexicon->size() > 340000);
    CHECK(td::Lexicon::builtin().get() == lexicon.get());
    CHECK(lexicon->contains("世界"));
    CHECK(lexicon->frequency("世界") > 1000);
    CHECK_FALSE(lexicon->contains("世界模型"));
    CHECK(lexicon->frequency("世界模型") == 0);
}

TEST_CASE("Chinese segmentation follows the most probable path") {
    const td::Segmenter s;
    const auto words = words_of(s, "我爱北京天安门");
    CHECK(joined(words) == "我爱北京天安门");
    CHECK((has(words, "北京") || has(words, "北京天安门")));
    const auto more = words_of(s, "我们在研究世界模型和AI代理");
    CHECK(joined(more) == "我们在研究世界模型和AI代理");
    CHECK(has(more, "研究"));
    CHECK(has(more, "AI"));
    CHECK(has(more, "代理"));
}

TEST_CASE("numbers, dates and punctuation") {
    const td::Segmenter s;
    CHECK(words_of(s, "二○○一年新年贺词").front() == "二○○一年");
    CHECK(has(words_of(s, "（二○○○年十二月三十一日）"), "十二月"));
    CHECK(has(words_of(s, "（二○○○年十二月三十一日）"), "三十一日"));
    CHECK(has(words_of(s, "2001年新年钟声"), "2001年"));
    CHECK(has(words_of(s, "增长了15.3％以上"), "15.3％"));
    CHECK(has(words_of(s, "共有30万人"), "30万"));
    CHECK(has(words_of(s, "气温－5度"), "－5"));
    CHECK(has(words_of(s, "他是第一名"), "第一"));
    CHECK(words_of(s, "好，走——吧。") == std::vector<std::string>{"好", "，", "走", "——", "吧", "。"});
}

TEST_CASE("the character model joins unknown words from single characters") {
    const td::Segmenter s;
    // Names and new words are not in the dictionary; the word graph leaves them as singles.
    const auto words = words_of(s, "记者夏世清报道");
    CHECK(joined(words) == "记者夏世清报道");
    CHECK(has(words, "记者"));
    CHECK(has(words, "报道"));
}

TEST_CASE("tokens are typed views into the text, in order") {
    const td::Segmenter s;
    const std::string text = "Kimi K2.5 vs GPT-5.2 (3.5B) #AI代理 $NVDA @karpathy https://t.co/abc123 🚀🚀 好！";
    const auto tokens = s.tokenize(text);
    std::size_t end = 0;
    std::map<std::string, td::TokenKind> kinds;
    for (const td::Token& t : tokens) {
        CHECK(t.byte_offset >= end);
        CHECK(t.text.data() == text.data() + t.byte_offset);
        end = t.byte_offset + t.text.size();
        if (t.kind != td::TokenKind::space) kinds[std::string(t.text)] = t.kind;
    }
    CHECK(kinds["Kimi"] == td::TokenKind::word);
    CHECK(kinds["K2.5"] == td::TokenKind::word);
    CHECK(kinds["GPT-5.2"] == td::TokenKind::word);
    CHECK(kinds["3.5B"] == td::TokenKind::number);
    CHECK(kinds["#AI代理"] == td::TokenKind::hashtag);
    CHECK(kinds["$NVDA"] == td::TokenKind::cashtag);
    CHECK(kinds["@karpathy"] == td::TokenKind::mention);
    CHECK(kinds["https://t.co/abc123"] == td::TokenKind::url);
    CHECK(kinds["🚀🚀"] == td::TokenKind::emoji);
    CHECK(kinds["！"] == td::TokenKind::punctuation);
    CHECK(kinds["("] == td::TokenKind::punctuation);
    CHECK(std::string(td::to_string(td::TokenKind::cashtag)) == "cashtag");
    CHECK(std::string(td::to_string(td::TermKind::phrase)) == "phrase");
}

TEST_CASE("Japanese, Korean and hostile bytes are neither garbled nor fatal") {
    const td::Segmenter s;
    const std::string korean = "인공지능 에이전트가 코드를 작성한다";
    const auto ko = words_of(s, korean);
    CHECK(ko == std::vector<std::string>{"인공지능", "에이전트가", "코드를", "작성한다"});
    const std::string japanese = "東京でAIエージェントを試した。";
    const auto ja = words_of(s, japanese);
    CHECK(joined(ja) == japanese);
    CHECK(has(ja, "エージェント"));
    CHECK(has(ja, "AI"));
    const std::string hostile = std::string("\xff\xfe abc \xe4\xb8", 9) + "世界\x80" + std::string(1, '\0') + "é\u0301";
    std::size_t end = 0;
    for (const td::Token& t : s.tokenize(hostile)) {
        CHECK(t.byte_offset >= end);
        end = t.byte_offset + t.text.size();
        CHECK(end <= hostile.size());
    }
    CHECK(s.tokenize("").empty());
}

TEST_CASE("dictionary files: entries, weights, tags and diagnostics with file:line") {
    const auto path = write_temp("user_dict.txt",
                                 "世界模型 50 n\n具身智能\nClaude Code 20 nz\n开源模型 nz\n\n坏行 abc1\n负数 -3\n");
    std::vector<td::Diagnostic> diagnostics;
    const auto entries = td::Lexicon::read_user_dictionary(path.string(), &diagnostics);
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].word == "世界模型");
    CHECK(entries[0].frequency == 50);
    CHECK(entries[0].tag == "n");
    CHECK(entries[1].word == "具身智能");
    CHECK(entries[1].frequency == 0);
    CHECK(entries[2].word == "Claude Code");
    CHECK(entries[2].tag == "nz");
    CHECK(entries[3].word == "开源模型");
    CHECK(entries[3].tag == "nz");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].line == 7);
    CHECK(diagnostics[0].source == path.string());
    CHECK(diagnostics[0].to_string().find(":7:") != std::string::npos);
    // "坏行 abc1": the last field is neither a number nor a tag, so it is part of the word.
    CHECK(entries[4].word == "坏行 abc1");
    CHECK_THROWS_AS(td::Lexicon::read_user_dictionary("/nonexistent/dict.txt"), td::Error);

    const auto small = write_temp("small_dict.txt", "北京 100 ns\n天安门 50 ns\n我 200\n爱 80 v\n\xff\xfe 3\n");
    std::vector<td::Diagnostic> more;
    const auto lexicon = td::Lexicon::from_file(small.string(), &more);
    CHECK(lexicon->size() == 4);
    REQUIRE(more.size() == 1);
    CHECK(more[0].line == 5);
    CHECK(td::Segmenter(lexicon).segment("我爱北京天安门") ==
          std::vector<std::string>{"我", "爱", "北京", "天安门"});
}

TEST_CASE("user entries win over their parts") {
    const td::Segmenter plain;
    CHECK_FALSE(has(plain.segment("我们研究具身智能和世界模型"), "具身智能"));
    const auto lexicon = td::Lexicon::with_user_entries(*td::Lexicon::builtin(), {{"具身智能", 0, "n"}, {"世界模型", 1, ""}});
    CHECK(lexicon->size() == td::Lexicon::builtin()->size() + 2);
    CHECK(lexicon->frequency("具身智能") > 1);
    const td::Segmenter user(lexicon);
    const auto words = user.segment("我们研究具身智能和世界模型");
    CHECK(has(words, "具身智能"));
    CHECK(has(words, "世界模型"));
    CHECK(td::Lexicon::builtin()->size() == plain.lexicon().size());
}

namespace {

std::string icu_fold_case(std::string_view text) {
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
    folded.foldCase();
    std::string out;
    folded.toUTF8String(out);
    return out;
}

}  // namespace

TEST_CASE("fold_case folds as ICU does, copying CJK, kana and Hangul without ICU") {
    std::size_t changed = 0;
    for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0x3000, 0x30FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}})
        for (char32_t c = first; c <= last; ++c) {
            std::string text = "A";
            td::utf8::append(text, c);
            changed += td::terms::fold_case(text) != icu_fold_case(text);
        }
    CHECK(changed == 0);
    for (const std::string text : {"Claude代码", "ＡＩ代理", "ÉCOLE日本語", "Straße", "カタカナABC한국어", "ΑΙ模型", "ǅ", "a\xFF代"})
        CHECK(td::terms::fold_case(text) == icu_fold_case(text));
    CHECK(td::terms::fold_case("GPT模型カタ") == "gpt模型カタ");
}
