"""Duplicate signatures: what duplicate grouping looks at in each tweet, so that the grouping of
a large input can be worked out from the parts it is read in."""
import json

from . import _capi
from ._handle import json_result, options_json


class DuplicateSignatures:
    """The signatures of a corpus' tweets (see td_corpus_duplicate_signatures_json), held as
    their JSON bytes: bytes(signatures) serialises them, DuplicateSignatures(data) loads them
    back (the library checks them when they are merged or clustered)."""

    def __init__(self, data=b"[]"):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"signatures must be bytes or str, not {type(data).__name__}")
        self._data = bytes(data)

    @classmethod
    def of(cls, corpus):
        """The signatures of a corpus' tweets, in corpus order. Read the corpus with
        dedupe=False: then they are the tweets its grouping would see."""
        return cls(_capi.take_buffer(_capi.td_corpus_duplicate_signatures_json, corpus))

    def __bytes__(self):
        return self._data

    def __iter__(self):
        """The signatures as dicts: {"id", "id_approximate", "created_at", "engagement",
        "retweets_seen", "simhash" (16 hex digits or None), "superseded_ids"}."""
        return iter(json.loads(self._data.decode("utf-8")))

    def __len__(self):
        return len(json.loads(self._data.decode("utf-8")))

    def merge(self, later):
        """The signatures of this part followed by those of a later part: a tweet in both
        becomes one (the copy with more engagement, with the retweets of both); a tweet an
        edit history supersedes is dropped."""
        first, second = self._data, bytes(later)
        return DuplicateSignatures(_capi.take_buffer(_capi.td_duplicate_signatures_merge_json,
                                                     first, len(first), second, len(second)))

    def clusters(self, near_duplicate_distance=None, threads=None):
        """The duplicate clusters: [{"ids": [representative, others...], "retweets_seen"}],
        ordered by the representatives' time; found on `threads` threads (default: one per
        core), which does not change them."""
        options = options_json(near_duplicate_distance=near_duplicate_distance, threads=threads)
        return json_result(_capi.td_duplicate_clusters_json, self._data, len(self._data),
                           options, len(options))
