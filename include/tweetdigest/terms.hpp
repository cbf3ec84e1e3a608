#pragma once
// CJK-aware terms: tokenisation and segmentation, phrase discovery, mergeable statistics, scoring.

#include <tweetdigest/common.hpp>
#include <tweetdigest/export.h>
#include <tweetdigest/ingest.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace td {

// A frequency dictionary for Chinese word segmentation. Immutable once built; share it.
class TD_API Lexicon {
public:
    struct Entry {
        std::string word;
        double frequency = 1;
        std::string tag;
    };
    // The embedded default dictionary (loaded once per process, then shared).
    static std::shared_ptr<const Lexicon> builtin();
    // "word [frequency] [tag]" per line (jieba's dict format). Bad lines become diagnostics.
    static std::shared_ptr<const Lexicon> from_file(const std::string& path,
                                                    std::vector<Diagnostic>* diagnostics = nullptr);
    // A copy of `base` with user entries added (an entry without frequency gets one that makes
    // it win over its parts).
    static std::shared_ptr<const Lexicon> with_user_entries(const Lexicon& base,
                                                            const std::vector<Entry>& entries);
    static std::vector<Entry> read_user_dictionary(const std::string& path,
                                                   std::vector<Diagnostic>* diagnostics = nullptr);

    std::size_t size() const noexcept;
    bool contains(std::string_view word) const;
    double frequency(std::string_view word) const;  // 0 when absent
    ~Lexicon();

