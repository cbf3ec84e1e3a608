"""Raw ctypes declarations: every C function of tweetdigest.h, once, with its C prototype.

Functions returning td_status raise a tweetdigest.Error subclass carrying td_last_error().
Library-owned outputs are (c_void_p, c_size_t) pairs; see take_buffer.
"""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_size_t, c_uint64, c_void_p

from ._errors import error_for_status
from ._lib import load_library

lib = load_library()

# Its own type, so that only functions declared with it raise on a non-zero result; a function
# declared with c_int (td_abi_version, td_jpeg_supported, ...) is never checked.
td_status = type("td_status", (c_int,), {})
TD_NUL_TERMINATED = ctypes.c_size_t(-1).value
TD_IMAGE_PNG, TD_IMAGE_SVG, TD_IMAGE_JPEG = 0, 1, 2

# Handles are opaque pointers.
td_corpus_p = c_void_p
td_term_stats_p = c_void_p
td_digest_p = c_void_p
td_fonts_p = c_void_p
td_cloud_p = c_void_p
td_segmenter_p = c_void_p

BOUND = {}


def _check_status(status, function, _arguments):
    status = getattr(status, "value", status)  # a c_int subclass arrives unconverted
    if status != 0:
        raise error_for_status(status, td_last_error().decode("utf-8", "replace"))
    return status


def _bind(name, argtypes, restype):
    function = getattr(lib, name)  # AttributeError at import when the library lacks it
    function.argtypes = argtypes
    function.restype = restype
    if restype is td_status:
        function.errcheck = _check_status
    BOUND[name] = function

    def call(*arguments):
        # A closed handle would otherwise surface as ctypes.ArgumentError.
        for argument in arguments:
            if getattr(argument, "closed", False) is True:
                raise ValueError(f"{type(argument).__name__} is closed")
        return function(*arguments)

    call.__name__ = call.__qualname__ = name
    return call


_out = [POINTER(c_void_p), POINTER(c_size_t)]

# const char *td_status_string(td_status status);
td_status_string = _bind("td_status_string", [td_status], c_char_p)
# const char *td_last_error(void);
td_last_error = _bind("td_last_error", [], c_char_p)
# void td_clear_error(void);
td_clear_error = _bind("td_clear_error", [], None)
# void td_free(void *buffer);
td_free = _bind("td_free", [c_void_p], None)
# void td_version(int *major, int *minor, int *patch);
td_version = _bind("td_version", [POINTER(c_int)] * 3, None)
# const char *td_version_string(void);
td_version_string = _bind("td_version_string", [], c_char_p)
# int td_abi_version(void);
td_abi_version = _bind("td_abi_version", [], c_int)

# td_status td_extract_entities(const char *text, size_t text_len, char **out_json, size_t *out_len);
td_extract_entities = _bind("td_extract_entities", [c_char_p, c_size_t] + _out, td_status)
# td_status td_weighted_length(const char *text, size_t text_len, const char *options_json,
#                              size_t options_len, char **out_json, size_t *out_len);
td_weighted_length = _bind("td_weighted_length",
                           [c_char_p, c_size_t, c_char_p, c_size_t] + _out, td_status)

# td_status td_segmenter_create(const char *options_json, size_t options_len, td_segmenter **out);
td_segmenter_create = _bind("td_segmenter_create", [c_char_p, c_size_t, POINTER(c_void_p)],
                            td_status)
# void td_segmenter_free(td_segmenter *segmenter);
td_segmenter_free = _bind("td_segmenter_free", [td_segmenter_p], None)
# td_status td_segmenter_segment(const td_segmenter *segmenter, const char *text, size_t text_len,
#                                char **out_json, size_t *out_len);
td_segmenter_segment = _bind("td_segmenter_segment", [td_segmenter_p, c_char_p, c_size_t] + _out,
                             td_status)
# td_status td_segmenter_tokenize(const td_segmenter *segmenter, const char *text, size_t text_len,
#                                 char **out_json, size_t *out_len);
td_segmenter_tokenize = _bind("td_segmenter_tokenize",
                              [td_segmenter_p, c_char_p, c_size_t] + _out, td_status)

# td_status td_corpus_read_files(const char *const *paths, size_t n_paths, const char *options_json,
#                                size_t options_len, td_corpus **out);
td_corpus_read_files = _bind("td_corpus_read_files",
                             [POINTER(c_char_p), c_size_t, c_char_p, c_size_t, POINTER(c_void_p)],
                             td_status)
# td_status td_corpus_read_memory(const char *data, size_t data_len, const char *source_name,
#                                 const char *options_json, size_t options_len, td_corpus **out);
td_corpus_read_memory = _bind("td_corpus_read_memory",
                              [c_char_p, c_size_t, c_char_p, c_char_p, c_size_t, POINTER(c_void_p)],
                              td_status)
