"""Reading a window of tweets."""
import datetime
import os
from dataclasses import dataclass

from . import _capi
from ._handle import Handle, json_result, options_json


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" or "warning"
    source: str
    line: int
    byte_offset: int
    message: str

    def __str__(self):
        return f"{self.source}:{self.line}: byte {self.byte_offset}: {self.severity}: {self.message}"


class Corpus(Handle):
    """The normalised, deduplicated tweets of a window plus every diagnostic. Read-only, so
    several threads may read one corpus (e.g. build digests) at the same time."""

    _free = _capi.td_corpus_free

    def __len__(self):
        size = _capi.c_size_t()
        _capi.td_corpus_size(self, _capi.ctypes.byref(size))
        return size.value

    def __getitem__(self, index):
        """Tweet `index` as a dict (the `ingest --jsonl` form); negative indices count back."""
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError(f"tweet index out of range (the corpus has {size} tweets)")
        return json_result(_capi.td_corpus_tweet_json, self, index)

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]

    @property
    def diagnostics(self):
        return [Diagnostic(**d) for d in json_result(_capi.td_corpus_diagnostics_json, self)]

    @property
    def summary(self):
        """{"time_zone", "from", "to", "tweets", "diagnostics", "counts": {...}}."""
        return json_result(_capi.td_corpus_summary_json, self)

    def duplicate_signatures(self):
        """What duplicate grouping looks at in each tweet (tweetdigest.DuplicateSignatures)."""
        from .duplicates import DuplicateSignatures
        return DuplicateSignatures.of(self)

    def term_stats(self, **term_options):
        from .terms import TermStats
        return TermStats.build(self, **term_options)

    def terms(self, **term_options):
        from .terms import terms
        return terms(self, **term_options)

    def digest(self, **digest_options):
        from .digest import digest
        return digest(self, **digest_options)


def _read_options(tz, date, to, format, dedupe, collapse_retweets, near_duplicate_distance):
    def day(value):
        return value.isoformat() if isinstance(value, datetime.date) else value
    return options_json(time_zone=tz, **{"from": day(date)}, to=day(to), format=format,
                        dedupe=dedupe, collapse_retweets=collapse_retweets,
                        near_duplicate_distance=near_duplicate_distance)


def read_corpus(paths, *, tz="Asia/Shanghai", date=None, to=None, format="auto", dedupe=True,
                collapse_retweets=True, near_duplicate_distance=None):
    """Reads one path or a list of paths (JSONL, v1.1, archive, CSV; gzip detected) into a
    Corpus of the local days date..to (to defaults to date; no date keeps every tweet).
    Unreadable files and bad records become corpus.diagnostics."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    encoded = [os.fsencode(path) for path in paths]
    array = (_capi.c_char_p * len(encoded))(*encoded)
    options = _read_options(tz, date, to, format, dedupe, collapse_retweets, near_duplicate_distance)
    return Corpus(_capi.new_handle(_capi.td_corpus_read_files, array, len(encoded), options,
                                   len(options)))


def corpus_from_bytes(data, *, source_name="memory", tz="Asia/Shanghai", date=None, to=None,
                      format="auto", dedupe=True, collapse_retweets=True,
                      near_duplicate_distance=None):
    """Like read_corpus, from bytes (or str) in memory."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    options = _read_options(tz, date, to, format, dedupe, collapse_retweets, near_duplicate_distance)
    return Corpus(_capi.new_handle(_capi.td_corpus_read_memory, data, len(data),
                                   source_name.encode("utf-8"), options, len(options)))

