/*
 * tweetdigest C ABI: read a day of tweets, analyse its terms, build the daily report and its
 * word cloud, from C or any language with a C FFI (Python ctypes, PySpark, ...).
 *
 * Conventions shared by every function:
 *
 *  - Functions return a td_status: TD_OK (0) or a negative error. After an error,
 *    td_last_error() describes it in UTF-8; every handle given to the call is unchanged.
 *  - A NULL handle, output pointer or required string yields TD_ERR_INVALID_ARGUMENT.
 *  - Handles are opaque, created by td_<object>_<verb> functions that return them through an
 *    out-parameter (set to NULL on failure) and released with td_<object>_free (NULL is a no-op).
 *  - Text input is a pointer and a byte length; TD_NUL_TERMINATED as the length means "up to the
 *    first NUL byte". A pointer may be NULL only when the length is 0. Text must be valid UTF-8:
 *    otherwise TD_ERR_PARSE, with the byte offset of the first invalid sequence in the message.
 *  - Options are a JSON object given as text (NULL or "" selects every default). Unknown keys and
 *    values of the wrong type are rejected with TD_ERR_INVALID_ARGUMENT naming the key.
 *  - Output bytes come back through (char **out, size_t *out_len). They belong to the caller, who
 *    releases them with td_free() (never free()). They are always NUL-terminated (the terminator
 *    is not counted in *out_len), so JSON and Markdown can be used as C strings directly. On
 *    failure *out is NULL and *out_len is 0.
 *  - Thread safety: the library has no global mutable state and needs no initialisation.
 *    Functions that take a const handle only read it, so they may run concurrently on the same
 *    handle; a function that takes a non-const handle (merge, free) needs exclusive access to it.
 *    td_fonts and td_segmenter are immutable after creation and are meant to be shared.
 *  - No C++ exception ever leaves the library.
 *
 * Since: 0.1 for every declaration below.
 */
#ifndef TWEETDIGEST_TWEETDIGEST_H
#define TWEETDIGEST_TWEETDIGEST_H

#include <stddef.h>
#include <stdint.h>

#include <tweetdigest/export.h>
#include <tweetdigest/version.h>

#ifdef __cplusplus
#  define TD_BEGIN_DECLS extern "C" {
#  define TD_END_DECLS }
#else
#  define TD_BEGIN_DECLS
#  define TD_END_DECLS
#endif

/* Incremented whenever a change breaks binary compatibility; also the library's SONAME suffix. */
#define TD_ABI_VERSION 1

/* As a text length: the text ends at its first NUL byte. */
#define TD_NUL_TERMINATED ((size_t)-1)

TD_BEGIN_DECLS

/* ---- Status, errors, memory, version ------------------------------------------------------- */

/* Values are fixed forever; new ones are only ever appended. */
typedef enum td_status {
    TD_OK = 0,
    TD_ERR_INVALID_ARGUMENT = -1, /* NULL or malformed argument, bad option, unknown key */
    TD_ERR_IO = -2,               /* a file could not be read or written */
    TD_ERR_PARSE = -3,            /* malformed input data: invalid UTF-8, corrupt stats, bad JSON */
    TD_ERR_UNSUPPORTED = -4,      /* not available in this build (e.g. JPEG without libjpeg) */
    TD_ERR_NO_MEMORY = -5,        /* an allocation failed */
    TD_ERR_INTERNAL = -6          /* a bug in tweetdigest; the message says where */
} td_status;

/* The status' name, e.g. "TD_ERR_PARSE"; "unknown status" for other values. Static storage. */
TD_API const char *td_status_string(td_status status);

/*
 * The message of the last failing td_ call on the calling thread; "" when there was none.
 * Never NULL. Borrowed: valid until the next td_ call on this thread. Successful calls leave it
 * unchanged. Thread-safe (each thread has its own message).
 */
TD_API const char *td_last_error(void);

/* Resets td_last_error() to "". Thread-safe. */
TD_API void td_clear_error(void);

/* Releases a buffer returned by the library. NULL is a no-op. Thread-safe. */
TD_API void td_free(void *buffer);

