#include "history/index.hpp"

#include "common/binary_format.hpp"
#include "common/files.hpp"
#include "common/utf8.hpp"
#include "terms/shared_frequencies.hpp"

#include <algorithm>
#include <bit>
#include <limits>

namespace td::history {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view magic = "TDHX";
constexpr unsigned char version = 1;

void write_stamp(binary::Writer& w, const FileStamp& stamp) {
    w.varint(stamp.bytes);
    w.signed_varint(stamp.modified_ns);
}

FileStamp read_stamp(binary::Reader& r) {
    FileStamp stamp;
    stamp.bytes = r.varint();
    stamp.modified_ns = r.signed_varint();
    return stamp;
}

void write_texts(binary::Writer& w, const std::vector<std::string>& texts) {
    w.varint(texts.size());
    for (const std::string& text : texts) w.bytes(text);
}

std::vector<std::string> read_texts(binary::Reader& r) {
    std::vector<std::string> texts(std::size_t(r.count(1)));
    for (std::string& text : texts) text = r.text();
    return texts;
}

std::string encode_facts(const IndexedDay& indexed) {
    const HistoryEntry& e = indexed.entry;
    binary::Writer w;
    w.bytes(e.day.title);
    w.bytes(e.language);
    w.bytes(e.time_zone);
    w.varint(e.documents);
    w.varint(e.tweets);
    write_texts(w, e.day.top_terms);
    w.varint(e.day.top_term_display.size());
    for (const auto& [key, shown] : e.day.top_term_display) {
        w.bytes(key);
        w.bytes(shown);
    }
    w.varint(e.day.stories.size());
    for (const StorySignature& story : e.day.stories) {
        w.bytes(story.title);
        w.signed_varint(story.since.days_since_epoch());
        w.varint(story.terms.size());
        for (const WeightedTerm& term : story.terms) {
            w.bytes(term.key);
            w.fixed(std::bit_cast<std::uint64_t>(term.weight), 8);
        }
        write_texts(w, story.tweet_ids);
    }
    w.varint(indexed.stats_days.size());
    for (const int day : indexed.stats_days) w.signed_varint(day);
    return std::move(w.out());
}

IndexedDay decode_facts(std::string_view bytes, const LocalDate& date) {
    binary::Reader r(bytes, std::string(index_file) + ", day " + date.to_string());
    IndexedDay indexed;
    HistoryEntry& e = indexed.entry;
    e.day.date = date;
    e.day.title = r.text();
    e.language = r.text();
    e.time_zone = r.text();
    e.documents = r.varint();
    e.tweets = r.varint();
    e.day.top_terms = read_texts(r);
    for (std::uint64_t n = r.count(2); n > 0; --n) {
        const std::string_view key = r.text();
        e.day.top_term_display.emplace(key, r.text());
    }
    e.day.stories.resize(std::size_t(r.count(4)));
    for (StorySignature& story : e.day.stories) {
        story.title = r.text();
        story.since = LocalDate::from_days_since_epoch(r.day());
        story.terms.resize(std::size_t(r.count(9)));
        for (WeightedTerm& term : story.terms) {
            term.key = r.text();
            term.weight = r.finite_double();
        }
        story.tweet_ids = read_texts(r);
    }
    indexed.stats_days.resize(std::size_t(r.count(1)));
    for (int& day : indexed.stats_days) day = r.day();
    if (std::adjacent_find(indexed.stats_days.begin(), indexed.stats_days.end(), std::greater_equal<int>()) !=
        indexed.stats_days.end())
        r.fail("the days of the term counts do not increase");
    if (!r.at_end()) r.fail("unexpected bytes after the day");
    return indexed;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// The key dictionary, checked: offsets that start at 0 and never decrease, keys that increase
// and are UTF-8.
std::shared_ptr<TermFrequencies::Shared> read_dictionary(binary::Reader& r, std::shared_ptr<const void> storage) {
    const std::size_t keys = std::size_t(r.count(4));
    const std::size_t offsets_at = r.position();
    const unsigned char* offsets = bytes_of(r.raw(4 * (keys + 1)));
    const std::uint64_t total = load_le(offsets + 4 * keys, 4);
    const char* key_bytes = r.raw(std::size_t(total)).data();
    auto shared = std::make_shared<TermFrequencies::Shared>(std::move(storage), offsets, key_bytes, keys);
    if (load_le(offsets, 4) != 0) r.fail_at(offsets_at, "the first key offset is not 0");
    std::string_view previous;
    for (std::size_t id = 0; id < keys; ++id) {
        if (load_le(offsets + 4 * (id + 1), 4) < load_le(offsets + 4 * id, 4))
            r.fail_at(offsets_at + 4 * (id + 1), "key offsets decrease");
        const std::string_view key = shared->key(id);
        if (id > 0 && key <= previous) r.fail_at(offsets_at + 4 * id, "keys out of order");
        if (utf8::find_invalid(key) != std::string_view::npos) r.fail_at(offsets_at + 4 * id, "key is not valid UTF-8");
        previous = key;
    }
    return shared;
}

TermFrequencies::Shared::Table read_table(binary::Reader& r, std::size_t key_count) {
    TermFrequencies::Shared::Table table;
    table.documents = r.varint();
    table.size = std::size_t(r.count(8));
    const std::size_t width_at = r.position();
    table.frequency_width = r.byte();
    if (table.frequency_width != 4 && table.frequency_width != 8)
        r.fail_at(width_at, "frequency width " + std::to_string(table.frequency_width) + " is not 4 or 8");
    const std::size_t ids_at = r.position();
    table.ids = bytes_of(r.raw(4 * table.size));
    table.frequencies = bytes_of(r.raw(table.frequency_width * table.size));
    for (std::size_t i = 0; i < table.size; ++i) {
        const std::uint32_t id = TermFrequencies::Shared::id_at(table, i);
        if (id >= key_count || (i > 0 && id <= TermFrequencies::Shared::id_at(table, i - 1)))
            r.fail_at(ids_at + 4 * i, "key ids do not increase within the dictionary");
    }
    return table;
}

// A table's rows as (key id in the new dictionary, document frequency).
void write_table(binary::Writer& w, std::uint64_t documents, std::size_t size, auto&& id_of, auto&& frequency_of) {
    w.varint(documents);
    w.varint(size);
    bool narrow = true;
    for (std::size_t i = 0; i < size && narrow; ++i) narrow = frequency_of(i) <= std::numeric_limits<std::uint32_t>::max();
    const int width = narrow ? 4 : 8;
    w.byte(static_cast<unsigned char>(width));
    for (std::size_t i = 0; i < size; ++i) w.fixed(id_of(i), 4);
    for (std::size_t i = 0; i < size; ++i) w.fixed(frequency_of(i), width);
}

}  // namespace

std::int64_t DayStamps::newest_ns() const {
    return std::max({folder.modified_ns, manifest.modified_ns, stats.modified_ns, digest.modified_ns});
}

std::optional<DayStamps> stamps_of(const fs::path& folder) {
    const auto folder_stamp = files::stamp_of(folder.string());
    const auto manifest = files::stamp_of((folder / manifest_file).string());
    const auto stats = files::stamp_of((folder / stats_file).string());
    const auto digest = files::stamp_of((folder / digest_file).string());
    if (!folder_stamp || !manifest || !stats || !digest) return std::nullopt;
    return DayStamps{*folder_stamp, *manifest, *stats, *digest};
}

std::optional<std::size_t> Index::find(const LocalDate& date) const {
    const auto at = std::lower_bound(records.begin(), records.end(), date,
                                     [](const IndexRecord& r, const LocalDate& d) { return r.date < d; });
    if (at == records.end() || at->date != date) return std::nullopt;
    return std::size_t(at - records.begin());
}

IndexedDay Index::day(std::size_t i) const {
    IndexedDay indexed = decode_facts(records.at(i).facts, records[i].date);
    indexed.entry.day.terms = TermFrequencies(frequencies, i);
    return indexed;
}

Index read_index(const fs::path& dir) {
    Index index;
    const auto file = files::MappedFile::open((dir / index_file).string());
    if (!file) return index;
    index.written_ns = file->modified_ns();
    binary::Reader r = binary::open_checked(file->bytes(), magic, version, std::string(index_file));
    auto shared = read_dictionary(r, file);
    index.records.resize(std::size_t(r.count(16)));
    shared->tables.reserve(index.records.size());
    for (std::size_t i = 0; i < index.records.size(); ++i) {
        IndexRecord& record = index.records[i];
        const std::size_t at = r.position();
        record.date = LocalDate::from_days_since_epoch(r.day());
        if (i > 0 && !(index.records[i - 1].date < record.date)) r.fail_at(at, "dates do not increase");
        record.stamps = {read_stamp(r), read_stamp(r), read_stamp(r), read_stamp(r)};
        record.facts = r.bytes();
        shared->tables.push_back(read_table(r, shared->key_count()));
    }
    if (!r.at_end()) r.fail("unexpected bytes after the records");
    index.frequencies = std::move(shared);
    return index;
}

void IndexBuilder::add(const LocalDate& date, const DayStamps& stamps, IndexedDay day) {
    days_.push_back({std::nullopt, fresh_.size()});
    fresh_.push_back({date, stamps, std::move(day)});
}

void IndexBuilder::write(const fs::path& dir) const {
    using Shared = TermFrequencies::Shared;
    const Shared* old = old_.frequencies.get();
    // The new dictionary: the old keys still used, merged with the fresh days' keys.
    std::vector<char> used(old ? old->key_count() : 0, 0);
    for (const Day& day : days_)
        if (day.old_record) {
            const Shared::Table& t = old->tables[*day.old_record];
            for (std::size_t i = 0; i < t.size; ++i) used[Shared::id_at(t, i)] = 1;
        }
    std::vector<std::string_view> fresh_keys;
    for (const Fresh& fresh : fresh_)
        for (std::size_t i = 0; i < fresh.day.entry.day.terms.size(); ++i)
            fresh_keys.push_back(fresh.day.entry.day.terms.key_at(i));
    std::sort(fresh_keys.begin(), fresh_keys.end());
    fresh_keys.erase(std::unique(fresh_keys.begin(), fresh_keys.end()), fresh_keys.end());
    std::vector<std::string_view> keys;
    std::vector<std::uint32_t> new_id_of_old(used.size(), 0);
    std::size_t next_fresh = 0;
    auto take = [&](std::string_view key) {
        if (keys.size() == std::numeric_limits<std::uint32_t>::max())
            throw Error(Error::Code::invalid_argument, "history index: more than 4 billion distinct terms");
        keys.push_back(key);
    };
    for (std::size_t id = 0; id < used.size(); ++id) {
        if (!used[id]) continue;
        const std::string_view key = old->key(id);
        while (next_fresh < fresh_keys.size() && fresh_keys[next_fresh] < key) take(fresh_keys[next_fresh++]);
        if (next_fresh < fresh_keys.size() && fresh_keys[next_fresh] == key) ++next_fresh;
        new_id_of_old[id] = std::uint32_t(keys.size());
        take(key);
    }
    while (next_fresh < fresh_keys.size()) take(fresh_keys[next_fresh++]);

    binary::Writer w;
    w.out().append(magic);
    w.byte(version);
    w.varint(keys.size());
    std::uint64_t offset = 0;
    w.fixed(0, 4);
    for (const std::string_view key : keys) {
        offset += key.size();
        if (offset > std::numeric_limits<std::uint32_t>::max())
            throw Error(Error::Code::invalid_argument, "history index: more than 4 GiB of distinct terms");
        w.fixed(offset, 4);
    }
    for (const std::string_view key : keys) w.raw(key);
    w.varint(days_.size());
    for (const Day& day : days_) {
        const bool kept = day.old_record.has_value();
        const Fresh* fresh = kept ? nullptr : &fresh_[day.fresh];
        const IndexRecord* record = kept ? &old_.records[*day.old_record] : nullptr;
        w.signed_varint((kept ? record->date : fresh->date).days_since_epoch());
        const DayStamps& stamps = kept ? record->stamps : fresh->stamps;
        for (const FileStamp* stamp : {&stamps.folder, &stamps.manifest, &stamps.stats, &stamps.digest})
            write_stamp(w, *stamp);
        if (kept) {
            w.bytes(record->facts);
            const Shared::Table& t = old->tables[*day.old_record];
            write_table(w, t.documents, t.size, [&](std::size_t i) { return new_id_of_old[Shared::id_at(t, i)]; },
                        [&](std::size_t i) { return Shared::frequency_at(t, i); });
        } else {
            w.bytes(encode_facts(fresh->day));
            const TermFrequencies& terms = fresh->day.entry.day.terms;
            write_table(
                w, terms.documents(), terms.size(),
                [&](std::size_t i) {
                    return std::uint32_t(std::lower_bound(keys.begin(), keys.end(), terms.key_at(i)) - keys.begin());
                },
                [&](std::size_t i) { return terms.document_frequency_at(i); });
        }
    }
    w.crc32_trailer();
    files::write_atomically((dir / index_file).string(), w.out());
}

}  // namespace td::history
