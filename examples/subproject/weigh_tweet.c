/* The weighted length of its argument through the vendored C ABI. */
#include <tweetdigest/tweetdigest.h>

#include <stdio.h>

int main(int argc, char **argv) {
    char *json = NULL;
    size_t len = 0;
    if (argc != 2) {
        fputs("usage: weigh_tweet TEXT\n", stderr);
        return 2;
    }
    if (td_weighted_length(argv[1], TD_NUL_TERMINATED, NULL, 0, &json, &len) != TD_OK) {
        fprintf(stderr, "weigh_tweet: %s\n", td_last_error());
        return 1;
    }
    printf("%s\n", json);
    td_free(json);
    return 0;
}
