// The C ABI's option documents, fuzzed, on a small fixed corpus and history: term options
// (td_term_stats_build, td_term_stats_score), digest options (td_digest_build, then every
// rendering and a td_digest_to_json / td_digest_from_json round trip), range options
// (td_digest_build_range) and history options (td_history_load).
// Input: a flags byte (bits 0-2 pick the entry point, modulo 5; bits 3-4 the text mode; bit 5 a
// variant: background stats, or a corpus for ranges; bits 6-7 the history folder), then the
// options JSON.
// Files and folders named by the options are mapped onto the harness' own fixtures; date ranges
// are kept short and history writes go to a scratch copy.

#include "fuzz_capi.hpp"

#include <optional>
#include <tuple>

namespace capi = td_fuzz::capi;
namespace documented = capi::documented;
namespace json = capi::json;

namespace {

constexpr int max_range_days = 10;

struct Paths {
    std::string missing = capi::scratch_path("missing/nothing-here");
    std::string regular_file = capi::scratch_path("a-regular-file");
    std::string new_history = capi::scratch_path("history-new");

    Paths() {
        capi::write_file(regular_file, "not a folder\n");
    }
    // Removes whatever a call may have written.
    void clean() const {
        capi::remove_all(new_history);
        capi::remove_all(capi::scratch_path("history-copy"));
    }
};

const Paths& paths() {
    static const Paths p;
    return p;
}

// Only unreadable user dictionaries: a readable one rebuilds the whole built-in lexicon (about a
// second, far more under the sanitizers) on every run. (fuzz_capi_text reads fuzzed ones.)
bool fix_terms(json::object& terms) {
    return capi::map_path(terms, "user_dictionary", {paths().missing, capi::scratch_dir().string()});
}

// "history": {"dir", "days", "save"}: reads from the fixture history, writes to a scratch copy.
bool fix_history(json::object& options, bool may_write) {
    json::value* history = capi::find(options, "history");
    if (!history || !history->is_object()) return false;
    json::object& h = history->as_object();
    const json::value* save = capi::find(h, "save");
    const bool writes = may_write && !(save && save->is_bool() && !save->as_bool());
    if (writes) return capi::map_path(h, "dir", {capi::writable_history(), paths().new_history, paths().regular_file});
    return capi::map_path(h, "dir", {capi::fixture_history(), paths().missing, paths().regular_file});
}

bool fix_digest_options(json::object& options, bool may_write) {
    bool changed = fix_history(options, may_write);
    if (json::value* terms = capi::find(options, "terms"); terms && terms->is_object())
        changed = fix_terms(terms->as_object()) || changed;
    return changed;
}

// Days since 1970-01-01 of a "YYYY-MM-DD" string, when it is one.
std::optional<int> day_number(const json::value* value) {
    if (!value || !value->is_string()) return std::nullopt;
    const std::string_view s = value->as_string();
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    for (const auto& [from, to, field] : {std::tuple{0, 4, &y}, std::tuple{5, 7, &m}, std::tuple{8, 10, &d}})
        for (int i = from; i < to; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            *field = *field * 10 + (s[i] - '0');
        }
    y -= m <= 2;  // days_from_civil (H. Hinnant)
    const int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// A range report builds every day of its range: keep the range short.
bool fix_range(json::object& options) {
    const auto from = day_number(capi::find(options, "from")), to = day_number(capi::find(options, "to"));
    if (!from || !to || *to - *from <= max_range_days) return false;
    options["to"] = options["from"];
    return true;
}

void term_stats_build(const capi::Text& options) {
    capi::Stats stats;
    if (!stats.check("td_term_stats_build",
                     td_term_stats_build(capi::fixture_corpus("2026-01-25"), options.data(), options.len(), stats.out()),
                     documented::stats_build))
        return;
    std::uint64_t documents = 0, terms = 0;
    capi::check("td_term_stats_counts", td_term_stats_counts(stats.get(), &documents, &terms), documented::stats_counts);
    capi::Buffer out;
    out.check("td_term_stats_serialize", td_term_stats_serialize(stats.get(), out.out(), out.out_len()),
              documented::stats_serialize);
}

void term_stats_score(const capi::Text& options, bool background) {
    capi::Buffer out;
    const json::value terms =
        out.check_json("td_term_stats_score",
                       td_term_stats_score(capi::fixture_stats("2026-01-25"),
                                           background ? capi::fixture_stats("2026-01-24") : nullptr, options.data(),
                                           options.len(), out.out(), out.out_len()),
                       documented::stats_score);
    if (!terms.is_null() && !terms.is_array()) capi::fail("td_term_stats_score", "not an array");
}

// The renderings, and td_digest_from_json(td_digest_to_json(d)) renders the same JSON.
void render_and_reload(const td_digest* digest) {
    const std::string model = capi::render_digest(digest);
    if (model.empty()) return;
    capi::Digest reloaded;
    const td_status status = td_digest_from_json(model.data(), model.size(), reloaded.out());
    if (status != TD_OK && status != TD_ERR_NO_MEMORY)
        capi::fail("td_digest_from_json", std::string("td_digest_to_json output does not load: ") + td_last_error());
    if (!reloaded.check("td_digest_from_json", status, documented::digest_from_json)) return;
    capi::Buffer again;
    if (again.check("td_digest_to_json", td_digest_to_json(reloaded.get(), again.out(), again.out_len()),
                    documented::digest_output) &&
        again.view() != model)
        capi::fail("td_digest_to_json", "a digest differs after a to_json/from_json round trip");
}

void digest_build(const capi::Text& options, bool background) {
    capi::Digest digest;
    if (digest.check("td_digest_build",
                     td_digest_build(capi::fixture_corpus("2026-01-25"),
                                     background ? capi::fixture_stats("2026-01-24") : nullptr, options.data(),
                                     options.len(), digest.out()),
                     documented::digest_build))
        render_and_reload(digest.get());
}

void digest_build_range(const capi::Text& options, bool with_corpus) {
    capi::Digest digest;
    if (digest.check("td_digest_build_range",
                     td_digest_build_range(with_corpus ? capi::fixture_corpus(nullptr) : nullptr, options.data(),
                                           options.len(), digest.out()),
                     documented::digest_build_range))
        capi::render_digest(digest.get());
}

void history_load(const capi::Text& options, std::uint8_t folder) {
    const std::string& dir = folder % 3 == 0   ? capi::fixture_history()
                             : folder % 3 == 1 ? paths().missing
                                               : paths().regular_file;
    capi::Buffer out;
    const json::value load = out.check_json(
        "td_history_load", td_history_load(dir.c_str(), options.data(), options.len(), out.out(), out.out_len()),
        documented::history_load);
    if (load.is_null()) return;
    const json::object& object = load.as_object();
    if (!object.at("entries").is_array() || !object.at("diagnostics").is_array())
        capi::fail("td_history_load", "entries or diagnostics is not an array");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = td_fuzz::as_text(data, size);
    const std::uint8_t flags = td_fuzz::take_byte(input);
    const std::uint8_t target = (flags & 7) % 5, mode = (flags >> 3) & 3;
    const bool variant = flags & 0x20;
    const std::string_view text = capi::effective(input, mode);
    (void)capi::fixture_history();  // built before the first call
    td_clear_error();

    std::string options;
    switch (target) {
    case 0:
    case 1: options = capi::rewrite_object(text, fix_terms); break;
    case 2: options = capi::rewrite_object(text, [](json::object& o) { return fix_digest_options(o, true); }); break;
    case 3:
        options = capi::rewrite_object(text, [](json::object& o) {
            const bool range = fix_range(o);
            return fix_digest_options(o, true) || range;
        });
        break;
    default: options = std::string(text); break;
    }
    const capi::Text arg(options, mode);
    switch (target) {
    case 0: term_stats_build(arg); break;
    case 1: term_stats_score(arg, variant); break;
    case 2: digest_build(arg, variant); break;
    case 3: digest_build_range(arg, variant); break;
    default: history_load(arg, flags >> 6); break;
    }
    paths().clean();
    return 0;
}
