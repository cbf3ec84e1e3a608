// The C ABI's history readers on a history folder of fuzzed files: td_history_load with fuzzed
// history options, td_digest_build_range over the fuzzed day (stored digest and stats), and
// td_digest_build with that day as its history.
// Input: a flags byte, then 0x1E-separated parts: history options JSON, day.json, digest.json,
// and terms.bin (the rest: binary), written as DIR/2026-01-24/. Flags can fix up the checksums (the
// manifest's FNV-1a of both files, the stats' CRC-32) so the fuzzer gets past them.

#include "fuzz_capi.hpp"

#include <cstdio>

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

constexpr const char* fuzzed_day = "2026-01-24";

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

json::object file_check(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
    return {{"bytes", bytes.size()}, {"fnv1a64", hex}};
}

// The manifest with "files" describing the two files actually written.
std::string fixed_manifest(std::string_view manifest, std::string_view stats, std::string_view digest) {
    return capi::rewrite_object(manifest, [&](json::object& root) {
        json::value* files = root.if_contains("files");
        if (!files || !files->is_object()) return false;
        files->as_object()["terms.bin"] = file_check(stats);
        files->as_object()["digest.json"] = file_check(digest);
        return true;
    });
}

void load(const std::string& dir, std::string_view options, std::uint8_t mode) {
    const capi::Text arg(options, mode);
    capi::Buffer out;
    const json::value result = out.check_json(
        "td_history_load", td_history_load(dir.c_str(), arg.data(), arg.len(), out.out(), out.out_len()),
        documented::history_load);
    if (result.is_null()) return;
    const json::object& object = result.as_object();
    for (const json::value& entry : object.at("entries").as_array())
        if (entry.as_object().at("date").as_string() != fuzzed_day)
            capi::fail("td_history_load", "an entry of another day");
    for (const json::value& d : object.at("diagnostics").as_array())
        if (d.as_object().at("message").as_string().empty()) capi::fail("td_history_load", "empty diagnostic");
}

void range(const std::string& dir) {
    const std::string options =
        R"({"from": ")" + std::string(fuzzed_day) + R"(", "to": ")" + fuzzed_day + R"(", "history": {"dir": ")" + dir +
        R"("}})";
    capi::Digest digest;
    if (digest.check("td_digest_build_range",
                     td_digest_build_range(nullptr, options.c_str(), TD_NUL_TERMINATED, digest.out()),
                     documented::digest_build_range))
        capi::render_digest(digest.get());
}

void daily(const std::string& dir) {
    const std::string options = R"({"history": {"dir": ")" + dir + R"(", "days": 3, "save": false}})";
    capi::Digest digest;
    if (digest.check("td_digest_build",
                     td_digest_build(capi::fixture_corpus("2026-01-25"), nullptr, options.c_str(), TD_NUL_TERMINATED,
                                     digest.out()),
                     documented::digest_build))
        capi::render_digest(digest.get());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view options = td_fuzz::take_part(input);
    const std::string_view manifest = td_fuzz::take_part(input);
    const std::string_view digest = td_fuzz::take_part(input);
    const std::string stats = capi::with_stats_crc(input, flags & 1);
    const std::uint8_t mode = (flags >> 4) & 3;
    (void)capi::fixture_corpus("2026-01-25");
    td_clear_error();

    const std::string dir = capi::scratch_path("fuzzed-history");
    const std::string folder = dir + "/" + fuzzed_day;
    capi::remove_all(dir);
    const std::string manifest_text = flags & 2 ? fixed_manifest(manifest, stats, digest) : std::string(manifest);
    capi::write_file(folder + "/day.json", manifest_text);
    capi::write_file(folder + "/terms.bin", stats);
    capi::write_file(folder + "/digest.json", digest);

    load(dir, options, mode);
    if (flags & 4) range(dir);
    if (flags & 8) daily(dir);
    return 0;
}
