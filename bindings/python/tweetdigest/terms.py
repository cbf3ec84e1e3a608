"""Term statistics that merge across shards, and term ranking."""
import ctypes
from dataclasses import dataclass, field

from . import _capi
from ._handle import Handle, json_result, options_json


@dataclass(frozen=True)
class Term:
    key: str  # canonical, case-folded
    display: str
    kind: str  # word, phrase, hashtag, cashtag, mention
    score: float
    frequency: int
    document_frequency: int
    example_ids: list = field(default_factory=list)


def term_options(top=None, min_frequency=None, discover_phrases=None, max_examples=None,
                 stopwords=None, user_dictionary=None, threads=None):
    """The C library's term options as a dict (None keeps a default)."""
    return {key: value for key, value in dict(
        top=top, min_frequency=min_frequency, discover_phrases=discover_phrases,
        max_examples=max_examples, stopwords=list(stopwords) if stopwords is not None else None,
        user_dictionary=str(user_dictionary) if user_dictionary is not None else None,
        threads=threads).items()
        if value is not None}


class TermStats(Handle):
    """Counts that merge: stats(A + B) == stats(A) merged with stats(B). Serialise with bytes()."""

    _free = _capi.td_term_stats_free

    @classmethod
    def build(cls, corpus, **options):
        data = options_json(**term_options(**options))
        return cls(_capi.new_handle(_capi.td_term_stats_build, corpus, data, len(data)))

    @classmethod
    def from_bytes(cls, data):
        data = bytes(data)
        return cls(_capi.new_handle(_capi.td_term_stats_load, data, len(data)))

    def __bytes__(self):
        return _capi.take_buffer(_capi.td_term_stats_serialize, self)

    def merge(self, other):
        """Adds other's counts into these; returns self."""
        _capi.td_term_stats_merge(self, other)
        return self

    def __iadd__(self, other):
        return self.merge(other)

    def __eq__(self, other):
        return isinstance(other, TermStats) and bytes(self) == bytes(other)

    __hash__ = None

    @property
    def documents(self):
        return self._counts()[0]

    @property
    def term_count(self):
        return self._counts()[1]

    def _counts(self):
        documents, terms = ctypes.c_uint64(), ctypes.c_uint64()
        _capi.td_term_stats_counts(self, ctypes.byref(documents), ctypes.byref(terms))
        return documents.value, terms.value

    def score(self, background=None, **options):
        """The ranked terms, best first, optionally against earlier days' stats."""
        data = options_json(**term_options(**options))
        ranked = json_result(_capi.td_term_stats_score, self, background, data, len(data))
        return [Term(**term) for term in ranked]


def terms(corpus, *, background=None, **options):
    """The corpus' ranked terms (options: top, min_frequency, discover_phrases, max_examples,
    stopwords, user_dictionary)."""
    with TermStats.build(corpus, **options) as stats:
        return stats.score(background, **options)
