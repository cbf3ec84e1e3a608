"""tweetdigest: daily reports and word clouds from a day of tweets (ctypes binding of
libtweetdigest_c).

    import tweetdigest
    with tweetdigest.read_corpus("tweets.jsonl", tz="Asia/Shanghai", date="2026-01-25") as corpus:
        with tweetdigest.digest(corpus, language="en") as report:
            print(report.to_markdown())
            tweetdigest.cloud(report, "cloud.png")
"""
from . import _capi
from ._errors import (Error, InternalError, InvalidArgumentError, NoMemoryError, ParseError,
                      TweetdigestIOError, UnsupportedError)
from .cloud import Cloud, Fonts, cloud, jpeg_supported, layout
from .corpus import Corpus, Diagnostic, corpus_from_bytes, read_corpus
from .digest import Digest, digest, range_digest
from .duplicates import DuplicateSignatures
from .history import load_history, save_history
from .net import fetch_x, https_supported, network_supported
from .terms import Term, TermStats, terms
from .text import Entity, Segmenter, extract_entities, weighted_length

__version__ = "0.1.0"
ABI_VERSION = 1


def version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _capi.td_version_string().decode("ascii")


def _check_library():
    if _capi.td_abi_version() != ABI_VERSION:
        raise ImportError(f"libtweetdigest_c has ABI version {_capi.td_abi_version()}; this "
                          f"package needs {ABI_VERSION}")
    if version().split(".")[:2] != __version__.split(".")[:2]:
        raise ImportError(f"libtweetdigest_c {version()} does not match the tweetdigest "
                          f"package {__version__} (major and minor must agree)")


_check_library()

__all__ = [
    "Cloud", "Corpus", "Diagnostic", "Digest", "DuplicateSignatures", "Entity", "Error", "Fonts", "InternalError",
    "InvalidArgumentError", "NoMemoryError", "ParseError", "Segmenter", "Term", "TermStats",
    "TweetdigestIOError", "UnsupportedError", "cloud", "corpus_from_bytes", "digest",
    "extract_entities", "fetch_x", "https_supported", "jpeg_supported", "layout", "load_history",
    "network_supported", "range_digest", "read_corpus", "save_history", "terms", "version",
    "weighted_length",
]
