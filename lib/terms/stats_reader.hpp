#pragma once
// Reading the binary form of TermStats (format in stats_serialization.cpp) without building it:
// read_stats checks the magic, version and checksum, then hands every record to a visitor in
// stored order. Keys, days and surface forms are verified to increase, counts to fit what is
// left, so a visitor may append without checks. Malformed bytes throw Error(parse) with the offset.

#include "common/binary_format.hpp"

#include <tweetdigest/common.hpp>
#include <tweetdigest/terms.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace td::terms {

// One term record without its per-day counts (those follow through Visitor::day).
struct StoredTerm {
    TermKind kind = TermKind::word;
    std::uint64_t frequency = 0;
    std::uint64_t document_frequency = 0;
    double engagement = 0;
    std::uint64_t spread = 0;
};

// The primitives of binary::Reader plus a term record.
class StatsReader : public binary::Reader {
public:
    explicit StatsReader(binary::Reader&& reader) : binary::Reader(std::move(reader)) {}
    StoredTerm term();
};

// The body of serialized stats (without the checksum), after checking magic, version and
// checksum, positioned at the document count.
StatsReader open_stats(std::string_view bytes);

// Visitor: documents(n); term_count(n); term(key, StoredTerm) then day(day, n) for each of its days, in
// increasing order; surface(key) then form(form, n) for each of its surface forms; display(key, shown).
template <class Visitor>
void read_stats(std::string_view bytes, Visitor& visitor) {
    StatsReader r = open_stats(bytes);
    visitor.documents(r.varint());
    const std::uint64_t term_count = r.count(13);
    visitor.term_count(term_count);
    for (std::uint64_t i = 0; i < term_count; ++i) {
        const std::string& key = r.key();
        visitor.term(key, r.term());
        const std::uint64_t days = r.count(2);
        int previous = 0;
        for (std::uint64_t d = 0; d < days; ++d) {
            const int day = r.day();
            if (d > 0 && day <= previous) r.fail("days out of order");
            previous = day;
            visitor.day(day, r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t surface_count = r.count(3);
    for (std::uint64_t i = 0; i < surface_count; ++i) {
        visitor.surface(r.key());
        const std::uint64_t n = r.count(2);
        std::string_view previous;
        for (std::uint64_t k = 0; k < n; ++k) {
            const std::string_view form = r.text();
            if (k > 0 && form <= previous) r.fail("surface forms out of order");
            previous = form;
            visitor.form(form, r.varint());
        }
    }
    r.reset_keys();
    const std::uint64_t display_count = r.count(3);
    for (std::uint64_t i = 0; i < display_count; ++i) {
        const std::string& key = r.key();
        visitor.display(key, r.text());
    }
    if (r.position() != r.size()) r.fail("unexpected bytes after the statistics");
}

}  // namespace td::terms
