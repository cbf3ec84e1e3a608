#include "ingest/corpus_reading.hpp"
#include "ingest/file_slices.hpp"

#include "common/parallel.hpp"

#include <tweetdigest/ingest.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>

namespace td {
namespace {

// Tweets outside the window are dropped as they are read, so memory follows the window, not
// the input; an in-window retweet of such a tweet still carries its embedded original.
class WindowedCollector {
public:
    explicit WindowedCollector(const ReadOptions& options) : options_(options) {}

    // Takes what another collector gathered, after what this one has, and frees the other's
    // storage at once (joining many collectors then needs little more than their tweets).
    void append(WindowedCollector&& other) {
        std::move(other.blocks_.begin(), other.blocks_.end(), std::back_inserter(blocks_));
        std::move(other.diagnostics_.begin(), other.diagnostics_.end(), std::back_inserter(diagnostics_));
        dropped_ += other.dropped_;
        // Assigning `{}` would only clear them (initializer-list assignment keeps the capacity).
        other.blocks_ = std::vector<std::vector<Tweet>>();
        other.diagnostics_ = std::vector<Diagnostic>();
        other.originals_ = Originals();
        other.dropped_ = 0;
    }

    void add(Tweet&& tweet) {
        if (!ingest::in_window(options_, tweet.local_date)) {
            ++dropped_;
            return;
        }
        if (tweet.original) {
            share_original(tweet);
            if (options_.collapse_retweets) tweet = collapsible_retweet(std::move(tweet));
        }
        if (blocks_.empty() || blocks_.back().size() == block_size) {
            blocks_.emplace_back();
            blocks_.back().reserve(block_size);
        }
        blocks_.back().push_back(std::move(tweet));
    }
    void add(Diagnostic&& diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

    // What was read from a range of a file that starts `lines` lines and `bytes` bytes into it.
    void shift_positions(std::uint64_t lines, std::uint64_t bytes) {
        for (Diagnostic& diagnostic : diagnostics_) {
            diagnostic.line += lines;
            diagnostic.byte_offset += bytes;
        }
    }

    Corpus build() && {
        originals_ = Originals();
        Corpus corpus = build_corpus(joined_blocks(), std::move(diagnostics_), options_);
        corpus.counts.read += dropped_;
        corpus.counts.out_of_window += dropped_;
        return corpus;
    }

private:
    // The tweets in reading order, each block freed once its tweets moved.
    std::vector<Tweet> joined_blocks() {
        std::size_t count = 0;
        for (const std::vector<Tweet>& block : blocks_) count += block.size();
        std::vector<Tweet> tweets;
        tweets.reserve(count);
        for (std::vector<Tweet>& block : blocks_) {
            std::move(block.begin(), block.end(), std::back_inserter(tweets));
            block = std::vector<Tweet>();
        }
        blocks_ = std::vector<std::vector<Tweet>>();
        return tweets;
    }

    // A retweet that embeds its original always collapses (onto the original read or the
    // embedded one): only what picking among repeats of its id and collapsing it read is kept.
    static Tweet collapsible_retweet(Tweet&& retweet) {
        Tweet kept;
        kept.id = std::move(retweet.id);
        kept.id_approximate = retweet.id_approximate;
        kept.created_at = retweet.created_at;
        kept.local_date = retweet.local_date;
        kept.metrics = retweet.metrics;
        kept.retweet_of_id = std::move(retweet.retweet_of_id);
        kept.edit_history_ids = std::move(retweet.edit_history_ids);
        kept.original = std::move(retweet.original);
        return kept;
    }

    // Retweets of one tweet mostly embed equal copies of it (each page of a dump repeats it):
    // they share the first copy, so memory follows the distinct originals.
    void share_original(Tweet& retweet) {
        const auto [found, inserted] = originals_.try_emplace(retweet.original->id, retweet.original);
        if (inserted || found->second == retweet.original) return;
        if (*found->second == *retweet.original) retweet.original = found->second;
        else found->second = retweet.original;  // a newer copy (edited, more engagement): share that
    }

    const ReadOptions& options_;
    using Originals = std::unordered_map<std::string, std::shared_ptr<const Tweet>>;
    Originals originals_;
    // Tweets in blocks of a fixed capacity, so that reading never moves the tweets read so far.
    // A block (~35 MB) is above the allocator's largest mmap threshold: freeing one returns its
    // memory at once, and the pages of a block's unused tail are never touched.
    static constexpr std::size_t block_size = std::size_t(1) << 16;
    std::vector<std::vector<Tweet>> blocks_;
    std::vector<Diagnostic> diagnostics_;
    std::uint64_t dropped_ = 0;
};

// One file of JSON lines, read on all cores in ranges that each start at a record.
std::optional<Corpus> read_file_in_ranges(const std::string& path, const ReadOptions& options,
                                          std::uint64_t min_range_bytes) {
    // More ranges than threads: a thread that finishes early takes the next range.
    constexpr std::size_t ranges_per_thread = 16;
    const std::size_t threads = thread_count(options.threads);
    std::vector<ingest::FileRange> ranges;
    try {
        ranges = ingest::json_lines_ranges(path, options, threads < 2 ? 1 : ranges_per_thread * threads, min_range_bytes);
    } catch (const Error&) {
        return std::nullopt;  // read as a whole, which reports the failure where it happens
    }
    if (ranges.size() < 2) return std::nullopt;
    std::vector<WindowedCollector> parts(ranges.size(), WindowedCollector(options));
    std::vector<std::uint64_t> lines(ranges.size());
    for_each_task(ranges.size(), threads, [&](std::size_t, std::size_t k) {
        WindowedCollector& collector = parts[k];
        try {
            lines[k] = ingest::read_json_lines_range(path, ranges[k], k + 1 == ranges.size(), options,
                                                     [&](Tweet&& tweet) { collector.add(std::move(tweet)); },
                                                     [&](Diagnostic&& diagnostic) { collector.add(std::move(diagnostic)); });
        } catch (const Error& error) {
            Diagnostic diagnostic;
            diagnostic.source = path;
            diagnostic.message = error.what();
            collector.add(std::move(diagnostic));
        }
    });
    std::uint64_t lines_before = lines[0];
    for (std::size_t k = 1; k < parts.size(); ++k) {
        parts[k].shift_positions(lines_before, ranges[k].begin);
        lines_before += lines[k];
        parts[0].append(std::move(parts[k]));
    }
    return std::move(parts[0]).build();
}

}  // namespace

Corpus read_corpus(const std::vector<std::string>& paths, const ReadOptions& options) {
    return ingest::read_corpus(paths, options, ingest::min_range_bytes);
}

// Files are read on all cores, each slice of the list in order, and joined in list order; a
// single file is read in ranges. Either way the corpus is the one a single pass would build.
Corpus ingest::read_corpus(const std::vector<std::string>& paths, const ReadOptions& options,
                           std::uint64_t min_range_bytes) {
    if (paths.size() == 1)
        if (std::optional<Corpus> corpus = read_file_in_ranges(paths[0], options, min_range_bytes)) return *std::move(corpus);
    std::vector<WindowedCollector> slices(slice_count(paths.size(), 1, options.threads), WindowedCollector(options));
    for_each_slice(paths.size(), slices.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
        WindowedCollector& collector = slices[k];
        for (std::size_t i = begin; i < end; ++i) {
            try {
                read_tweets(paths[i], options, [&](Tweet&& tweet) { collector.add(std::move(tweet)); },
                            [&](Diagnostic&& diagnostic) { collector.add(std::move(diagnostic)); });
            } catch (const Error& error) {
                Diagnostic diagnostic;
                diagnostic.source = paths[i];
                diagnostic.message = error.what();
                collector.add(std::move(diagnostic));
            }
        }
    });
    for (std::size_t k = 1; k < slices.size(); ++k) slices[0].append(std::move(slices[k]));
    return std::move(slices[0]).build();
}

Corpus read_corpus_from_memory(std::string_view data, const std::string& source_name, const ReadOptions& options) {
    WindowedCollector collector(options);
    read_tweets_from_memory(data, source_name, options, [&](Tweet&& tweet) { collector.add(std::move(tweet)); },
                            [&](Diagnostic&& diagnostic) { collector.add(std::move(diagnostic)); });
    return std::move(collector).build();
}

}  // namespace td