/* The library's version, which may differ from the TD_VERSION_* of the header compiled against.
 * Any pointer may be NULL. Thread-safe. */
TD_API void td_version(int *major, int *minor, int *patch);

/* The library's version as "MAJOR.MINOR.PATCH". Static storage. Thread-safe. */
TD_API const char *td_version_string(void);

/* The library's TD_ABI_VERSION; a caller compiled against another value must not use it. */
TD_API int td_abi_version(void);

/* ---- Text: twitter-text entities and weighted length ---------------------------------------- */

/*
 * The entities of a text (URLs, hashtags, mentions, lists, cashtags) in text order, as a JSON
 * array of {"kind", "value", "list_slug", "byte_begin", "byte_end", "begin", "end",
 * "begin_utf16", "end_utf16"} (indices half-open: bytes, code points, UTF-16 units).
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_PARSE (invalid UTF-8), TD_ERR_NO_MEMORY.
 * Output: caller frees with td_free. Thread-safe.
 */
TD_API td_status td_extract_entities(const char *text, size_t text_len, char **out_json,
                                     size_t *out_len);

/*
 * twitter-text's weighted length of a tweet, as a JSON object {"weighted_length", "permillage",
 * "valid", "display_range_end", "valid_range_end"}.
 * Options: {"config": "v3"} (default) | "v2" | "v1".
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_PARSE (invalid UTF-8), TD_ERR_NO_MEMORY.
 * Output: caller frees with td_free. Thread-safe.
 */
TD_API td_status td_weighted_length(const char *text, size_t text_len, const char *options_json,
                                    size_t options_len, char **out_json, size_t *out_len);

/* ---- Segmentation ---------------------------------------------------------------------------- */

/* Splits mixed Chinese/Latin text into words. Immutable: share one between threads freely. */
typedef struct td_segmenter td_segmenter;

/*
 * Creates a segmenter. Options: {"dictionary": "path"} replaces the built-in Chinese dictionary
 * ("word [frequency] [tag]" lines), {"user_dictionary": "path"} adds words to it.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO, TD_ERR_NO_MEMORY.
 * Output: *out is owned by the caller; release it with td_segmenter_free.
 */
TD_API td_status td_segmenter_create(const char *options_json, size_t options_len,
                                     td_segmenter **out);

/* Releases a segmenter. NULL is a no-op. */
TD_API void td_segmenter_free(td_segmenter *segmenter);

/*
 * The words of a text as a JSON array of strings (punctuation kept as its own word, spaces
 * dropped). Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_PARSE (invalid UTF-8),
 * TD_ERR_NO_MEMORY. Output: caller frees with td_free. Thread-safe on a shared segmenter.
 */
TD_API td_status td_segmenter_segment(const td_segmenter *segmenter, const char *text,
                                      size_t text_len, char **out_json, size_t *out_len);

/*
 * The typed tokens of a text as a JSON array of {"text", "kind", "byte_offset"}; kind is one of
 * word, number, hashtag, cashtag, mention, url, emoji, punctuation, space.
 * Statuses, ownership and thread safety as td_segmenter_segment.
 */
TD_API td_status td_segmenter_tokenize(const td_segmenter *segmenter, const char *text,
                                       size_t text_len, char **out_json, size_t *out_len);

/* ---- Corpus: the tweets of a window ---------------------------------------------------------- */

/* Normalised, windowed, deduplicated tweets plus every diagnostic. Read-only after creation. */
typedef struct td_corpus td_corpus;

/*
 * Reads tweet files (X API v2 JSON/JSONL, v1.1, archive tweets.js, CSV; gzip detected) into one
 * corpus. Options: {"format": "auto"|"v2"|"v1"|"archive"|"csv", "time_zone": "Asia/Shanghai",
 * "from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "collapse_retweets": true, "dedupe": true,
 * "near_duplicate_distance": 3, "threads": 0}. "from" alone selects that one day; without either,
 * every tweet is kept. "threads" caps the files read at once (0: one per core); the corpus does
 * not depend on it. A file that cannot be read becomes an error diagnostic of the corpus (the other files
 * are still read); problems with single records are diagnostics too.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT (n_paths is 0, a NULL path, a bad option or time zone),
 * TD_ERR_NO_MEMORY. Output: release *out with td_corpus_free.
 */
