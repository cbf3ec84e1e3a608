// The binary form of TermStats, version 1 (all integers are LEB128 varints unless noted):
//   "TDTS" u8:version documents term_count
//   per term, keys strictly increasing and front-coded (shared_prefix suffix_length suffix):
//     u8:kind frequency document_frequency f64le:engagement spread day_count
//     per day, strictly increasing: zigzag(day) count
//   surface_key_count, per key (front-coded, increasing): form_count, per form (increasing):
//     length bytes count
//   display_count, per key (front-coded, increasing): length bytes
//   u32le: CRC-32 of everything before it
// Keys, surface forms and display forms are UTF-8 (the reader rejects anything else).
#include "terms/stats_internal.hpp"
#include "terms/stats_reader.hpp"

#include <tweetdigest/common.hpp>

#include <bit>
#include <cmath>

namespace td {
namespace {

constexpr std::string_view magic = "TDTS";
constexpr unsigned char version = 1;

}  // namespace

std::string TermStats::serialize() const {
    binary::Writer w;
    w.out().append(magic);
    w.byte(version);
    w.varint(documents);
    w.varint(terms.size());
    for (const auto& [key, t] : terms) {
        w.key(key);
        w.byte(static_cast<unsigned char>(t.kind));
        w.varint(t.frequency);
        w.varint(t.document_frequency);
        w.fixed(std::bit_cast<std::uint64_t>(t.engagement), 8);
        w.varint(t.spread);
        w.varint(t.per_day.size());
        for (const auto& [day, n] : t.per_day) {
            w.signed_varint(day);
            w.varint(n);
        }
    }
    w.reset_keys();
    w.varint(surface_forms.size());
    for (const auto& [key, forms] : surface_forms) {
        w.key(key);
        w.varint(forms.size());
        for (const auto& [form, n] : forms) {
            w.bytes(form);
            w.varint(n);
        }
    }
    w.reset_keys();
    w.varint(display.size());
    for (const auto& [key, shown] : display) {
        w.key(key);
        w.bytes(shown);
    }
    w.crc32_trailer();
    return std::move(w.out());
}

namespace terms {

StoredTerm StatsReader::term() {
    StoredTerm t;
    const unsigned char kind = byte();
    if (kind > static_cast<unsigned char>(TermKind::mention)) fail("unknown term kind " + std::to_string(kind));
    t.kind = static_cast<TermKind>(kind);
    t.frequency = varint();
    t.document_frequency = varint();
    const std::size_t at = position();
    t.engagement = std::bit_cast<double>(fixed(8));
    if (!std::isfinite(t.engagement) || t.engagement < 0) fail_at(at, "engagement is not a finite non-negative number");
    t.spread = varint();
    return t;
}

StatsReader open_stats(std::string_view bytes) {
    return StatsReader(binary::open_checked(bytes, magic, version, "term stats"));
}

namespace {

// Builds the maps; every key, day and form arrives in increasing order, so each insertion goes
// at the end (hinted).
struct Builder {
    TermStats& stats;
    TermCounts* current = nullptr;
    std::map<std::string, std::uint64_t>* forms = nullptr;

    void documents(std::uint64_t n) { stats.documents = n; }
    void term_count(std::uint64_t) {}
    void term(const std::string& key, const StoredTerm& t) {
        current = &stats.terms.emplace_hint(stats.terms.end(), key, TermCounts{})->second;
        current->kind = t.kind;
        current->frequency = t.frequency;
        current->document_frequency = t.document_frequency;
        current->engagement = t.engagement;
        current->spread = t.spread;
    }
    void day(int day, std::uint64_t n) { current->per_day.emplace_hint(current->per_day.end(), day, n); }
    void surface(const std::string& key) {
        forms = &stats.surface_forms.emplace_hint(stats.surface_forms.end(), key,
                                                  std::map<std::string, std::uint64_t>{})->second;
    }
    void form(std::string_view form, std::uint64_t n) { forms->emplace_hint(forms->end(), std::string(form), n); }
    void display(const std::string& key, std::string_view shown) {
        stats.display.emplace_hint(stats.display.end(), key, std::string(shown));
    }
};

}  // namespace
}  // namespace terms

TermStats TermStats::deserialize(std::string_view bytes) {
    TermStats stats;
    terms::Builder builder{stats};
    terms::read_stats(bytes, builder);
    return stats;
}

}  // namespace td
