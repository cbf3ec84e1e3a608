// The C ABI's duplicate signatures on fuzzed JSON: td_duplicate_signatures_merge_json (A then B,
// and the fixture corpus' signatures then A), td_duplicate_clusters_json with fuzzed options,
// td_corpus_duplicate_signatures_json of the fixture corpus.
// Input: a flags byte, then 0x1E-separated parts: cluster options JSON, signatures A, signatures B
// (the rest). Invariants: a merge's output merges with "[]" to itself, and its clusters hold each
// of its signatures exactly once.

#include "fuzz_capi.hpp"

#include <set>

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

// The merge of two signature arrays, as JSON text ("" when the library refused them).
std::string merge(std::string_view first, std::uint8_t first_mode, std::string_view second, std::uint8_t second_mode) {
    const capi::Text a(first, first_mode), b(second, second_mode);
    capi::Buffer out;
    const json::value merged = out.check_json(
        "td_duplicate_signatures_merge_json",
        td_duplicate_signatures_merge_json(a.data(), a.len(), b.data(), b.len(), out.out(), out.out_len()),
        documented::duplicate_merge);
    if (merged.is_null()) return {};
    if (!merged.is_array()) capi::fail("td_duplicate_signatures_merge_json", "not an array");
    return std::string(out.view());
}

// Checks that the clusters of `signatures` (valid, as a merge wrote them) hold each one once.
void check_clusters(const std::string& signatures, const std::string& options, std::uint8_t mode) {
    const capi::Text options_arg(options, mode);
    capi::Buffer out;
    const json::value clusters = out.check_json(
        "td_duplicate_clusters_json",
        td_duplicate_clusters_json(signatures.data(), signatures.size(), options_arg.data(), options_arg.len(),
                                   out.out(), out.out_len()),
        documented::duplicate_clusters);
    if (clusters.is_null()) return;
    std::multiset<std::string> ids;
    for (const json::value& cluster : clusters.as_array()) {
        const json::array& members = cluster.as_object().at("ids").as_array();
        if (members.empty()) capi::fail("td_duplicate_clusters_json", "an empty cluster");
        for (const json::value& id : members) ids.emplace(id.as_string());
    }
    std::multiset<std::string> expected;
    const json::value parsed = json::parse(signatures);
    for (const json::value& signature : parsed.as_array())
        expected.emplace(signature.as_object().at("id").as_string());
    if (ids != expected) capi::fail("td_duplicate_clusters_json", "the clusters do not hold each signature once");
}

const std::string& fixture_signatures() {
    static const std::string signatures = [] {
        capi::Buffer out;
        if (!out.check("td_corpus_duplicate_signatures_json",
                       td_corpus_duplicate_signatures_json(capi::fixture_corpus(nullptr), out.out(), out.out_len()),
                       documented::duplicate_signatures))
            capi::fixture_failed("td_corpus_duplicate_signatures_json");
        return std::string(out.view());
    }();
    return signatures;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string options(td_fuzz::take_part(input));
    const std::string_view a = td_fuzz::take_part(input);
    const std::string_view b = input;
    const std::uint8_t a_mode = flags & 3, b_mode = (flags >> 2) & 3, options_mode = (flags >> 4) & 3;
    td_clear_error();

    const std::string merged = merge(a, a_mode, b, b_mode);
    if (!merged.empty()) {
        if (merge(merged, 0, "[]", 0) != merged)
            capi::fail("td_duplicate_signatures_merge_json", "merging with [] changed the signatures");
        check_clusters(merged, options, options_mode);
    }
    const std::string with_fixture = merge(fixture_signatures(), 0, a, a_mode);
    if (!with_fixture.empty()) check_clusters(with_fixture, "", 2);
    return 0;
}
