// The C ABI's text entry points on fuzzed text and options: td_extract_entities,
// td_weighted_length, td_segmenter_create (with dictionary files of fuzzed contents),
// td_segmenter_segment and td_segmenter_tokenize.
// Input: a flags byte, then 0x1E-separated parts: length options JSON, segmenter options JSON,
// dictionary file contents, and the text (the rest).

#include "fuzz_capi.hpp"

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

// The files a "dictionary" or "user_dictionary" option may name.
struct Files {
    std::string fuzzed = capi::scratch_path("dictionary.txt");  // this input's dictionary part
    std::string fixed = capi::scratch_path("fixed-dictionary.txt");
    std::string missing = capi::scratch_path("no-such-dictionary.txt");
    std::string folder = capi::scratch_dir().string();

    Files() { capi::write_file(fixed, "人工智能 100 n\n世界模型 50\nClaude Code 20 nz\nAI代理\n"); }
};

const td_segmenter* default_segmenter() {
    static td_segmenter* const segmenter = [] {
        td_segmenter* s = nullptr;
        if (td_segmenter_create(nullptr, 0, &s) != TD_OK) capi::fixture_failed("td_segmenter_create");
        return s;
    }();
    return segmenter;
}

// TD_ERR_PARSE exactly when the text is not UTF-8.
void check_utf8_verdict(const char* call, td_status status, bool valid) {
    if (valid && status == TD_ERR_PARSE) capi::fail(call, "TD_ERR_PARSE for valid UTF-8");
    if (!valid && status != TD_ERR_PARSE) capi::fail(call, "invalid UTF-8 accepted");
}

void segment(const td_segmenter* segmenter, std::string_view text, std::uint8_t mode) {
    const capi::Text arg(text, mode);
    const std::string_view seen = capi::effective(text, mode);
    const bool valid = td_fuzz::is_valid_utf8(seen);
    capi::Buffer out;

    td_status status = td_segmenter_segment(segmenter, arg.data(), arg.len(), out.out(), out.out_len());
    check_utf8_verdict("td_segmenter_segment", status, valid);
    const json::value words = out.check_json("td_segmenter_segment", status, documented::segment);
    if (!words.is_null()) {
        if (!words.is_array()) capi::fail("td_segmenter_segment", "not an array");
        for (const json::value& word : words.as_array())
            if (!word.is_string()) capi::fail("td_segmenter_segment", "a word that is not a string");
    }

    status = td_segmenter_tokenize(segmenter, arg.data(), arg.len(), out.out(), out.out_len());
    check_utf8_verdict("td_segmenter_tokenize", status, valid);
    const json::value tokens = out.check_json("td_segmenter_tokenize", status, documented::segment);
    if (tokens.is_null()) return;
    if (!tokens.is_array()) capi::fail("td_segmenter_tokenize", "not an array");
    std::uint64_t previous_end = 0;
    for (const json::value& item : tokens.as_array()) {
        const json::object* token = item.if_object();
        if (!token || !token->contains("text") || !token->contains("byte_offset") || !token->contains("kind"))
            capi::fail("td_segmenter_tokenize", "a token without text, kind or byte_offset");
        const std::string_view token_text = token->at("text").as_string();
        const std::uint64_t offset = token->at("byte_offset").to_number<std::uint64_t>();
        if (offset < previous_end || offset > seen.size() || token_text.size() > seen.size() - offset)
            capi::fail("td_segmenter_tokenize", "token out of order or outside the text");
        if (seen.substr(offset, token_text.size()) != token_text)
            capi::fail("td_segmenter_tokenize", "token text differs from the text at its offset");
        previous_end = offset + token_text.size();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Files files;
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view length_options = td_fuzz::take_part(input);
    const std::string_view segmenter_options = td_fuzz::take_part(input);
    const std::string_view dictionary = td_fuzz::take_part(input);
    const std::string_view text = input;
    const std::uint8_t text_mode = flags & 3, options_mode = (flags >> 2) & 3;
    td_clear_error();

    const capi::Text text_arg(text, text_mode);
    const std::string_view seen = capi::effective(text, text_mode);
    const bool valid = td_fuzz::is_valid_utf8(seen);
    capi::Buffer out;

    // Entities: in order, inside the text.
    td_status status = td_extract_entities(text_arg.data(), text_arg.len(), out.out(), out.out_len());
    check_utf8_verdict("td_extract_entities", status, valid);
    const json::value entities = out.check_json("td_extract_entities", status, documented::extract_entities);
    if (!entities.is_null()) {
        if (!entities.is_array()) capi::fail("td_extract_entities", "not an array");
        std::uint64_t previous_end = 0;
        for (const json::value& item : entities.as_array()) {
            const json::object& entity = item.as_object();
            const auto begin = entity.at("byte_begin").to_number<std::uint64_t>();
            const auto end = entity.at("byte_end").to_number<std::uint64_t>();
            if (begin < previous_end || begin > end || end > seen.size())
                capi::fail("td_extract_entities", "entity out of order or outside the text");
            if (entity.at("begin").to_number<std::uint64_t>() > entity.at("end").to_number<std::uint64_t>())
                capi::fail("td_extract_entities", "entity ends before it begins");
            previous_end = end;
        }
    }

    // Weighted length with fuzzed options.
    const capi::Text length_arg(length_options, options_mode);
    status = td_weighted_length(text_arg.data(), text_arg.len(), length_arg.data(), length_arg.len(), out.out(),
                                out.out_len());
    if (status == TD_ERR_PARSE && valid) capi::fail("td_weighted_length", "TD_ERR_PARSE for valid UTF-8");
    const json::value length = out.check_json("td_weighted_length", status, documented::weighted_length);
    if (!length.is_null()) {
        if (!valid) capi::fail("td_weighted_length", "invalid UTF-8 accepted");
        const json::object& object = length.as_object();
        if (!object.at("valid").is_bool() || !object.at("weighted_length").is_number())
            capi::fail("td_weighted_length", "malformed result");
    }

    // A segmenter from fuzzed options, its dictionary files taken from the input.
    capi::Segmenter created;
    const td_segmenter* segmenter = default_segmenter();
    if (!segmenter_options.empty()) {
        const std::string options = capi::rewrite_object(
            capi::effective(segmenter_options, options_mode), [&](json::object& object) {
                const std::initializer_list<std::string> choices{files.fuzzed, files.fixed, files.missing, files.folder};
                bool changed = capi::map_path(object, "dictionary", choices);
                changed = capi::map_path(object, "user_dictionary", choices) || changed;
                // User entries rebuild the whole base lexicon (about a second for the built-in
                // one, far more under the sanitizers): give them the small fixed one instead.
                if (capi::find(object, "user_dictionary") && !capi::find(object, "dictionary")) {
                    object["dictionary"] = files.fixed;
                    changed = true;
                }
                return changed;
            });
        capi::write_file(files.fuzzed, dictionary);
        const capi::Text options_arg(options, options_mode);
        if (created.check("td_segmenter_create", td_segmenter_create(options_arg.data(), options_arg.len(), created.out()),
                          documented::segmenter_create))
            segmenter = created.get();
    }
    segment(segmenter, text, text_mode);
    return 0;
}
