/* Embedding tweetdigest in a C program: a day's report as Markdown plus its word cloud.
 *
 *   c_digest TWEETS.jsonl YYYY-MM-DD CLOUD.png > post.md
 */
#include <tweetdigest/tweetdigest.h>

#include <stdio.h>

static int fail(const char *what) {
    fprintf(stderr, "c_digest: %s: %s\n", what, td_last_error());
    return 1;
}

int main(int argc, char **argv) {
    char options[128];
    const char *paths[1];
    td_corpus *corpus = NULL;
    td_digest *digest = NULL;
    td_fonts *fonts = NULL;
    td_cloud *cloud = NULL;
    char *markdown = NULL, *words = NULL;
    size_t markdown_len = 0, words_len = 0;
    int status = 1;

    if (argc != 4) {
        fputs("usage: c_digest TWEETS.jsonl YYYY-MM-DD CLOUD.png\n", stderr);
        return 2;
    }
    paths[0] = argv[1];
    snprintf(options, sizeof options, "{\"time_zone\":\"Asia/Shanghai\",\"from\":\"%s\"}", argv[2]);

    if (td_corpus_read_files(paths, 1, options, TD_NUL_TERMINATED, &corpus) != TD_OK)
        status = fail("reading tweets");
    else if (td_digest_build(corpus, NULL, "{\"language\":\"en\"}", TD_NUL_TERMINATED, &digest) != TD_OK)
        status = fail("building the digest");
    else if (td_digest_to_markdown(digest, &markdown, &markdown_len) != TD_OK ||
             td_digest_cloud_words(digest, &words, &words_len) != TD_OK)
        status = fail("rendering");
    else if (td_fonts_load(NULL, 0, &fonts) != TD_OK ||
             td_cloud_layout(fonts, words, words_len, NULL, 0, &cloud) != TD_OK ||
             td_cloud_write_file(cloud, argv[3]) != TD_OK)
        status = fail("drawing the word cloud");
    else {
        fwrite(markdown, 1, markdown_len, stdout);
        status = 0;
    }

    td_cloud_free(cloud);
    td_fonts_free(fonts);
    td_free(words);
    td_free(markdown);
    td_digest_free(digest);
    td_corpus_free(corpus);
    return status;
}
