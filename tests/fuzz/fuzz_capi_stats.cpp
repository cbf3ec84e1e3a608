// The C ABI's term statistics on fuzzed bytes and term options: td_term_stats_load (its CRC
// optionally fixed up, so the fuzzer gets past it), _serialize, _counts, _merge (two blobs, and a
// blob into itself) and _score (optionally against the other blob as background).
// Input: a flags byte, the term options JSON and a 0x1E, then blob A's length (two bytes,
// little-endian), blob A and blob B (the rest): blobs are binary, so they are not 0x1E-separated.
// Invariants: what serialize writes, load reads back to the same bytes, also after a merge;
// merge adds the document counts.

#include "fuzz_capi.hpp"

#include <algorithm>

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

struct Counts {
    std::uint64_t documents = 0, terms = 0;
};

Counts counts(const td_term_stats* stats) {
    Counts c;
    capi::check("td_term_stats_counts", td_term_stats_counts(stats, &c.documents, &c.terms), documented::stats_counts);
    capi::check("td_term_stats_counts", td_term_stats_counts(stats, nullptr, nullptr), documented::stats_counts);
    return c;
}

// The serialized bytes of stats, which must load back to the same bytes ("" after NO_MEMORY).
std::string round_trip(const char* what, const td_term_stats* stats) {
    capi::Buffer out;
    if (!out.check("td_term_stats_serialize", td_term_stats_serialize(stats, out.out(), out.out_len()),
                   documented::stats_serialize))
        return {};
    const std::string bytes(out.view());
    capi::Stats loaded;
    const td_status status = td_term_stats_load(bytes.data(), bytes.size(), loaded.out());
    if (status != TD_OK && status != TD_ERR_NO_MEMORY)
        capi::fail("td_term_stats_load", std::string("the serialized bytes of ") + what + " do not load: " +
                                             td_status_string(status) + ": " + td_last_error());
    if (!loaded.check("td_term_stats_load", status, documented::stats_load)) return {};
    if (out.check("td_term_stats_serialize", td_term_stats_serialize(loaded.get(), out.out(), out.out_len()),
                  documented::stats_serialize) &&
        out.view() != bytes)
        capi::fail("td_term_stats_serialize", std::string(what) + " differs after a serialize/load round trip");
    const Counts a = counts(stats), b = counts(loaded.get());
    if (a.documents != b.documents || a.terms != b.terms)
        capi::fail("td_term_stats_counts", std::string(what) + ": counts differ after a round trip");
    return bytes;
}

// Loads a blob; a NULL pointer for an empty one when `null_if_empty`.
bool load(capi::Stats& stats, const std::string& bytes, bool null_if_empty) {
    const std::unique_ptr<char[]> exact(new char[bytes.size() + 1]);  // exactly sized for ASan
    std::memcpy(exact.get(), bytes.data(), bytes.size());
    const void* pointer = bytes.empty() && null_if_empty ? nullptr : exact.get();
    return stats.check("td_term_stats_load", td_term_stats_load(pointer, bytes.size(), stats.out()),
                       documented::stats_load);
}

// Merges `other` (nullptr: the stats themselves) into stats loaded from `into_bytes`.
void merge(const char* what, const std::string& into_bytes, const td_term_stats* other) {
    capi::Stats into;
    if (!load(into, into_bytes, false)) return;
    if (!other) other = into.get();
    const Counts before = counts(into.get()), added = counts(other);
    const td_status status = td_term_stats_merge(into.get(), other);
    if (!capi::check("td_term_stats_merge", status, documented::stats_merge)) {
        // INVALID_ARGUMENT leaves `into` unchanged (NO_MEMORY may leave a partial merge).
        capi::Buffer out;
        if (status == TD_ERR_INVALID_ARGUMENT &&
            out.check("td_term_stats_serialize", td_term_stats_serialize(into.get(), out.out(), out.out_len()),
                      documented::stats_serialize) &&
            out.view() != into_bytes)
            capi::fail("td_term_stats_merge", "an error changed `into`");
        return;
    }
    if (counts(into.get()).documents != before.documents + added.documents)
        capi::fail("td_term_stats_merge", std::string(what) + ": documents do not add up");
    round_trip(what, into.get());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::string_view options = td_fuzz::take_part(input);
    const std::size_t a_size = td_fuzz::take_byte(input) | std::size_t(td_fuzz::take_byte(input)) << 8;
    const std::string a_bytes = capi::with_stats_crc(input.substr(0, a_size), flags & 1);
    input.remove_prefix(std::min(a_size, input.size()));
    const std::string b_bytes = capi::with_stats_crc(input, flags & 2);
    const std::uint8_t options_mode = (flags >> 2) & 3;
    td_clear_error();

    capi::Stats a, b;
    const bool have_a = load(a, a_bytes, flags & 0x10);
    const bool have_b = load(b, b_bytes, flags & 0x10);
    std::string a_written, b_written;
    if (have_a) a_written = round_trip("A", a.get());
    if (have_b) b_written = round_trip("B", b.get());

    if (have_a && !a_written.empty()) {
        merge("A + A", a_written, nullptr);  // into == other
        if (have_b) merge("A + B", a_written, b.get());
    }

    // Scores of A (else B), against the other as background when flagged.
    const td_term_stats* scored = have_a ? a.get() : have_b ? b.get() : nullptr;
    if (!scored) return 0;
    const td_term_stats* background = (flags & 0x20) && have_a && have_b ? b.get() : nullptr;
    const std::string term_options =
        capi::rewrite_object(capi::effective(options, options_mode), [&](json::object& object) {
            // Only unreadable ones: a readable user dictionary rebuilds the whole built-in
            // lexicon (about a second, far more under the sanitizers) on every run.
            return capi::map_path(object, "user_dictionary",
                                  {capi::scratch_path("no-such-dictionary.txt"), capi::scratch_dir().string()});
        });
    const capi::Text options_arg(term_options, options_mode);
    capi::Buffer out;
    const json::value terms = out.check_json(
        "td_term_stats_score",
        td_term_stats_score(scored, background, options_arg.data(), options_arg.len(), out.out(), out.out_len()),
        documented::stats_score);
    if (terms.is_null()) return 0;
    if (!terms.is_array()) capi::fail("td_term_stats_score", "not an array");
    for (const json::value& item : terms.as_array()) {
        const json::object& term = item.as_object();
        if (!term.contains("key") || !term.contains("score") || !term.contains("frequency"))
            capi::fail("td_term_stats_score", "a term without key, score or frequency");
    }
    return 0;
}
