// The C ABI's digest model on fuzzed JSON: td_digest_from_json, then every rendering
// (td_digest_to_markdown, _to_json, _post_path, _wordcloud_path, _cloud_words,
// _history_diagnostics_json), and td_history_save / td_history_load of the loaded digest.
// Input: a flags byte, then the digest JSON (the rest).
// Invariants: td_digest_to_json output loads back and renders the same JSON; a one-day digest
// saved to a history folder is found there again.

#include "fuzz_capi.hpp"

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

void save_and_load(const td_digest* digest, const std::string& model, bool second_day) {
    const std::string dir = capi::scratch_path("saved-history");
    capi::remove_all(dir);
    const td_status status =
        td_history_save(dir.c_str(), digest, capi::fixture_stats(second_day ? "2026-01-25" : "2026-01-24"));
    if (!capi::check("td_history_save", status, documented::history_save)) return;

    const json::object stored = json::parse(model).as_object();
    const std::string day(stored.at("from").as_string());
    if (day != stored.at("to").as_string()) capi::fail("td_history_save", "saved a digest of several days");
    const std::string options = R"({"from": ")" + day + R"(", "to": ")" + day + R"(", "stats": true})";
    capi::Buffer out;
    const json::value load =
        out.check_json("td_history_load",
                       td_history_load(dir.c_str(), options.c_str(), TD_NUL_TERMINATED, out.out(), out.out_len()),
                       documented::history_load);
    if (load.is_null()) return;
    const json::array& entries = load.as_object().at("entries").as_array();
    if (entries.size() != 1 || entries[0].as_object().at("date").as_string() != day)
        capi::fail("td_history_load", "the day just saved is not found: " + std::string(out.view()));
    capi::remove_all(dir);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::uint8_t mode = flags & 3;
    td_clear_error();

    const capi::Text arg(input, mode);
    const std::string_view seen = capi::effective(input, mode);
    capi::Digest digest;
    const td_status status = td_digest_from_json(arg.data(), arg.len(), digest.out());
    if (status == TD_OK && !td_fuzz::is_valid_utf8(seen)) capi::fail("td_digest_from_json", "invalid UTF-8 accepted");
    if (!digest.check("td_digest_from_json", status, documented::digest_from_json)) return 0;

    const std::string model = capi::render_digest(digest.get());
    if (model.empty()) return 0;
    capi::Digest reloaded;
    const td_status again_status = td_digest_from_json(model.data(), model.size(), reloaded.out());
    if (again_status != TD_OK && again_status != TD_ERR_NO_MEMORY)
        capi::fail("td_digest_from_json", std::string("td_digest_to_json output does not load: ") + td_last_error());
    if (reloaded.check("td_digest_from_json", again_status, documented::digest_from_json)) {
        capi::Buffer again;
        if (again.check("td_digest_to_json", td_digest_to_json(reloaded.get(), again.out(), again.out_len()),
                        documented::digest_output) &&
            again.view() != model)
            capi::fail("td_digest_to_json", "a digest differs after a to_json/from_json round trip");
    }
    if (flags & 4) save_and_load(digest.get(), model, flags & 8);
    return 0;
}
