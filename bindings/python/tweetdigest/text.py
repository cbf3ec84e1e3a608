"""twitter-text entities and weighted length; word segmentation."""
from dataclasses import dataclass

from . import _capi
from ._handle import Handle, json_result, options_json, utf8


@dataclass(frozen=True)
class Entity:
    kind: str  # url, hashtag, mention, list, cashtag
    value: str
    list_slug: str
    byte_begin: int
    byte_end: int
    begin: int  # code points
    end: int
    begin_utf16: int
    end_utf16: int


def extract_entities(text):
    """The URLs, hashtags, mentions, lists and cashtags of a text, in order."""
    data = utf8(text)
    return [Entity(**entity) for entity in json_result(_capi.td_extract_entities, data, len(data))]


def weighted_length(text, config="v3"):
    """twitter-text's parse of a tweet: {"weighted_length", "permillage", "valid", ...}."""
    data = utf8(text)
    options = options_json(config=config)
    return json_result(_capi.td_weighted_length, data, len(data), options, len(options))


class Segmenter(Handle):
    """Chinese/Latin word segmentation; immutable, so one instance may serve many threads."""

    _free = _capi.td_segmenter_free

    def __init__(self, dictionary=None, user_dictionary=None):
        options = options_json(dictionary=_path(dictionary), user_dictionary=_path(user_dictionary))
        super().__init__(_capi.new_handle(_capi.td_segmenter_create, options, len(options)))

    def segment(self, text):
        data = utf8(text)
        return json_result(_capi.td_segmenter_segment, self, data, len(data))

    def tokenize(self, text):
        """[{"text", "kind", "byte_offset"}] with kinds word, number, hashtag, ..., space."""
        data = utf8(text)
        return json_result(_capi.td_segmenter_tokenize, self, data, len(data))


def _path(path):
    return None if path is None else str(path)
