// The C ABI's network entry points on fuzzed options, without any network: td_x_fetch (fetch
// options) and td_digest_improve_prose (prose options, on the fixture digest or one loaded with
// td_digest_from_json from the input). Every URL is mapped onto 127.0.0.1 port 1, where nothing
// listens (plain http, so no proxy is involved), with one attempt and a short deadline; output
// files go to a scratch folder emptied after each run. What gets fuzzed is option validation,
// URL parsing and the paths up to the first connection.
// Input: a flags byte, then 0x1E-separated parts: prose options JSON, fetch options JSON and an
// optional digest JSON (the rest).

#include "fuzz_capi.hpp"

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

// Where the fuzzer's URLs go: nowhere reachable, and a few malformed ones.
const std::initializer_list<std::string>& urls() {
    static const std::initializer_list<std::string> list{
        "http://127.0.0.1:1",        "http://127.0.0.1:1/v1/",     "http://user:secret@127.0.0.1:1/v1?key=k",
        "http://[::1]:1/v1",         "ftp://127.0.0.1:1",          "http://127.0.0.1:99999",
        "http://",                   "127.0.0.1:1",                "http://127.0.0.1:1/a b",
        "http://127.0.0.1:notaport", "http://[::1/v1",             "http://127.0.0.1:1#frag"};
    return list;
}

bool fix_http(json::object& options, bool insert_url) {
    bool changed = false;
    if (capi::find(options, "base_url")) {
        changed = capi::map_path(options, "base_url", urls());
    } else if (insert_url) {
        options["base_url"] = "http://127.0.0.1:1";
        changed = true;
    }
    changed = capi::cap_integer(options, "max_attempts", 1, 100, 1) || changed;
    changed = capi::cap_integer(options, "timeout_ms", 1, INT32_MAX, 2000) || changed;
    return changed;
}

// A last guard before a call: a base URL in the final document is one of ours (or "", or not a
// string, which the library rejects); `defaulted`: a missing one means the real API.
bool only_local_urls(const std::string& options, bool defaulted) {
    boost::system::error_code error;
    json::value value = json::parse(options, error);
    if (error || !value.is_object()) return true;  // rejected before any request
    const json::value* url = capi::find(value.as_object(), "base_url");
    if (!url) return !defaulted;
    if (!url->is_string() || url->as_string().empty()) return true;
    for (const std::string& ours : urls())
        if (url->as_string() == ours) return true;
    return false;
}

struct Paths {
    std::string dir = capi::scratch_path("fetch");
    std::string output = dir + "/tweets.jsonl";
    std::string missing_parent = dir + "/missing/tweets.jsonl";
};

const Paths& paths() {
    static const Paths p;
    return p;
}

bool fix_fetch(json::object& options) {
    const bool url = fix_http(options, true);  // the default base URL is the real API
    const Paths& p = paths();
    return capi::map_path(options, "output_path", {p.output, p.missing_parent, p.dir}) || url;
}

void fetch(std::string_view text, std::uint8_t mode) {
    std::filesystem::create_directories(paths().dir);
    const std::string options = capi::rewrite_object(capi::effective(text, mode), fix_fetch);
    if (!only_local_urls(options, true)) capi::fail("fuzz_capi_net", "unsafe fetch options: " + options);
    const capi::Text arg(options, mode);
    capi::Buffer out;
    const json::value result =
        out.check_json("td_x_fetch", td_x_fetch(arg.data(), arg.len(), out.out(), out.out_len()), documented::x_fetch);
    if (!result.is_null() && !result.as_object().contains("pages")) capi::fail("td_x_fetch", "no \"pages\"");
    capi::remove_all(paths().dir);
}

void improve(std::string_view text, std::uint8_t mode, std::string_view digest_json) {
    capi::Digest digest;
    const std::string& fixture = capi::fixture_digest_json();
    const bool fuzzed = !digest_json.empty() &&
                        digest.check("td_digest_from_json",
                                     td_digest_from_json(digest_json.data(), digest_json.size(), digest.out()),
                                     documented::digest_from_json);
    if (!fuzzed && !digest.check("td_digest_from_json",
                                 td_digest_from_json(fixture.data(), fixture.size(), digest.out()), {}))
        return;
    capi::Buffer before;
    if (!before.check("td_digest_to_json", td_digest_to_json(digest.get(), before.out(), before.out_len()),
                      documented::digest_output))
        return;

    // Without a base URL the library refuses before any request: only rewrite one that is there.
    const std::string options = capi::rewrite_object(capi::effective(text, mode), [](json::object& o) {
        return fix_http(o, false);
    });
    if (!only_local_urls(options, false)) capi::fail("fuzz_capi_net", "unsafe prose options: " + options);
    const capi::Text arg(options, mode);
    capi::Buffer out;
    const json::value report =
        out.check_json("td_digest_improve_prose",
                       td_digest_improve_prose(digest.get(), arg.data(), arg.len(), out.out(), out.out_len()),
                       documented::improve_prose);
    if (report.is_null()) return;
    const json::object& r = report.as_object();
    if (!r.contains("accepted") || !r.contains("rejected") || !r.contains("diagnostics"))
        capi::fail("td_digest_improve_prose", "malformed report");
    // Nothing answers, so nothing may have been rewritten.
    capi::Buffer after;
    if (after.check("td_digest_to_json", td_digest_to_json(digest.get(), after.out(), after.out_len()),
                    documented::digest_output) &&
        after.view() != before.view())
        capi::fail("td_digest_improve_prose", "a failed request changed the digest");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view prose_options = td_fuzz::take_part(input);
    const std::string_view fetch_options = td_fuzz::take_part(input);
    const std::string_view digest = input;
    const std::uint8_t mode = flags & 3;
    (void)capi::fixture_digest_json();
    td_clear_error();

    if (!(flags & 4)) improve(prose_options, mode, digest);
    if (!(flags & 8)) fetch(fetch_options, mode);
    return 0;
}