    struct Impl;
    const Impl& impl() const noexcept { return *impl_; }

private:
    explicit Lexicon(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

enum class TokenKind { word, number, hashtag, cashtag, mention, url, emoji, punctuation, space };
TD_API const char* to_string(TokenKind kind) noexcept;

struct TD_API Token {
    std::string_view text;  // a view into the tokenised string
    TokenKind kind = TokenKind::word;
    std::size_t byte_offset = 0;
};

// Splits mixed Chinese/Latin/other text into typed tokens. Thread-safe; cheap to copy.
class TD_API Segmenter {
public:
    explicit Segmenter(std::shared_ptr<const Lexicon> lexicon = Lexicon::builtin());
    std::vector<Token> tokenize(std::string_view text) const;
    // Words only, as strings (the SIGHAN bakeoff view: punctuation kept as its own word).
    std::vector<std::string> segment(std::string_view text) const;
    const Lexicon& lexicon() const noexcept { return *lexicon_; }

private:
    std::shared_ptr<const Lexicon> lexicon_;
};

enum class TermKind { word, phrase, hashtag, cashtag, mention };
TD_API const char* to_string(TermKind kind) noexcept;

// Counts for one term. All fields add up under merge.
struct TD_API TermCounts {
    TermKind kind = TermKind::word;
    std::uint64_t frequency = 0;           // occurrences (a duplicate group counts once)
    std::uint64_t document_frequency = 0;  // tweets (groups) containing the term
    double engagement = 0;                 // sum over tweets of log-damped engagement
    std::uint64_t spread = 0;              // extra copies of duplicate groups containing it
    std::map<int, std::uint64_t> per_day;  // days since epoch -> document frequency
    friend bool operator==(const TermCounts&, const TermCounts&) = default;
};

// Corpus statistics that serialize and merge: stats(A ∪ B) == merge(stats(A), stats(B)).
struct TD_API TermStats {
    std::uint64_t documents = 0;
    std::map<std::string, TermCounts> terms;  // key: the term's canonical form
    std::map<std::string, std::string> display;  // key -> display form (e.g. "claude code" -> "Claude Code")
    // key -> surface forms other than the key itself -> occurrences. `display` is the most
    // frequent form (ties: the smaller string); keys shown as themselves have no display entry.
    std::map<std::string, std::map<std::string, std::uint64_t>> surface_forms;

    void merge(const TermStats& other);
    std::string serialize() const;                            // compact, versioned, binary-safe
    static TermStats deserialize(std::string_view bytes);     // throws Error(parse) with the offset
    friend bool operator==(const TermStats&, const TermStats&) = default;
};

// The document frequency of every term of one day's stats, sorted by key, in one flat table:
// what momentum reads from an earlier day, far smaller and faster to load than its TermStats.
class TD_API TermFrequencies {
public:
    // Read-only tables kept in one shared buffer with one sorted key dictionary (how the history
    // index holds a year of days without copying them); defined inside the library.
    class Shared;

    TermFrequencies() = default;
    explicit TermFrequencies(std::uint64_t documents) : documents_(documents) {}
    explicit TermFrequencies(const TermStats& stats);
    // Table `table` of `shared`, which it keeps alive.
    TermFrequencies(std::shared_ptr<const Shared> shared, std::size_t table);

    void reserve(std::size_t terms);
    // Appends a term; keys must strictly increase (Error(invalid_argument) otherwise).
    void add(std::string_view key, std::uint64_t document_frequency);
    // The same without the order check, for a source whose keys are known to increase (a
    // TermStats map, serialized stats that were read and verified); lookups are undefined otherwise.
    void add_sorted(std::string_view key, std::uint64_t document_frequency);
    std::uint64_t document_frequency(std::string_view key) const;  // 0 when absent
    std::uint64_t documents() const noexcept { return documents_; }
    std::size_t size() const noexcept;
    std::string_view key_at(std::size_t i) const;
    std::uint64_t document_frequency_at(std::size_t i) const;
    // Equal keys, frequencies and documents, however they are stored.
    friend TD_API bool operator==(const TermFrequencies& a, const TermFrequencies& b);

private:
    struct Entry {
        std::uint32_t offset, length;  // the key's bytes in keys_
        std::uint64_t document_frequency;
    };
    std::string_view key_of(const Entry& e) const { return std::string_view(keys_).substr(e.offset, e.length); }
    void own();  // copies a shared table into keys_ and entries_ before a change

    std::uint64_t documents_ = 0;
    std::string keys_;
    std::vector<Entry> entries_;
    std::shared_ptr<const Shared> shared_;  // when set, the table is shared_'s table_
    std::size_t table_ = 0;
};

struct TD_API Term {
    std::string key;      // canonical (case-folded) form
    std::string display;  // how to show it
    TermKind kind = TermKind::word;
    double score = 0;
    std::uint64_t frequency = 0;
    std::uint64_t document_frequency = 0;
    std::vector<std::string> example_ids;  // tweet ids, most engaged first
};

struct TD_API TermOptions {
    std::size_t top = 100;
    std::size_t min_frequency = 2;       // floor for words and phrases (not for entities)
    bool discover_phrases = true;
    std::size_t max_examples = 3;
    const TermStats* background = nullptr;  // previous days or a shipped model; may be null
    // The days the background covers; 0: the distinct days of its per_day counts.
    std::size_t background_days = 0;
    std::shared_ptr<const Lexicon> lexicon;  // null: Lexicon::builtin()
    std::vector<std::string> extra_stopwords;
    // Threads that count and split tweets (0: one per core). The results do not depend on it.
    std::size_t threads = 0;
};

// Everything the digest needs from the terms stage.
struct TD_API TermAnalysis {
    TermStats stats;
    std::vector<Term> ranked;  // best first, at most options.top
    // Per corpus tweet (same order as Corpus::tweets): the canonical keys of the terms it
    // contains after phrase merging, stopwords removed, each key once.
    std::vector<std::vector<std::string>> tweet_terms;
};

TD_API TermAnalysis analyze_terms(const Corpus& corpus, const TermOptions& options = {});
// Stats only (what a shard computes before merging).
TD_API TermStats build_term_stats(const Corpus& corpus, const TermOptions& options = {});
// Ranks terms from (possibly merged) stats against an optional background.
TD_API std::vector<Term> score_terms(const TermStats& stats, const TermOptions& options = {});

// Built-in stopwords for a language ("zh", "en"); lowercase.
TD_API const std::vector<std::string>& builtin_stopwords(std::string_view language);

}  // namespace td