TD_API td_status td_corpus_read_files(const char *const *paths, size_t n_paths,
                                      const char *options_json, size_t options_len,
                                      td_corpus **out);

/*
 * Reads tweets from bytes in memory (any format td_corpus_read_files accepts, gzip included, so
 * the bytes are not required to be UTF-8). source_name (NUL-terminated, may be NULL for
 * "memory") names the source in diagnostics. Options, statuses and ownership as
 * td_corpus_read_files.
 */
TD_API td_status td_corpus_read_memory(const char *data, size_t data_len, const char *source_name,
                                       const char *options_json, size_t options_len,
                                       td_corpus **out);

/* Releases a corpus. NULL is a no-op. */
TD_API void td_corpus_free(td_corpus *corpus);

/* The number of tweets kept in the corpus. Returns TD_OK or TD_ERR_INVALID_ARGUMENT. */
TD_API td_status td_corpus_size(const td_corpus *corpus, size_t *out_size);

/*
 * Tweet `index` (0 <= index < size, ordered by time then id) as a JSON object (the form of
 * `tweetdigest ingest --jsonl`). Returns TD_OK, TD_ERR_INVALID_ARGUMENT (also for an index out of
 * range), TD_ERR_NO_MEMORY. Output: caller frees with td_free.
 */
TD_API td_status td_corpus_tweet_json(const td_corpus *corpus, size_t index, char **out_json,
                                      size_t *out_len);

/*
 * The corpus' problems as a JSON array of {"severity": "error"|"warning", "source", "line",
 * "byte_offset", "message"} in input order. Statuses and ownership as td_corpus_tweet_json.
 */
TD_API td_status td_corpus_diagnostics_json(const td_corpus *corpus, char **out_json,
                                            size_t *out_len);

/*
 * The corpus' window and counts as a JSON object {"time_zone", "from", "to" (null when open),
 * "tweets", "diagnostics", "counts": {"read", "kept", "duplicates", "retweets",
 * "out_of_window", "errors"}}. Statuses and ownership as td_corpus_tweet_json.
 */
TD_API td_status td_corpus_summary_json(const td_corpus *corpus, char **out_json,
                                        size_t *out_len);

/* ---- Duplicate signatures: group duplicates across corpora -------------------------------- */

/*
 * What duplicate grouping looks at in each tweet of the corpus, as a JSON array in corpus order:
 * {"id", "id_approximate", "created_at" (Unix seconds), "engagement" (likes, retweets, replies,
 * quotes, bookmarks), "retweets_seen", "simhash" (16 lowercase hex digits; null without analysis
 * text), "superseded_ids" (older versions named by its edit history)}. Signatures of corpora read
 * from parts of one input with "dedupe": false merge (td_duplicate_signatures_merge_json) and
 * cluster (td_duplicate_clusters_json) as that input's corpus groups its tweets. Statuses and
 * ownership as td_corpus_tweet_json.
 */
TD_API td_status td_corpus_duplicate_signatures_json(const td_corpus *corpus, char **out_json,
                                                     size_t *out_len);

/*
 * Merges the signatures of two parts of an input, first_json the earlier part: a tweet in both
 * (same exact id) becomes one, the copy with more engagement (the earlier on a tie) carrying the
 * retweets of both; a tweet named by another's "superseded_ids" is dropped. Returns TD_OK,
 * TD_ERR_INVALID_ARGUMENT (NULL with a non-zero length), TD_ERR_PARSE (invalid UTF-8, or not
 * such an array: the message names the argument, element and field), TD_ERR_NO_MEMORY.
 * Output: caller frees with td_free.
 */
TD_API td_status td_duplicate_signatures_merge_json(const char *first_json, size_t first_len,
                                                    const char *second_json, size_t second_len,
                                                    char **out_json, size_t *out_len);

