/* Parallel digests and clouds on separate handles sharing one corpus, one font set and one
 * segmenter; each thread keeps its own last error. Meaningful under ThreadSanitizer, which
 * intercepts pthread_create but not C11 thrd_create, so the threads are POSIX threads. */
#define _POSIX_C_SOURCE 200809L
#include <tweetdigest/tweetdigest.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sched.h>

enum { thread_count = 4, rounds = 2 };

typedef struct shared_resources {
    const td_corpus *corpus;
    const td_fonts *fonts;
    const td_segmenter *segmenter;
} shared_resources;

typedef struct thread_result {
    const shared_resources *shared;
    int index;
    int ok;
    char *markdown;
    size_t markdown_len;
    char *png;
    size_t png_len;
} thread_result;

static int fail(thread_result *result, const char *what) {
    fprintf(stderr, "thread %d: %s: %s\n", result->index, what, td_last_error());
    result->ok = 0;
    return 1;
}

static int run_rounds(thread_result *result) {
    const shared_resources *shared = result->shared;
    char path[64];
    char *words = NULL, *segmented = NULL;
    size_t words_len = 0, segmented_len = 0;
    int round;

    result->ok = 1;
    for (round = 0; round < rounds; ++round) {
        td_digest *digest = NULL;
        td_cloud *cloud = NULL;
        td_free(result->markdown);
        td_free(result->png);
        result->markdown = result->png = NULL;

        if (td_digest_build(shared->corpus, NULL, "{\"terms\":{\"min_frequency\":1}}", TD_NUL_TERMINATED,
                            &digest) != TD_OK)
            return fail(result, "td_digest_build");
        if (td_digest_to_markdown(digest, &result->markdown, &result->markdown_len) != TD_OK ||
            td_digest_cloud_words(digest, &words, &words_len) != TD_OK) {
            td_digest_free(digest);
            return fail(result, "rendering the digest");
        }
        td_digest_free(digest);

        if (td_cloud_layout(shared->fonts, words, words_len, "{\"width\":300,\"height\":200}",
                            TD_NUL_TERMINATED, &cloud) != TD_OK) {
            td_free(words);
            return fail(result, "td_cloud_layout");
        }
        td_free(words);
        if (td_cloud_encode(cloud, TD_IMAGE_PNG, &result->png, &result->png_len) != TD_OK) {
            td_cloud_free(cloud);
            return fail(result, "td_cloud_encode");
        }
        td_cloud_free(cloud);

        if (td_segmenter_segment(shared->segmenter, "世界模型和AI代理", TD_NUL_TERMINATED, &segmented,
                                 &segmented_len) != TD_OK)
            return fail(result, "td_segmenter_segment");
        td_free(segmented);
    }

    /* This thread's error message is its own. */
    snprintf(path, sizeof path, "/nonexistent/thread-%d.png", result->index);
    if (td_cloud_write_file(NULL, path) != TD_ERR_INVALID_ARGUMENT) return fail(result, "NULL cloud");
    sched_yield();
    if (strcmp(td_last_error(), "cloud is NULL") != 0) return fail(result, "last error changed");
    return 0;
}

static void *run(void *argument) {
    run_rounds(argument);
    return NULL;
}

int main(void) {
    const char *paths[] = {TD_TEST_DATA_DIR "/day.jsonl"};
    td_corpus *corpus = NULL;
    td_fonts *fonts = NULL;
    td_segmenter *segmenter = NULL;
    shared_resources shared;
    thread_result results[thread_count];
    pthread_t threads[thread_count];
    int i, failed = 0;

    if (td_corpus_read_files(paths, 1, "{\"from\":\"2026-01-25\"}", TD_NUL_TERMINATED, &corpus) != TD_OK ||
        td_fonts_load(NULL, 0, &fonts) != TD_OK || td_segmenter_create(NULL, 0, &segmenter) != TD_OK) {
        fprintf(stderr, "setup: %s\n", td_last_error());
        return 1;
    }
    shared.corpus = corpus;
    shared.fonts = fonts;
    shared.segmenter = segmenter;

    memset(results, 0, sizeof results);
    for (i = 0; i < thread_count; ++i) {
        results[i].shared = &shared;
        results[i].index = i;
        if (pthread_create(&threads[i], NULL, run, &results[i]) != 0) {
            fprintf(stderr, "cannot start thread %d\n", i);
            return 1;
        }
    }
    for (i = 0; i < thread_count; ++i) pthread_join(threads[i], NULL);

    /* Same inputs, same outputs: every thread produced the same report and image. */
    for (i = 0; i < thread_count; ++i) {
        if (!results[i].ok || !results[0].ok) {
            failed = 1;
            continue;
        }
        if (results[i].markdown_len != results[0].markdown_len ||
            memcmp(results[i].markdown, results[0].markdown, results[0].markdown_len) != 0 ||
            results[i].png_len != results[0].png_len ||
            memcmp(results[i].png, results[0].png, results[0].png_len) != 0) {
            fprintf(stderr, "thread %d produced a different digest or cloud\n", i);
            failed = 1;
        }
    }
    for (i = 0; i < thread_count; ++i) {
        td_free(results[i].markdown);
        td_free(results[i].png);
    }
    td_segmenter_free(segmenter);
    td_fonts_free(fonts);
    td_corpus_free(corpus);
    if (!failed) puts("parallel digests and clouds agree");
    return failed;
}
