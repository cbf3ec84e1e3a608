"""The daily report."""
import json
from types import SimpleNamespace

from . import _capi
from ._handle import Handle, json_result, options_json, utf8
from .terms import term_options


def _namespace(value):
    if isinstance(value, dict):
        return SimpleNamespace(**{key: _namespace(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_namespace(item) for item in value]
    return value


class Digest(Handle):
    """The report model. Its fields read as attributes (digest.title, digest.core_points[0].title,
    as in to_dict()); to_markdown() gives the Jekyll post, to_json() the model as JSON."""

    _free = _capi.td_digest_free

    def __init__(self, handle):
        super().__init__(handle)
        self._model = None

    @classmethod
    def from_json(cls, text):
        data = utf8(text, "json")
        return cls(_capi.new_handle(_capi.td_digest_from_json, data, len(data)))

    def to_markdown(self):
        return _capi.take_buffer(_capi.td_digest_to_markdown, self).decode("utf-8")

    def to_json(self):
        return _capi.take_buffer(_capi.td_digest_to_json, self).decode("utf-8")

    def to_dict(self):
        return json.loads(self.to_json())

    @property
    def post_path(self):
        """"_posts/YYYY-MM-DD-twitter_ai_FROM_TO.md" inside a Jekyll site."""
        return _capi.take_buffer(_capi.td_digest_post_path, self).decode("utf-8")

    def cloud_words(self):
        """The report's cloud terms: [{"text", "weight", "kind"}], ready for cloud()."""
        return json_result(_capi.td_digest_cloud_words, self)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._model is None:
            self._model = _namespace(self.to_dict())
        try:
            return getattr(self._model, name)
        except AttributeError:
            raise AttributeError(f"Digest has no field {name!r}") from None


def digest(corpus, *, language="zh", core_points=None, cloud_terms=None, generated_at=None,
           wordcloud_extension=None, background=None, **terms):
    """Builds the report of the corpus window (terms: top, min_frequency, ... as in terms())."""
    data = options_json(language=language, core_points=core_points, cloud_terms=cloud_terms,
                        generated_at=generated_at, wordcloud_extension=wordcloud_extension,
                        terms=term_options(**terms) or None)
    return Digest(_capi.new_handle(_capi.td_digest_build, corpus, background, data, len(data)))