# void td_corpus_free(td_corpus *corpus);
td_corpus_free = _bind("td_corpus_free", [td_corpus_p], None)
# td_status td_corpus_size(const td_corpus *corpus, size_t *out_size);
td_corpus_size = _bind("td_corpus_size", [td_corpus_p, POINTER(c_size_t)], td_status)
# td_status td_corpus_tweet_json(const td_corpus *corpus, size_t index, char **out_json,
#                                size_t *out_len);
td_corpus_tweet_json = _bind("td_corpus_tweet_json", [td_corpus_p, c_size_t] + _out, td_status)
# td_status td_corpus_diagnostics_json(const td_corpus *corpus, char **out_json, size_t *out_len);
td_corpus_diagnostics_json = _bind("td_corpus_diagnostics_json", [td_corpus_p] + _out, td_status)
# td_status td_corpus_summary_json(const td_corpus *corpus, char **out_json, size_t *out_len);
td_corpus_summary_json = _bind("td_corpus_summary_json", [td_corpus_p] + _out, td_status)

# td_status td_corpus_duplicate_signatures_json(const td_corpus *corpus, char **out_json,
#                                               size_t *out_len);
td_corpus_duplicate_signatures_json = _bind("td_corpus_duplicate_signatures_json",
                                            [td_corpus_p] + _out, td_status)
# td_status td_duplicate_signatures_merge_json(const char *first_json, size_t first_len,
#                                              const char *second_json, size_t second_len,
#                                              char **out_json, size_t *out_len);
td_duplicate_signatures_merge_json = _bind("td_duplicate_signatures_merge_json",
                                           [c_char_p, c_size_t, c_char_p, c_size_t] + _out,
                                           td_status)
# td_status td_duplicate_clusters_json(const char *signatures_json, size_t signatures_len,
#                                      const char *options_json, size_t options_len,
#                                      char **out_json, size_t *out_len);
td_duplicate_clusters_json = _bind("td_duplicate_clusters_json",
                                   [c_char_p, c_size_t, c_char_p, c_size_t] + _out, td_status)

# td_status td_term_stats_build(const td_corpus *corpus, const char *options_json,
#                               size_t options_len, td_term_stats **out);
td_term_stats_build = _bind("td_term_stats_build",
                            [td_corpus_p, c_char_p, c_size_t, POINTER(c_void_p)], td_status)
# td_status td_term_stats_load(const void *bytes, size_t len, td_term_stats **out);
td_term_stats_load = _bind("td_term_stats_load", [c_char_p, c_size_t, POINTER(c_void_p)],
                           td_status)
# void td_term_stats_free(td_term_stats *stats);
td_term_stats_free = _bind("td_term_stats_free", [td_term_stats_p], None)
# td_status td_term_stats_serialize(const td_term_stats *stats, char **out_bytes, size_t *out_len);
td_term_stats_serialize = _bind("td_term_stats_serialize", [td_term_stats_p] + _out, td_status)
# td_status td_term_stats_merge(td_term_stats *into, const td_term_stats *other);
td_term_stats_merge = _bind("td_term_stats_merge", [td_term_stats_p, td_term_stats_p], td_status)
# td_status td_term_stats_counts(const td_term_stats *stats, uint64_t *out_documents,
#                                uint64_t *out_terms);
td_term_stats_counts = _bind("td_term_stats_counts",
                             [td_term_stats_p, POINTER(c_uint64), POINTER(c_uint64)], td_status)
# td_status td_term_stats_score(const td_term_stats *stats, const td_term_stats *background,
#                               const char *options_json, size_t options_len, char **out_json,
#                               size_t *out_len);
td_term_stats_score = _bind("td_term_stats_score",
                            [td_term_stats_p, td_term_stats_p, c_char_p, c_size_t] + _out,
                            td_status)

# td_status td_digest_build(const td_corpus *corpus, const td_term_stats *background,
#                           const char *options_json, size_t options_len, td_digest **out);
td_digest_build = _bind("td_digest_build",
                        [td_corpus_p, td_term_stats_p, c_char_p, c_size_t, POINTER(c_void_p)],
                        td_status)
# td_status td_digest_from_json(const char *json, size_t json_len, td_digest **out);
td_digest_from_json = _bind("td_digest_from_json", [c_char_p, c_size_t, POINTER(c_void_p)],
                            td_status)