/*
 * The duplicate clusters of signatures: tweets with equal signatures, or signatures within
 * "near_duplicate_distance" (options {"near_duplicate_distance": 3, "threads": 0}; distance
 * 0..64; threads 0 means one per core, and the clusters do not depend on it) bits of each other,
 * transitively. A JSON array of {"ids": [the representative (most engagement, then earliest),
 * then the others], "retweets_seen"} ordered by the representatives' (created_at, id). Statuses
 * and ownership as td_duplicate_signatures_merge_json; a bad option is TD_ERR_INVALID_ARGUMENT.
 */
TD_API td_status td_duplicate_clusters_json(const char *signatures_json, size_t signatures_len,
                                            const char *options_json, size_t options_len,
                                            char **out_json, size_t *out_len);

/* ---- Term statistics: build, merge, serialize, score ---------------------------------------- */

/*
 * Term counts of a corpus that merge associatively: stats(A + B) == merge(stats(A), stats(B)),
 * which lets shards (e.g. Spark partitions) be counted apart and combined.
 */
typedef struct td_term_stats td_term_stats;

/*
 * Term options, shared by every function below that takes them: {"top": 100,
 * "min_frequency": 2, "discover_phrases": true, "max_examples": 3, "stopwords": ["extra", ...],
 * "user_dictionary": "path", "threads": 0}. "threads" caps the threads a call uses (0: one per
 * core); results do not depend on it.
 */

/*
 * Counts the terms of a corpus (segmentation, phrase discovery, stopwords per term options).
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO (user dictionary), TD_ERR_NO_MEMORY.
 * Output: release *out with td_term_stats_free.
 */
TD_API td_status td_term_stats_build(const td_corpus *corpus, const char *options_json,
                                     size_t options_len, td_term_stats **out);

/*
 * Loads statistics written by td_term_stats_serialize. Returns TD_OK, TD_ERR_INVALID_ARGUMENT,
 * TD_ERR_PARSE (corrupt or truncated bytes; the message gives the offset), TD_ERR_NO_MEMORY.
 * Output: release *out with td_term_stats_free.
 */
TD_API td_status td_term_stats_load(const void *bytes, size_t len, td_term_stats **out);

/* Releases statistics. NULL is a no-op. */
TD_API void td_term_stats_free(td_term_stats *stats);

/*
 * The statistics as compact, versioned binary bytes (not text, though NUL-terminated like every
 * output). Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY. Output: caller frees with
 * td_free.
 */
TD_API td_status td_term_stats_serialize(const td_term_stats *stats, char **out_bytes,
                                         size_t *out_len);

/*
 * Adds `other` into `into` (other is unchanged; into == other doubles every count).
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY (then `into` may hold a partial
 * merge). Needs exclusive access to `into`.
 */
TD_API td_status td_term_stats_merge(td_term_stats *into, const td_term_stats *other);

/* Documents (tweets or duplicate groups) and distinct terms counted. Either output may be NULL.
 * Returns TD_OK or TD_ERR_INVALID_ARGUMENT. */
TD_API td_status td_term_stats_counts(const td_term_stats *stats, uint64_t *out_documents,
                                      uint64_t *out_terms);

/*
 * Ranks the terms of (possibly merged) statistics, optionally against background statistics of
 * earlier days (NULL for none), as a JSON array, best first, of {"key", "display", "kind",
 * "score", "frequency", "document_frequency", "example_ids"}. Options: the term options.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO (unreadable "user_dictionary"),
 * TD_ERR_NO_MEMORY. Output: caller frees with td_free.
 */
TD_API td_status td_term_stats_score(const td_term_stats *stats, const td_term_stats *background,
                                     const char *options_json, size_t options_len, char **out_json,
                                     size_t *out_len);

/* ---- Digest: the daily report ---------------------------------------------------------------- */

/* The report model: overview, core points, views, events, tickers, sentiment, sources. */
typedef struct td_digest td_digest;

