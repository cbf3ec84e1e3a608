/* Every function of the C ABI, with its success and error paths, compiled as C11. */
#include <tweetdigest/tweetdigest.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                                   \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, \
                    #condition, td_last_error());                                          \
            ++failures;                                                                    \
        }                                                                                  \
    } while (0)

/* A call that must fail with `status` and a message containing `fragment`. */
#define CHECK_ERROR(call, status, fragment)                                               \
    do {                                                                                  \
        td_clear_error();                                                                 \
        td_status actual_ = (call);                                                       \
        if (actual_ != (status) || strstr(td_last_error(), (fragment)) == NULL) {         \
            fprintf(stderr, "%s:%d: %s returned %s with \"%s\"; expected %s with \"%s\"\n", \
                    __FILE__, __LINE__, #call, td_status_string(actual_), td_last_error(), \
                    #status, (fragment));                                                 \
            ++failures;                                                                   \
        }                                                                                 \
    } while (0)

static const char *const day_path = TD_TEST_DATA_DIR "/day.jsonl";
static const char *const day_options = "{\"time_zone\": \"Asia/Shanghai\", \"from\": \"2026-01-25\"}";

static int contains(const char *text, const char *fragment) { return strstr(text, fragment) != NULL; }

static void test_status_errors_and_version(void) {
    int major = -1, minor = -1, patch = -1;
    char buffer[32];

    CHECK(strcmp(td_status_string(TD_OK), "TD_OK") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_INVALID_ARGUMENT), "TD_ERR_INVALID_ARGUMENT") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_IO), "TD_ERR_IO") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_PARSE), "TD_ERR_PARSE") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_UNSUPPORTED), "TD_ERR_UNSUPPORTED") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_NO_MEMORY), "TD_ERR_NO_MEMORY") == 0);
    CHECK(strcmp(td_status_string(TD_ERR_INTERNAL), "TD_ERR_INTERNAL") == 0);
    CHECK(strcmp(td_status_string((td_status)-99), "unknown status") == 0);

    td_clear_error();
    CHECK(td_last_error() != NULL && td_last_error()[0] == '\0');

    td_version(&major, &minor, &patch);
    CHECK(major == TD_VERSION_MAJOR && minor == TD_VERSION_MINOR && patch == TD_VERSION_PATCH);
    td_version(NULL, NULL, NULL);
    snprintf(buffer, sizeof buffer, "%d.%d.%d", major, minor, patch);
    CHECK(strcmp(td_version_string(), buffer) == 0);
    CHECK(strcmp(td_version_string(), TD_VERSION_STRING) == 0);
    CHECK(td_abi_version() == TD_ABI_VERSION);
    CHECK(TD_VERSION_ATLEAST(0, 1, 0));

    td_free(NULL);
}