# void td_digest_free(td_digest *digest);
td_digest_free = _bind("td_digest_free", [td_digest_p], None)
# td_status td_digest_to_markdown(const td_digest *digest, char **out_markdown, size_t *out_len);
td_digest_to_markdown = _bind("td_digest_to_markdown", [td_digest_p] + _out, td_status)
# td_status td_digest_to_json(const td_digest *digest, char **out_json, size_t *out_len);
td_digest_to_json = _bind("td_digest_to_json", [td_digest_p] + _out, td_status)
# td_status td_digest_post_path(const td_digest *digest, char **out_path, size_t *out_len);
td_digest_post_path = _bind("td_digest_post_path", [td_digest_p] + _out, td_status)
# td_status td_digest_wordcloud_path(const td_digest *digest, char **out_path,
#                                    size_t *out_len);
td_digest_wordcloud_path = _bind("td_digest_wordcloud_path", [td_digest_p] + _out, td_status)
# td_status td_digest_cloud_words(const td_digest *digest, char **out_json, size_t *out_len);
td_digest_cloud_words = _bind("td_digest_cloud_words", [td_digest_p] + _out, td_status)

# td_status td_digest_build_range(const td_corpus *corpus, const char *options_json,
#                                 size_t options_len, td_digest **out);
td_digest_build_range = _bind("td_digest_build_range",
                              [td_corpus_p, c_char_p, c_size_t, POINTER(c_void_p)], td_status)
# td_status td_digest_history_diagnostics_json(const td_digest *digest, char **out_json,
#                                              size_t *out_len);
td_digest_history_diagnostics_json = _bind("td_digest_history_diagnostics_json",
                                           [td_digest_p] + _out, td_status)
# td_status td_history_save(const char *dir, const td_digest *digest, const td_term_stats *stats);
td_history_save = _bind("td_history_save", [c_char_p, td_digest_p, td_term_stats_p], td_status)
# td_status td_history_load(const char *dir, const char *options_json, size_t options_len,
#                           char **out_json, size_t *out_len);
td_history_load = _bind("td_history_load", [c_char_p, c_char_p, c_size_t] + _out, td_status)

# td_status td_fonts_load(const char *options_json, size_t options_len, td_fonts **out);
td_fonts_load = _bind("td_fonts_load", [c_char_p, c_size_t, POINTER(c_void_p)], td_status)
# void td_fonts_free(td_fonts *fonts);
td_fonts_free = _bind("td_fonts_free", [td_fonts_p], None)
# td_status td_fonts_describe(const td_fonts *fonts, char **out_json, size_t *out_len);
td_fonts_describe = _bind("td_fonts_describe", [td_fonts_p] + _out, td_status)
# td_status td_cloud_layout(const td_fonts *fonts, const char *words_json, size_t words_len,
#                           const char *options_json, size_t options_len, td_cloud **out);
td_cloud_layout = _bind("td_cloud_layout",
                        [td_fonts_p, c_char_p, c_size_t, c_char_p, c_size_t, POINTER(c_void_p)],
                        td_status)
# void td_cloud_free(td_cloud *cloud);
td_cloud_free = _bind("td_cloud_free", [td_cloud_p], None)
# td_status td_cloud_layout_json(const td_cloud *cloud, char **out_json, size_t *out_len);
td_cloud_layout_json = _bind("td_cloud_layout_json", [td_cloud_p] + _out, td_status)
# td_status td_cloud_encode(const td_cloud *cloud, td_image_format format, char **out_bytes,
#                           size_t *out_len);
td_cloud_encode = _bind("td_cloud_encode", [td_cloud_p, c_int] + _out, td_status)
# td_status td_cloud_write_file(const td_cloud *cloud, const char *path);
td_cloud_write_file = _bind("td_cloud_write_file", [td_cloud_p, c_char_p], td_status)
# int td_jpeg_supported(void);
td_jpeg_supported = _bind("td_jpeg_supported", [], c_int)
# int td_network_supported(void);
td_network_supported = _bind("td_network_supported", [], c_int)
# int td_https_supported(void);
td_https_supported = _bind("td_https_supported", [], c_int)
# td_status td_digest_improve_prose(td_digest *digest, const char *options_json,
#                                   size_t options_len, char **out_report_json, size_t *out_len);
td_digest_improve_prose = _bind("td_digest_improve_prose",
                                [td_digest_p, c_char_p, c_size_t] + _out, td_status)
# td_status td_x_fetch(const char *options_json, size_t options_len, char **out_result_json,
#                      size_t *out_len);
td_x_fetch = _bind("td_x_fetch", [c_char_p, c_size_t] + _out, td_status)


def take_buffer(function, *arguments):
    """Calls a function whose last two parameters are (char **out, size_t *out_len) and returns
    a copy of the output bytes, releasing the library's buffer."""
    pointer, length = c_void_p(), c_size_t()
    function(*arguments, ctypes.byref(pointer), ctypes.byref(length))
    try:
        return ctypes.string_at(pointer, length.value)
    finally:
        td_free(pointer)


def new_handle(function, *arguments):
    """Calls a function whose last parameter is a handle out-parameter; returns the handle."""
    handle = c_void_p()
    function(*arguments, ctypes.byref(handle))
    return handle