/*
 * Builds the report of a corpus window, optionally scoring terms against background statistics
 * (NULL for none). Options: {"language": "zh"|"en", "core_points": 10, "cloud_terms": 150,
 * "generated_at": 0 (Unix seconds; 0 = end of the window), "wordcloud_extension": "png",
 * "terms": {term options}, "history": {"dir": "path", "days": 7, "save": true}}.
 * Without "history" a pure function of its inputs. With it, the corpus must cover one
 * local day: the previous "days" days stored in "dir" add momentum and stories carried forward
 * (terms are scored against their merged stats unless `background` is given), and the day is
 * stored in "dir" ("save": false to only read). Corrupt or foreign files in "dir" are skipped;
 * td_digest_history_diagnostics_json lists them. See include/tweetdigest/history.hpp.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO (user dictionary), TD_ERR_NO_MEMORY.
 * Output: release *out with td_digest_free.
 */
TD_API td_status td_digest_build(const td_corpus *corpus, const td_term_stats *background,
                                 const char *options_json, size_t options_len, td_digest **out);

/*
 * A report of several days composed from a history folder. Options: the digest
 * options plus "from", "to" ("YYYY-MM-DD", required) and "history": {"dir", "days"} (required).
 * Stored days come from the history; a day without an entry is built from the corpus' tweets of
 * that day and stored (corpus may be NULL when every day is stored). The title is
 * twitter_ai_FROM_TO. Returns TD_OK, TD_ERR_INVALID_ARGUMENT (also when no day has an entry or
 * tweets), TD_ERR_IO, TD_ERR_NO_MEMORY. Output: release *out with td_digest_free.
 */
TD_API td_status td_digest_build_range(const td_corpus *corpus, const char *options_json,
                                       size_t options_len, td_digest **out);

/*
 * The history problems met while building the digest (corrupt or foreign files, each with its
 * path and the reason), as a JSON array like td_corpus_diagnostics_json; [] without history.
 * Statuses and ownership as td_digest_to_json.
 */
TD_API td_status td_digest_history_diagnostics_json(const td_digest *digest, char **out_json,
                                                    size_t *out_len);

/*
 * Stores (or replaces) the history entry of a one-day digest and the term stats it was built
 * from under dir (NUL-terminated): dir/YYYY-MM-DD/{day.json, terms.bin, digest.json}, each file
 * written atomically, then rewrites dir/index.bin, which later loads read instead of every day's
 * files while those are unchanged (the day folders stay the source of truth). Returns TD_OK, TD_ERR_INVALID_ARGUMENT (NULL, or a digest of several days),
 * TD_ERR_IO, TD_ERR_NO_MEMORY.
 */
TD_API td_status td_history_save(const char *dir, const td_digest *digest, const td_term_stats *stats);

/*
 * The valid history entries of dir for the days "from".."to" as JSON {"entries": [{"date",
 * "title", "language", "time_zone", "documents", "tweets", "path", "terms" (0 unless "stats"),
 * "top_terms", "stories": [{"title", "since", "terms": [{"key", "weight"}], "tweet_ids"}]}],
 * "diagnostics": [...]}. Options: {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD" (required),
 * "stats": false (also read and verify each day's term stats)}. A missing dir is empty.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY. Output: caller frees with td_free.

 */
TD_API td_status td_history_load(const char *dir, const char *options_json, size_t options_len,
                                 char **out_json, size_t *out_len);

/*
 * Loads a digest from the JSON of td_digest_to_json (for tools that edit a report).
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_PARSE, TD_ERR_NO_MEMORY.
 * Output: release *out with td_digest_free.
 */
TD_API td_status td_digest_from_json(const char *json, size_t json_len, td_digest **out);

/* Releases a digest. NULL is a no-op. */
TD_API void td_digest_free(td_digest *digest);

/*
 * The report as a Jekyll post (front matter and every section; tweet text escaped).
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY. Output: caller frees with td_free.
 */
TD_API td_status td_digest_to_markdown(const td_digest *digest, char **out_markdown,
                                       size_t *out_len);

/* The whole report model as JSON. Statuses and ownership as td_digest_to_markdown. */
TD_API td_status td_digest_to_json(const td_digest *digest, char **out_json, size_t *out_len);