static void test_text(void) {
    const char *tweet = "看 #AI 新闻 @alice https://example.com $NVDA";
    char *out = NULL;
    size_t len = 0;

    CHECK(td_extract_entities(tweet, TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(out != NULL && len == strlen(out));
    CHECK(contains(out, "\"kind\":\"hashtag\"") && contains(out, "\"value\":\"AI\""));
    CHECK(contains(out, "\"kind\":\"mention\"") && contains(out, "\"kind\":\"url\""));
    CHECK(contains(out, "\"kind\":\"cashtag\"") && contains(out, "\"value\":\"NVDA\""));
    /* "看 " is 4 bytes, 2 code points: the hashtag starts there. */
    CHECK(contains(out, "\"byte_begin\":4") && contains(out, "\"begin\":2"));
    td_free(out);

    /* An explicit length stops before the mention. */
    CHECK(td_extract_entities(tweet, 14, &out, &len) == TD_OK); /* "看 #AI 新闻" */
    CHECK(!contains(out, "mention") && contains(out, "hashtag"));
    td_free(out);

    CHECK(td_extract_entities(NULL, 0, &out, &len) == TD_OK);
    CHECK(strcmp(out, "[]") == 0 && len == 2);
    td_free(out);

    CHECK_ERROR(td_extract_entities("ab\xff", 3, &out, &len), TD_ERR_PARSE, "invalid UTF-8 at byte 2");
    CHECK(out == NULL && len == 0);
    CHECK_ERROR(td_extract_entities("\xed\xa0\x80", 3, &out, &len), TD_ERR_PARSE, "byte 0");
    CHECK_ERROR(td_extract_entities("\xc0\xaf", 2, &out, &len), TD_ERR_PARSE, "byte 0");
    CHECK_ERROR(td_extract_entities(NULL, 5, &out, &len), TD_ERR_INVALID_ARGUMENT, "text is NULL");
    CHECK_ERROR(td_extract_entities("x", 1, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_extract_entities("x", 1, &out, NULL), TD_ERR_INVALID_ARGUMENT, "out_len is NULL");

    CHECK(td_weighted_length("你好", TD_NUL_TERMINATED, NULL, 0, &out, &len) == TD_OK);
    CHECK(contains(out, "\"weighted_length\":4") && contains(out, "\"valid\":true"));
    td_free(out);
    CHECK(td_weighted_length("你好", TD_NUL_TERMINATED, "{\"config\":\"v1\"}", TD_NUL_TERMINATED,
                             &out, &len) == TD_OK);
    CHECK(contains(out, "\"weighted_length\":2"));
    td_free(out);
    CHECK_ERROR(td_weighted_length("x", 1, "{\"config\":\"v9\"}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "\"config\"");
    CHECK_ERROR(td_weighted_length("x", 1, "{\"size\":1}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "unknown key \"size\"");
    CHECK_ERROR(td_weighted_length("x", 1, "{\"config\":", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "invalid JSON");
    CHECK_ERROR(td_weighted_length("x", 1, "[1]", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "expected a JSON object");
    CHECK_ERROR(td_weighted_length("\x80", 1, NULL, 0, &out, &len), TD_ERR_PARSE, "byte 0");
    CHECK_ERROR(td_weighted_length("x", 1, NULL, 0, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out");
}

static void test_segmenter(void) {
    td_segmenter *segmenter = NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *dictionary;
    const char *dictionary_path = TD_TEST_OUTPUT_DIR "/capi_user_dictionary.txt";

    CHECK(td_segmenter_create(NULL, 0, &segmenter) == TD_OK && segmenter != NULL);
    CHECK(td_segmenter_segment(segmenter, "我爱北京天安门", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(out != NULL && out[0] == '[' && contains(out, "北京"));
    td_free(out);
    CHECK(td_segmenter_tokenize(segmenter, "hello 世界 #AI", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(contains(out, "\"kind\":\"hashtag\"") && contains(out, "\"byte_offset\":0"));
    td_free(out);

    CHECK_ERROR(td_segmenter_segment(NULL, "x", 1, &out, &len), TD_ERR_INVALID_ARGUMENT, "segmenter is NULL");
    CHECK_ERROR(td_segmenter_segment(segmenter, "\xe4\xb8", 2, &out, &len), TD_ERR_PARSE, "byte 0");
    CHECK_ERROR(td_segmenter_segment(segmenter, "x", 1, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out");
    CHECK_ERROR(td_segmenter_tokenize(NULL, "x", 1, &out, &len), TD_ERR_INVALID_ARGUMENT, "segmenter is NULL");
    CHECK_ERROR(td_segmenter_tokenize(segmenter, "a\xff", 2, &out, &len), TD_ERR_PARSE, "byte 1");
    td_segmenter_free(segmenter);
    td_segmenter_free(NULL);

    /* A user dictionary keeps a new word whole. */
    dictionary = fopen(dictionary_path, "w");
    CHECK(dictionary != NULL);
    if (dictionary) {
        fputs("蓝鲸代理\n", dictionary);
        fclose(dictionary);
    }
    CHECK(td_segmenter_create("{\"user_dictionary\": \"" TD_TEST_OUTPUT_DIR "/capi_user_dictionary.txt\"}",
                              TD_NUL_TERMINATED, &segmenter) == TD_OK);
    CHECK(td_segmenter_segment(segmenter, "蓝鲸代理很好", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(out != NULL && contains(out, "\"蓝鲸代理\""));
    td_free(out);
    td_segmenter_free(segmenter);

    segmenter = (td_segmenter *)&len; /* must be reset to NULL on failure */
    CHECK_ERROR(td_segmenter_create("{\"user_dictionary\": \"/nonexistent/dict.txt\"}",
                                    TD_NUL_TERMINATED, &segmenter),
                TD_ERR_IO, "/nonexistent/dict.txt");
    CHECK(segmenter == NULL);
    CHECK_ERROR(td_segmenter_create("{\"dictionary\": 3}", TD_NUL_TERMINATED, &segmenter),
                TD_ERR_INVALID_ARGUMENT, "\"dictionary\" must be a string");
    CHECK_ERROR(td_segmenter_create(NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
}

static td_corpus *read_day(void) {
    td_corpus *corpus = NULL;
    const char *paths[] = {day_path};
    CHECK(td_corpus_read_files(paths, 1, day_options, TD_NUL_TERMINATED, &corpus) == TD_OK);
    return corpus;
}

static void test_corpus(void) {
    const char *paths[] = {day_path, TD_TEST_DATA_DIR "/missing.jsonl"};
    const char *null_path[] = {NULL};
    const char *memory = "{\"id\":\"7\",\"text\":\"中文 tweet\",\"created_at\":\"2026-01-25T01:00:00Z\","
                         "\"author_id\":\"1\"}\n";
    td_corpus *corpus = NULL;
    size_t size = 0;
    char *out = NULL;
    size_t len = 0;

    /* A missing file is a diagnostic: the other file is still read. */
    CHECK(td_corpus_read_files(paths, 2, day_options, TD_NUL_TERMINATED, &corpus) == TD_OK);
    CHECK(td_corpus_size(corpus, &size) == TD_OK);
    CHECK(size >= 8 && size <= 10); /* one exact copy folded, one tweet of another day dropped */
    CHECK(td_corpus_diagnostics_json(corpus, &out, &len) == TD_OK);
    CHECK(contains(out, "missing.jsonl") && contains(out, "\"line\":13"));
    td_free(out);
    CHECK(td_corpus_summary_json(corpus, &out, &len) == TD_OK);
    CHECK(contains(out, "\"time_zone\":\"Asia/Shanghai\"") && contains(out, "\"from\":\"2026-01-25\""));
    CHECK(contains(out, "\"out_of_window\":1"));
    td_free(out);
    CHECK(td_corpus_tweet_json(corpus, 0, &out, &len) == TD_OK);
    CHECK(contains(out, "\"id\":\"101\"") && len == strlen(out));
    td_free(out);
    CHECK_ERROR(td_corpus_tweet_json(corpus, size, &out, &len), TD_ERR_INVALID_ARGUMENT, "out of range");
    CHECK(out == NULL && len == 0);
    td_corpus_free(corpus);
    td_corpus_free(NULL);

    CHECK(td_corpus_read_memory(memory, strlen(memory), "inline", NULL, 0, &corpus) == TD_OK);
    CHECK(td_corpus_size(corpus, &size) == TD_OK && size == 1);
    CHECK(td_corpus_tweet_json(corpus, 0, &out, &len) == TD_OK && contains(out, "中文 tweet"));
    td_free(out);
    CHECK(td_corpus_summary_json(corpus, &out, &len) == TD_OK && contains(out, "\"from\":null"));
    td_free(out);
    td_corpus_free(corpus);

    /* Empty memory is an empty corpus; bytes that are not tweets become diagnostics. */
    CHECK(td_corpus_read_memory(NULL, 0, NULL, NULL, 0, &corpus) == TD_OK);
    CHECK(td_corpus_size(corpus, &size) == TD_OK && size == 0);
    td_corpus_free(corpus);
    CHECK(td_corpus_read_memory("\xff\xfe garbage\n", 11, "junk", NULL, 0, &corpus) == TD_OK);
    CHECK(td_corpus_diagnostics_json(corpus, &out, &len) == TD_OK && contains(out, "\"source\":\"junk\""));
    td_free(out);
    td_corpus_free(corpus);

    CHECK_ERROR(td_corpus_read_files(NULL, 1, NULL, 0, &corpus), TD_ERR_INVALID_ARGUMENT, "paths is NULL");
    CHECK(corpus == NULL);
    CHECK_ERROR(td_corpus_read_files(paths, 0, NULL, 0, &corpus), TD_ERR_INVALID_ARGUMENT, "n_paths is 0");
    CHECK_ERROR(td_corpus_read_files(null_path, 1, NULL, 0, &corpus), TD_ERR_INVALID_ARGUMENT, "paths[0] is NULL");
    CHECK_ERROR(td_corpus_read_files(paths, 1, NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"tz\":\"UTC\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "unknown key \"tz\"");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"time_zone\":\"Mars/Olympus\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "Mars/Olympus");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"from\":\"2026-13-45\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "2026-13-45");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"from\":\"2026-01-25\",\"to\":\"2026-01-24\"}",
                                     TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "before");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"format\":\"xml\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "xml");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"dedupe\":\"yes\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "\"dedupe\" must be true or false");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"near_duplicate_distance\":65}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "between 0 and 64");
    CHECK_ERROR(td_corpus_read_files(paths, 1, "{\"from\":\"\xff\"}", TD_NUL_TERMINATED, &corpus),
                TD_ERR_INVALID_ARGUMENT, "invalid JSON");
    CHECK_ERROR(td_corpus_read_memory(NULL, 4, NULL, NULL, 0, &corpus), TD_ERR_INVALID_ARGUMENT, "data is NULL");
    CHECK_ERROR(td_corpus_read_memory("", 0, NULL, NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");

    CHECK_ERROR(td_corpus_size(NULL, &size), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    corpus = read_day();
    CHECK_ERROR(td_corpus_size(corpus, NULL), TD_ERR_INVALID_ARGUMENT, "out_size is NULL");
    CHECK_ERROR(td_corpus_tweet_json(NULL, 0, &out, &len), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK_ERROR(td_corpus_tweet_json(corpus, 0, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_corpus_diagnostics_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK_ERROR(td_corpus_diagnostics_json(corpus, &out, NULL), TD_ERR_INVALID_ARGUMENT, "out_len is NULL");
    CHECK_ERROR(td_corpus_summary_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK_ERROR(td_corpus_summary_json(corpus, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    td_corpus_free(corpus);
}

static void test_duplicate_signatures(void) {
    /* Two copies of one text in two "parts" of an input: each part alone has no duplicate, the
     * merged signatures form one cluster, represented by the copy with more likes. */
    const char *first = "{\"id\":\"1\",\"text\":\"the same news, twice over\",\"created_at\":\"2026-01-25T01:00:00Z\","
                        "\"public_metrics\":{\"like_count\":2}}\n";
    const char *second = "{\"id\":\"2\",\"text\":\"the same news, twice over\",\"created_at\":\"2026-01-25T02:00:00Z\","
                         "\"public_metrics\":{\"like_count\":7}}\n";
    const char *options = "{\"time_zone\": \"UTC\", \"from\": \"2026-01-25\", \"dedupe\": false}";
    td_corpus *corpus = NULL;
    char *a = NULL, *b = NULL, *merged = NULL, *out = NULL;
    size_t a_len = 0, b_len = 0, merged_len = 0, len = 0;

    CHECK(td_corpus_read_memory(first, strlen(first), "first", options, strlen(options), &corpus) == TD_OK);
    CHECK(td_corpus_duplicate_signatures_json(corpus, &a, &a_len) == TD_OK);
    CHECK(contains(a, "\"id\":\"1\"") && contains(a, "\"engagement\":2") && a_len == strlen(a));
    td_corpus_free(corpus);
    CHECK(td_corpus_read_memory(second, strlen(second), "second", options, strlen(options), &corpus) == TD_OK);
    CHECK(td_corpus_duplicate_signatures_json(corpus, &b, &b_len) == TD_OK);
    CHECK_ERROR(td_corpus_duplicate_signatures_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK_ERROR(td_corpus_duplicate_signatures_json(corpus, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    td_corpus_free(corpus);

    CHECK(td_duplicate_signatures_merge_json(a, a_len, b, TD_NUL_TERMINATED, &merged, &merged_len) == TD_OK);
    CHECK(contains(merged, "\"id\":\"1\"") && contains(merged, "\"id\":\"2\""));
    CHECK(td_duplicate_clusters_json(merged, merged_len, NULL, 0, &out, &len) == TD_OK);
    CHECK(out && strcmp(out, "[{\"ids\":[\"2\",\"1\"],\"retweets_seen\":0}]") == 0);
    td_free(out);
    CHECK(td_duplicate_clusters_json(a, a_len, "{\"near_duplicate_distance\": 0}", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(out && strcmp(out, "[{\"ids\":[\"1\"],\"retweets_seen\":0}]") == 0);
    td_free(out);
    CHECK(td_duplicate_clusters_json(merged, merged_len, "{\"threads\": 1}", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(out && strcmp(out, "[{\"ids\":[\"2\",\"1\"],\"retweets_seen\":0}]") == 0);
    td_free(out);

    CHECK_ERROR(td_duplicate_signatures_merge_json(a, a_len, "[{}]", 4, &out, &len), TD_ERR_PARSE,
                "second_json: duplicate signatures: element 0, \"id\": missing");
    CHECK(out == NULL && len == 0);
    CHECK_ERROR(td_duplicate_signatures_merge_json("{", 1, b, b_len, &out, &len), TD_ERR_PARSE, "first_json: duplicate signatures: invalid JSON");
    CHECK_ERROR(td_duplicate_signatures_merge_json("[\xff]", 3, b, b_len, &out, &len), TD_ERR_PARSE, "first_json: invalid UTF-8 at byte 1");
    CHECK_ERROR(td_duplicate_clusters_json(NULL, 5, NULL, 0, &out, &len), TD_ERR_INVALID_ARGUMENT, "signatures_json is NULL");
    CHECK_ERROR(td_duplicate_clusters_json(a, a_len, "{\"near_duplicate_distance\": 65}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "between 0 and 64");
    CHECK_ERROR(td_duplicate_clusters_json(a, a_len, "{\"distance\": 1}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "unknown key \"distance\"");
    CHECK_ERROR(td_duplicate_clusters_json(a, a_len, "{\"threads\": -1}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "\"threads\" must be between 0 and");
    td_free(a);
    td_free(b);
    td_free(merged);
}

static void test_term_stats(void) {
    td_corpus *corpus = read_day();
    td_term_stats *stats = NULL, *loaded = NULL, *doubled = NULL;
    char *bytes = NULL, *again = NULL, *out = NULL;
    size_t bytes_len = 0, again_len = 0, len = 0;
    uint64_t documents = 0, terms = 0, doubled_documents = 0;

    CHECK(td_term_stats_build(corpus, "{\"min_frequency\": 1, \"stopwords\": [\"the\"]}",
                              TD_NUL_TERMINATED, &stats) == TD_OK);
    CHECK(td_term_stats_counts(stats, &documents, &terms) == TD_OK);
    CHECK(documents >= 8 && terms > 10);
    CHECK(td_term_stats_counts(stats, NULL, NULL) == TD_OK);

    CHECK(td_term_stats_serialize(stats, &bytes, &bytes_len) == TD_OK && bytes_len > 0);
    CHECK(td_term_stats_load(bytes, bytes_len, &loaded) == TD_OK);
    CHECK(td_term_stats_serialize(loaded, &again, &again_len) == TD_OK);
    CHECK(again_len == bytes_len && memcmp(bytes, again, bytes_len) == 0);
    td_free(again);

    /* Merging a copy doubles the document count; merging with itself too. */
    CHECK(td_term_stats_load(bytes, bytes_len, &doubled) == TD_OK);
    CHECK(td_term_stats_merge(doubled, loaded) == TD_OK);
    CHECK(td_term_stats_counts(doubled, &doubled_documents, NULL) == TD_OK);
    CHECK(doubled_documents == 2 * documents);
    CHECK(td_term_stats_merge(loaded, loaded) == TD_OK);
    CHECK(td_term_stats_serialize(loaded, &again, &again_len) == TD_OK);
    td_free(out);
    CHECK(td_term_stats_serialize(doubled, &out, &len) == TD_OK);
    CHECK(len == again_len && memcmp(out, again, len) == 0);
    td_free(out);
    td_free(again);

    CHECK(td_term_stats_score(stats, NULL, "{\"top\": 5}", TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(contains(out, "\"display\":") && contains(out, "\"score\":"));
    CHECK(contains(out, "Claude Code") || contains(out, "AI代理"));
    td_free(out);
    CHECK(td_term_stats_score(stats, doubled, NULL, 0, &out, &len) == TD_OK && out[0] == '[');
    td_free(out);

    /* Corrupt and truncated bytes are parse errors, never crashes. */
    td_term_stats_free(loaded);
    CHECK_ERROR(td_term_stats_load("not stats", 9, &loaded), TD_ERR_PARSE, "");
    CHECK(loaded == NULL);
    CHECK_ERROR(td_term_stats_load(bytes, bytes_len / 2, &loaded), TD_ERR_PARSE, "");
    CHECK_ERROR(td_term_stats_load(NULL, 3, &loaded), TD_ERR_INVALID_ARGUMENT, "bytes is NULL");
    CHECK_ERROR(td_term_stats_load(bytes, bytes_len, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    bytes[bytes_len - 1] ^= 0x5A;
    td_clear_error();
    if (td_term_stats_load(bytes, bytes_len, &loaded) == TD_OK)
        td_term_stats_free(loaded); /* a flipped count may still be valid; it must not crash */
    else
        CHECK(td_last_error()[0] != '\0');
    td_free(bytes);

    CHECK_ERROR(td_term_stats_build(NULL, NULL, 0, &loaded), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK_ERROR(td_term_stats_build(corpus, NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_term_stats_build(corpus, "{\"top\": -1}", TD_NUL_TERMINATED, &loaded),
                TD_ERR_INVALID_ARGUMENT, "\"top\" must be between");
    CHECK_ERROR(td_term_stats_build(corpus, "{\"stopwords\": [1]}", TD_NUL_TERMINATED, &loaded),
                TD_ERR_INVALID_ARGUMENT, "array of strings");
    CHECK_ERROR(td_term_stats_build(corpus, "{\"user_dictionary\": \"/nonexistent/u.txt\"}",
                                    TD_NUL_TERMINATED, &loaded),
                TD_ERR_IO, "/nonexistent/u.txt");
    CHECK_ERROR(td_term_stats_serialize(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "stats is NULL");
    CHECK_ERROR(td_term_stats_serialize(stats, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_term_stats_merge(NULL, stats), TD_ERR_INVALID_ARGUMENT, "into is NULL");
    CHECK_ERROR(td_term_stats_merge(stats, NULL), TD_ERR_INVALID_ARGUMENT, "other is NULL");
    CHECK_ERROR(td_term_stats_counts(NULL, &documents, &terms), TD_ERR_INVALID_ARGUMENT, "stats is NULL");
    CHECK_ERROR(td_term_stats_score(NULL, NULL, NULL, 0, &out, &len), TD_ERR_INVALID_ARGUMENT, "stats is NULL");
    CHECK_ERROR(td_term_stats_score(stats, NULL, "{\"bogus\":1}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "unknown key \"bogus\"");
    CHECK_ERROR(td_term_stats_score(stats, NULL, NULL, 0, &out, NULL), TD_ERR_INVALID_ARGUMENT, "out_len");

    td_term_stats_free(doubled);
    td_term_stats_free(stats);
    td_term_stats_free(NULL);
    td_corpus_free(corpus);
}

static void test_digest(void) {
    td_corpus *corpus = read_day();
    td_digest *digest = NULL, *reloaded = NULL;
    char *json = NULL, *out = NULL;
    size_t json_len = 0, len = 0;

    CHECK(td_digest_build(corpus, NULL, "{\"language\": \"zh\", \"terms\": {\"min_frequency\": 1}}",
                          TD_NUL_TERMINATED, &digest) == TD_OK);
    CHECK(td_digest_to_markdown(digest, &out, &len) == TD_OK);
    CHECK(strncmp(out, "---\n", 4) == 0 && contains(out, "twitter_ai_20260125_20260125"));
    td_free(out);
    CHECK(td_digest_post_path(digest, &out, &len) == TD_OK);
    CHECK(strcmp(out, "_posts/2026-01-25-twitter_ai_20260125_20260125.md") == 0);
    td_free(out);
    CHECK(td_digest_wordcloud_path(digest, &out, &len) == TD_OK);
    CHECK(strcmp(out, "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png") == 0);
    td_free(out);
    CHECK(td_digest_cloud_words(digest, &out, &len) == TD_OK && contains(out, "\"weight\":"));
    td_free(out);

    CHECK(td_digest_to_json(digest, &json, &json_len) == TD_OK && json[0] == '{');
    CHECK(td_digest_from_json(json, json_len, &reloaded) == TD_OK);
    CHECK(td_digest_to_json(reloaded, &out, &len) == TD_OK);
    CHECK(len == json_len && memcmp(out, json, len) == 0);
    td_free(out);
    td_free(json);
    td_digest_free(reloaded);
    td_digest_free(digest);
    td_digest_free(NULL);

    CHECK(td_digest_build(corpus, NULL, "{\"language\": \"en\", \"core_points\": 3}", TD_NUL_TERMINATED,
                          &digest) == TD_OK);
    CHECK(td_digest_to_markdown(digest, &out, &len) == TD_OK);
    td_free(out);
    td_digest_free(digest);

    CHECK_ERROR(td_digest_build(NULL, NULL, NULL, 0, &digest), TD_ERR_INVALID_ARGUMENT, "corpus is NULL");
    CHECK(digest == NULL);
    CHECK_ERROR(td_digest_build(corpus, NULL, NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_digest_build(corpus, NULL, "{\"language\": \"fr\"}", TD_NUL_TERMINATED, &digest),
                TD_ERR_INVALID_ARGUMENT, "fr");
    CHECK_ERROR(td_digest_build(corpus, NULL, "{\"terms\": {\"topp\": 1}}", TD_NUL_TERMINATED, &digest),
                TD_ERR_INVALID_ARGUMENT, "digest options: terms: unknown key \"topp\"");
    CHECK_ERROR(td_digest_build(corpus, NULL, "{\"terms\": 1}", TD_NUL_TERMINATED, &digest),
                TD_ERR_INVALID_ARGUMENT, "\"terms\" must be an object");
    CHECK_ERROR(td_digest_from_json("{\"nope\": ", TD_NUL_TERMINATED, &digest), TD_ERR_PARSE, "");
    CHECK_ERROR(td_digest_from_json("{\"a\":\"\xc3\"}", TD_NUL_TERMINATED, &digest), TD_ERR_PARSE,
                "invalid UTF-8 at byte 6");
    CHECK_ERROR(td_digest_from_json(NULL, 2, &digest), TD_ERR_INVALID_ARGUMENT, "json is NULL");
    CHECK_ERROR(td_digest_from_json("{}", 2, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_digest_to_markdown(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    CHECK_ERROR(td_digest_to_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    CHECK_ERROR(td_digest_post_path(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    CHECK_ERROR(td_digest_cloud_words(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    CHECK_ERROR(td_digest_wordcloud_path(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    td_corpus_free(corpus);
}

static void test_history(void) {
    td_corpus *corpus = read_day();
    td_digest *digest = NULL, *again = NULL, *range = NULL;
    td_term_stats *stats = NULL;
    char *out = NULL, *first = NULL;
    size_t len = 0, first_len = 0;
    const char *history_dir = TD_TEST_OUTPUT_DIR "/capi_history";
    const char *options = "{\"history\": {\"dir\": \"" TD_TEST_OUTPUT_DIR "/capi_history\", \"days\": 7}}";
    FILE *foreign = NULL;

    remove(TD_TEST_OUTPUT_DIR "/capi_history/notes.txt");
    CHECK(td_digest_build(corpus, NULL, options, TD_NUL_TERMINATED, &digest) == TD_OK);
    CHECK(td_digest_to_json(digest, &first, &first_len) == TD_OK && contains(first, "\"story\":{\"status\":\"new\""));
    /* The same day again replaces its entry and gives the same digest. */
    CHECK(td_digest_build(corpus, NULL, options, TD_NUL_TERMINATED, &again) == TD_OK);
    CHECK(td_digest_to_json(again, &out, &len) == TD_OK);
    CHECK(len == first_len && memcmp(out, first, len) == 0);
    td_free(out);
    td_free(first);
    CHECK(td_digest_history_diagnostics_json(again, &out, &len) == TD_OK && strcmp(out, "[]") == 0);
    td_free(out);

    CHECK(td_history_load(history_dir, "{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\", \"stats\": true}",
                          TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(contains(out, "\"date\":\"2026-01-25\"") && contains(out, "\"stories\":[{"));
    CHECK(!contains(out, "2026-01-24"));
    td_free(out);

    /* A foreign file is reported with its path and skipped. */
    foreign = fopen(TD_TEST_OUTPUT_DIR "/capi_history/notes.txt", "w");
    CHECK(foreign != NULL);
    if (foreign) fclose(foreign);
    CHECK(td_history_load(history_dir, "{\"from\": \"2026-01-25\", \"to\": \"2026-01-25\"}", TD_NUL_TERMINATED,
                          &out, &len) == TD_OK);
    CHECK(contains(out, "notes.txt") && contains(out, "not a history day"));
    td_free(out);

    /* A range from the history alone (no corpus); the day without an entry is left out. */
    CHECK(td_digest_build_range(NULL, "{\"from\": \"2026-01-24\", \"to\": \"2026-01-25\", \"history\": {\"dir\": \""
                                TD_TEST_OUTPUT_DIR "/capi_history\"}}", TD_NUL_TERMINATED, &range) == TD_OK);
    CHECK(td_digest_post_path(range, &out, &len) == TD_OK);
    CHECK(strcmp(out, "_posts/2026-01-24-twitter_ai_20260124_20260125.md") == 0);
    td_free(out);
    CHECK(td_digest_history_diagnostics_json(range, &out, &len) == TD_OK && contains(out, "2026-01-24: day left out"));
    td_free(out);
    CHECK(td_digest_to_json(range, &out, &len) == TD_OK && contains(out, "\"days\":[{\"date\":\"2026-01-25\""));
    td_free(out);

    /* Saving by hand. */
    CHECK(td_term_stats_build(corpus, NULL, 0, &stats) == TD_OK);
    CHECK(td_history_save(TD_TEST_OUTPUT_DIR "/capi_history_saved", digest, stats) == TD_OK);
    CHECK_ERROR(td_history_save(TD_TEST_OUTPUT_DIR "/capi_history_saved", range, stats), TD_ERR_INVALID_ARGUMENT,
                "one-day digests");
    CHECK_ERROR(td_history_save(NULL, digest, stats), TD_ERR_INVALID_ARGUMENT, "dir is NULL");
    CHECK_ERROR(td_history_load(history_dir, "{\"from\": \"2026-01-25\"}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "\"from\" and \"to\" are required");
    td_digest_free(again);
    td_digest_free(range);
    CHECK_ERROR(td_digest_build(corpus, NULL, "{\"history\": {\"days\": 3}}", TD_NUL_TERMINATED, &again),
                TD_ERR_INVALID_ARGUMENT, "\"dir\" is required");
    CHECK_ERROR(td_digest_build_range(corpus, "{\"from\": \"2026-01-24\", \"to\": \"2026-01-25\"}",
                                      TD_NUL_TERMINATED, &range), TD_ERR_INVALID_ARGUMENT, "\"history\" is required");
    CHECK(range == NULL);
    CHECK_ERROR(td_digest_history_diagnostics_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "digest is NULL");
    td_term_stats_free(stats);
    td_digest_free(digest);
    td_corpus_free(corpus);
}

static void test_cloud(void) {
    const char *words = "[{\"text\":\"Claude Code\",\"weight\":9,\"kind\":\"phrase\"},"
                        "{\"text\":\"世界模型\",\"weight\":6},{\"text\":\"AI代理\",\"weight\":5},"
                        "{\"text\":\"Kimi\",\"weight\":3}]";
    const char *options = "{\"width\":320,\"height\":200,\"seed\":7,\"background\":\"#ffffff00\","
                          "\"palette\":[\"#1f77b4\",\"#ff7f0e\"]}";
    const char *png_path = TD_TEST_OUTPUT_DIR "/capi_cloud.png";
    td_fonts *fonts = NULL, *explicit_fonts = NULL;
    td_cloud *cloud = NULL, *same = NULL;
    char *out = NULL, *again = NULL;
    size_t len = 0, again_len = 0;
    FILE *written;

    CHECK(td_fonts_load(NULL, 0, &fonts) == TD_OK && fonts != NULL);
    CHECK(td_fonts_describe(fonts, &out, &len) == TD_OK && out[0] == '[' && len > 2);
    td_free(out);
    CHECK(td_fonts_load("{\"fonts\":[{\"path\":\"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc\"}],"
                        "\"language\":\"zh-Hans\"}",
                        TD_NUL_TERMINATED, &explicit_fonts) == TD_OK);
    td_fonts_free(explicit_fonts);

    CHECK(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, options, TD_NUL_TERMINATED, &cloud) == TD_OK);
    td_fonts_free(fonts); /* the cloud keeps the fonts it needs */
    fonts = NULL;
    CHECK(td_cloud_layout_json(cloud, &out, &len) == TD_OK && contains(out, "Claude Code"));
    td_free(out);

    CHECK(td_cloud_encode(cloud, TD_IMAGE_PNG, &out, &len) == TD_OK);
    CHECK(len > 8 && memcmp(out, "\x89PNG\r\n\x1a\n", 8) == 0);
    CHECK(td_cloud_encode(cloud, TD_IMAGE_PNG, &again, &again_len) == TD_OK);
    CHECK(again_len == len && memcmp(out, again, len) == 0); /* deterministic */
    td_free(again);
    td_free(out);
    CHECK(td_cloud_encode(cloud, TD_IMAGE_SVG, &out, &len) == TD_OK && contains(out, "<svg"));
    td_free(out);
    if (td_jpeg_supported()) {
        CHECK(td_cloud_encode(cloud, TD_IMAGE_JPEG, &out, &len) == TD_OK);
        CHECK(len > 3 && (unsigned char)out[0] == 0xFF && (unsigned char)out[1] == 0xD8);
        td_free(out);
    } else {
        CHECK_ERROR(td_cloud_encode(cloud, TD_IMAGE_JPEG, &out, &len), TD_ERR_UNSUPPORTED, "JPEG");
    }
    CHECK_ERROR(td_cloud_encode(cloud, (td_image_format)42, &out, &len), TD_ERR_INVALID_ARGUMENT,
                "unknown image format 42");
    CHECK_ERROR(td_cloud_encode(NULL, TD_IMAGE_PNG, &out, &len), TD_ERR_INVALID_ARGUMENT, "cloud is NULL");
    CHECK_ERROR(td_cloud_encode(cloud, TD_IMAGE_PNG, NULL, &len), TD_ERR_INVALID_ARGUMENT, "out is NULL");

    CHECK(td_cloud_write_file(cloud, png_path) == TD_OK);
    written = fopen(png_path, "rb");
    CHECK(written != NULL);
    if (written) fclose(written);
    CHECK_ERROR(td_cloud_write_file(cloud, "/nonexistent/dir/cloud.png"), TD_ERR_IO, "/nonexistent/dir");
    CHECK_ERROR(td_cloud_write_file(cloud, NULL), TD_ERR_INVALID_ARGUMENT, "path is NULL");
    CHECK_ERROR(td_cloud_write_file(NULL, png_path), TD_ERR_INVALID_ARGUMENT, "cloud is NULL");
    td_cloud_free(cloud);
    td_cloud_free(NULL);

    CHECK(td_fonts_load(NULL, 0, &fonts) == TD_OK);
    CHECK(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, options, TD_NUL_TERMINATED, &same) == TD_OK);
    td_cloud_free(same);
    CHECK_ERROR(td_cloud_layout(NULL, words, TD_NUL_TERMINATED, NULL, 0, &cloud), TD_ERR_INVALID_ARGUMENT,
                "fonts is NULL");
    CHECK(cloud == NULL);
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT,
                "out is NULL");
    CHECK_ERROR(td_cloud_layout(fonts, NULL, 0, NULL, 0, &cloud), TD_ERR_INVALID_ARGUMENT, "invalid JSON");
    CHECK_ERROR(td_cloud_layout(fonts, "{}", 2, NULL, 0, &cloud), TD_ERR_INVALID_ARGUMENT, "expected a JSON array");
    CHECK_ERROR(td_cloud_layout(fonts, "[{\"weight\":1}]", TD_NUL_TERMINATED, NULL, 0, &cloud),
                TD_ERR_INVALID_ARGUMENT, "words_json[0]: \"text\" is missing");
    CHECK_ERROR(td_cloud_layout(fonts, "[{\"text\":\"a\",\"weight\":1e999}]", TD_NUL_TERMINATED, NULL, 0, &cloud),
                TD_ERR_INVALID_ARGUMENT, "words_json[0]: \"weight\" must be a finite number");
    CHECK_ERROR(td_cloud_layout(fonts, "[{\"text\":\"a\",\"size\":1}]", TD_NUL_TERMINATED, NULL, 0, &cloud),
                TD_ERR_INVALID_ARGUMENT, "unknown key \"size\"");
    CHECK_ERROR(td_cloud_layout(fonts, "[\"\xe4\"]", TD_NUL_TERMINATED, NULL, 0, &cloud), TD_ERR_PARSE,
                "words_json: invalid UTF-8 at byte 2");
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"width\":0}", TD_NUL_TERMINATED, &cloud),
                TD_ERR_INVALID_ARGUMENT, "\"width\" must be between 1 and 16384");
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"background\":\"red\"}",
                                TD_NUL_TERMINATED, &cloud),
                TD_ERR_INVALID_ARGUMENT, "\"background\" must be a colour");
    CHECK(td_cloud_layout(fonts, words, TD_NUL_TERMINATED,
                          "{\"color_mode\":\"by_kind\",\"palette\":[\"#102030\"],\"width\":300,\"height\":200}",
                          TD_NUL_TERMINATED, &cloud) == TD_OK);
    CHECK(td_cloud_layout_json(cloud, &out, &len) == TD_OK && contains(out, "#102030"));
    td_free(out);
    td_cloud_free(cloud);
    cloud = NULL;
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"color_mode\":\"rainbow\"}",
                                TD_NUL_TERMINATED, &cloud),
                TD_ERR_INVALID_ARGUMENT, "\"color_mode\" must be");
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"orientation\":\"diagonal\"}",
                                TD_NUL_TERMINATED, &cloud),
                TD_ERR_INVALID_ARGUMENT, "\"orientation\"");
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"prefer_horizontal\":2}",
                                TD_NUL_TERMINATED, &cloud),
                TD_ERR_INVALID_ARGUMENT, "between 0 and 1");
    CHECK_ERROR(td_cloud_layout(fonts, words, TD_NUL_TERMINATED, "{\"mask_png\":\"/nonexistent/mask.png\"}",
                                TD_NUL_TERMINATED, &cloud),
                TD_ERR_IO, "/nonexistent/mask.png");
    CHECK_ERROR(td_cloud_layout_json(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "cloud is NULL");
    td_fonts_free(fonts);

    CHECK_ERROR(td_fonts_load("{\"fonts\":[{\"path\":\"/nonexistent/font.ttf\"}]}", TD_NUL_TERMINATED, &fonts),
                TD_ERR_IO, "/nonexistent/font.ttf");
    CHECK(fonts == NULL);
    CHECK_ERROR(td_fonts_load("{\"fonts\":[]}", TD_NUL_TERMINATED, &fonts), TD_ERR_INVALID_ARGUMENT, "empty");
    CHECK_ERROR(td_fonts_load("{\"fonts\":[{\"face\":1}]}", TD_NUL_TERMINATED, &fonts),
                TD_ERR_INVALID_ARGUMENT, "fonts[0]: unknown key \"face\"");
    CHECK_ERROR(td_fonts_load("{\"fonts\":\"x.ttf\"}", TD_NUL_TERMINATED, &fonts), TD_ERR_INVALID_ARGUMENT,
                "\"fonts\" must be an array");
    CHECK_ERROR(td_fonts_load(NULL, 0, NULL), TD_ERR_INVALID_ARGUMENT, "out is NULL");
    CHECK_ERROR(td_fonts_describe(NULL, &out, &len), TD_ERR_INVALID_ARGUMENT, "fonts is NULL");
    td_fonts_free(NULL);
}

/* A failing call on one thread leaves other threads' messages alone (checked in threads_test);
 * here: a success leaves the previous message, td_clear_error resets it. */
/* No server listens on 127.0.0.1:9 here, so requests fail at once; nothing leaves the machine. */
static void test_network(void) {
    td_corpus *corpus = read_day();
    td_digest *digest = NULL;
    char *out = NULL, *before = NULL, *after = NULL;
    size_t len = 0, before_len = 0, after_len = 0;
    const char *prose = "{\"base_url\": \"http://127.0.0.1:9/v1\", \"model\": \"m\", \"max_attempts\": 1}";
    const char *fetch = "{\"query\": \"AI\", \"bearer_token\": \"secret-token\", \"max_attempts\": 1, "
                        "\"base_url\": \"http://127.0.0.1:9\", \"output_path\": \"" TD_TEST_OUTPUT_DIR "/x.jsonl\"}";

    if (!td_network_supported()) {
        CHECK_ERROR(td_x_fetch(fetch, TD_NUL_TERMINATED, &out, &len), TD_ERR_UNSUPPORTED, "network");
        td_corpus_free(corpus);
        return;
    }
    CHECK(td_https_supported() == 0 || td_https_supported() == 1);
    CHECK(td_digest_build(corpus, NULL, NULL, 0, &digest) == TD_OK);
    CHECK(td_digest_to_json(digest, &before, &before_len) == TD_OK);
    CHECK(td_digest_improve_prose(digest, prose, TD_NUL_TERMINATED, &out, &len) == TD_OK);
    CHECK(contains(out, "\"accepted\":0") && contains(out, "127.0.0.1:9"));
    td_free(out);
    CHECK(td_digest_to_json(digest, &after, &after_len) == TD_OK);
    CHECK(after_len == before_len && memcmp(before, after, before_len) == 0);
    td_free(before);
    td_free(after);

    CHECK_ERROR(td_digest_improve_prose(NULL, prose, TD_NUL_TERMINATED, &out, &len), TD_ERR_INVALID_ARGUMENT,
                "digest is NULL");
    CHECK_ERROR(td_digest_improve_prose(digest, "{\"model\": \"m\"}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "base URL");
    CHECK_ERROR(td_digest_improve_prose(digest, "{\"base_url\": 3}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "\"base_url\" must be a string");
    CHECK_ERROR(td_digest_improve_prose(digest, prose, TD_NUL_TERMINATED, NULL, &len), TD_ERR_INVALID_ARGUMENT,
                "out is NULL");
    CHECK(out == NULL && len == 0);

    CHECK_ERROR(td_x_fetch(fetch, TD_NUL_TERMINATED, &out, &len), TD_ERR_IO, "127.0.0.1:9");
    CHECK(!contains(td_last_error(), "secret-token"));
    CHECK_ERROR(td_x_fetch("{\"output_path\": \"x\"}", TD_NUL_TERMINATED, &out, &len), TD_ERR_INVALID_ARGUMENT,
                "either \"query\" or \"user_id\"");
    CHECK_ERROR(td_x_fetch("{\"query\": \"a\"}", TD_NUL_TERMINATED, &out, &len), TD_ERR_INVALID_ARGUMENT,
                "output_path");
    CHECK_ERROR(td_x_fetch("{\"query\": \"a\", \"output_path\": \"x\", \"page_size\": 1000}", TD_NUL_TERMINATED, &out, &len),
                TD_ERR_INVALID_ARGUMENT, "page_size");
    CHECK_ERROR(td_x_fetch("[", 1, &out, &len), TD_ERR_INVALID_ARGUMENT, "invalid JSON");
    td_digest_free(digest);
    td_corpus_free(corpus);
}

static void test_last_error_lifetime(void) {
    size_t size = 0;
    td_corpus *corpus = read_day();
    CHECK(td_corpus_size(NULL, &size) == TD_ERR_INVALID_ARGUMENT);
    CHECK(td_corpus_size(corpus, &size) == TD_OK);
    CHECK(contains(td_last_error(), "corpus is NULL"));
    td_clear_error();
    CHECK(strcmp(td_last_error(), "") == 0);
    td_corpus_free(corpus);
}

int main(void) {
    test_status_errors_and_version();
    test_text();
    test_segmenter();
    test_corpus();
    test_duplicate_signatures();
    test_term_stats();
    test_digest();
    test_history();
    test_cloud();
    test_network();
    test_last_error_lifetime();
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    puts("all C ABI checks passed");
    return 0;
}