/* The post's path in a Jekyll site, "_posts/YYYY-MM-DD-twitter_ai_FROM_TO.md".
 * Statuses and ownership as td_digest_to_markdown. */
TD_API td_status td_digest_post_path(const td_digest *digest, char **out_path, size_t *out_len);

/* Where the site keeps the post's word cloud, "assets/wordcloud/wordcloud_twitter_ai_FROM_TO.EXT"
 * (the post links it there). Statuses and ownership as td_digest_to_markdown. */
TD_API td_status td_digest_wordcloud_path(const td_digest *digest, char **out_path,
                                          size_t *out_len);

/* The report's cloud terms as the words JSON td_cloud_layout takes.
 * Statuses and ownership as td_digest_to_markdown. */
TD_API td_status td_digest_cloud_words(const td_digest *digest, char **out_json, size_t *out_len);

/* ---- Word clouds ----------------------------------------------------------------------------- */

/* Loaded fonts with a fallback chain. Immutable: load once, share between threads. */
typedef struct td_fonts td_fonts;

/*
 * Loads fonts. Options: {"fonts": [{"path": "x.ttc", "face_index": -1}, ...] (default: the
 * system's CJK and Latin fonts), "language": "zh-Hans" (picks the face of a collection)}.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO (missing or unreadable font),
 * TD_ERR_PARSE (the file is not a font), TD_ERR_UNSUPPORTED, TD_ERR_NO_MEMORY. Output: release
 * *out with td_fonts_free.
 */
TD_API td_status td_fonts_load(const char *options_json, size_t options_len, td_fonts **out);

/* Releases fonts. Clouds laid out with them keep what they need, so this is safe at any time. */
TD_API void td_fonts_free(td_fonts *fonts);

/* The fonts in fallback order, as a JSON array of "family style (path#face)" strings.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY. Output: caller frees with td_free. */
TD_API td_status td_fonts_describe(const td_fonts *fonts, char **out_json, size_t *out_len);

/* A laid-out word cloud, ready to encode. Read-only after creation. */
typedef struct td_cloud td_cloud;

/* Image formats of td_cloud_encode. Values are fixed. */
typedef enum td_image_format {
    TD_IMAGE_PNG = 0,
    TD_IMAGE_SVG = 1, /* glyph outlines as paths: renders identically without the fonts */
    TD_IMAGE_JPEG = 2 /* TD_ERR_UNSUPPORTED unless td_jpeg_supported() */
} td_image_format;

/*
 * Lays out words (largest first; deterministic for a seed). words_json: a JSON array of
 * {"text": "...", "weight": 1.0, "kind": "word"} ("kind" optional, picks the colour group).
 * Options: {"width": 800, "height": 600, "seed": 1, "orientation": "horizontal"|"rotate"|
 * "upright_vertical", "prefer_horizontal": 0.9, "relative_scaling": 0.5, "min_font_size": 4,
 * "max_font_size": 0, "margin": 2, "max_words": 200, "background": "#rrggbb" or "#rrggbbaa",
 * "palette": ["#rrggbb", ...], "mask_png": "path", "jpeg_quality": 90, "color_mode": "palette"|
 * "by_weight"|"by_kind", "contour_width": 0 (a line around the mask's shape), "contour_color"}.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT (bad words JSON or option), TD_ERR_IO (mask),
 * TD_ERR_PARSE (mask is not a PNG), TD_ERR_UNSUPPORTED (a PNG kind the decoder does not read,
 * e.g. interlaced), TD_ERR_NO_MEMORY. Output: release *out with td_cloud_free.
 */
TD_API td_status td_cloud_layout(const td_fonts *fonts, const char *words_json, size_t words_len,
                                 const char *options_json, size_t options_len, td_cloud **out);

/* Releases a cloud. NULL is a no-op. */
TD_API void td_cloud_free(td_cloud *cloud);

/*
 * The layout as JSON: {"width", "height", "words": [{"text", "x", "y", "width", "height",
 * "font_size", "orientation", ...}], "dropped": [...], ...}.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_NO_MEMORY. Output: caller frees with td_free.
 */
TD_API td_status td_cloud_layout_json(const td_cloud *cloud, char **out_json, size_t *out_len);

/*
 * The cloud as an image file's bytes. Returns TD_OK, TD_ERR_INVALID_ARGUMENT (unknown format),
 * TD_ERR_UNSUPPORTED (JPEG without libjpeg), TD_ERR_NO_MEMORY. Output: caller frees with td_free.
 */
TD_API td_status td_cloud_encode(const td_cloud *cloud, td_image_format format, char **out_bytes,
                                 size_t *out_len);

/*
 * Writes the cloud to `path` (NUL-terminated) as PNG, JPEG (.jpg/.jpeg) or SVG by its
 * extension, atomically. Returns TD_OK, TD_ERR_INVALID_ARGUMENT (unknown extension),
 * TD_ERR_IO, TD_ERR_UNSUPPORTED, TD_ERR_NO_MEMORY.
 */
TD_API td_status td_cloud_write_file(const td_cloud *cloud, const char *path);

/* 1 when this build encodes JPEG, else 0. Thread-safe. */
TD_API int td_jpeg_supported(void);

/* ---- Network ---------------------------------------------------------------------------------
 * Nothing is sent anywhere unless one of these is called. Both block until done; separate calls
 * may run on separate threads. Without the network module every call returns TD_ERR_UNSUPPORTED.
 */

/* 1 when this build has the network module (and so the functions below), else 0. */
TD_API int td_network_supported(void);

/* 1 when this build speaks https (OpenSSL), else 0. */
TD_API int td_https_supported(void);

/*
 * Asks an OpenAI-compatible chat-completions endpoint to rewrite the digest's prose from its
 * evidence, validates every statement (cited ids exist, no ticker or number the evidence lacks,
 * length limits) and applies only the valid ones, in place. A failed request or an unusable
 * answer leaves the digest unchanged. Options: {"base_url": "https://host/v1" (required),
 * "model": "..." (required), "api_key": "" (default: TWEETDIGEST_LLM_API_KEY), "stream": false,
 * "temperature": 0.2, "max_tokens": 4000, "timeout_ms": 120000, "max_attempts": 4}.
 * Report: {"accepted": N, "rejected": N, "usage": {"prompt_tokens", "completion_tokens",
 * "total_tokens"}, "diagnostics": ["..."]}.
 * Returns TD_OK (also when the model's answer was rejected: see the report),
 * TD_ERR_INVALID_ARGUMENT, TD_ERR_UNSUPPORTED, TD_ERR_NO_MEMORY.
 * Output: caller frees *out_report_json with td_free. Not thread-safe for one digest.
 */
TD_API td_status td_digest_improve_prose(td_digest *digest, const char *options_json,
                                         size_t options_len, char **out_report_json,
                                         size_t *out_len);

/*
 * Fetches tweets from the X API v2 into a JSONL file, one API page per line, resumable.
 * Options: {"query": "..." or "user_id": "...", "output_path": "x.jsonl" (required),
 * "start_time": "", "end_time": "" (ISO-8601), "max_tweets": 0 (all), "page_size": 100,
 * "base_url": "https://api.x.com", "bearer_token": "" (default: TWEETDIGEST_X_BEARER_TOKEN),
 * "resume": false, "timeout_ms": 120000, "max_attempts": 4}.
 * Result: {"pages": N, "tweets": N, "finished": true, "next_token": "", "diagnostics": [...]}.
 * Returns TD_OK, TD_ERR_INVALID_ARGUMENT, TD_ERR_IO (network or file; pages already written
 * are kept), TD_ERR_PARSE (a page that is not JSON), TD_ERR_UNSUPPORTED, TD_ERR_NO_MEMORY.
 * Output: caller frees *out_result_json with td_free.
 */
TD_API td_status td_x_fetch(const char *options_json, size_t options_len, char **out_result_json,
                            size_t *out_len);

TD_END_DECLS

#endif /* TWEETDIGEST_TWEETDIGEST_H */
