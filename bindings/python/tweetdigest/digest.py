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

    @property
    def wordcloud_path(self):
        """"assets/wordcloud/wordcloud_twitter_ai_FROM_TO.EXT" inside a Jekyll site: where the
        post links its word cloud."""
        return _capi.take_buffer(_capi.td_digest_wordcloud_path, self).decode("utf-8")

    def history_diagnostics(self):
        """Problems met in the history folder while building (corrupt or foreign files):
        [{"severity", "source", "line", "byte_offset", "message"}]; [] without history."""
        return json_result(_capi.td_digest_history_diagnostics_json, self)

    def cloud_words(self):
        """The report's cloud terms: [{"text", "weight", "kind"}], ready for cloud()."""
        return json_result(_capi.td_digest_cloud_words, self)

    def improve_prose(self, base_url, model, *, api_key=None, stream=False, temperature=None,
                      max_tokens=None, timeout_ms=None, max_attempts=None):
        """Has an OpenAI-compatible model rewrite the prose from the digest's evidence; only
        validated statements replace the extractive text. Returns the report dict
        {"accepted", "rejected", "usage", "diagnostics"}. Sends a request only when called."""
        data = options_json(base_url=base_url, model=model, api_key=api_key, stream=stream,
                            temperature=temperature, max_tokens=max_tokens,
                            timeout_ms=timeout_ms, max_attempts=max_attempts)
        report = json_result(_capi.td_digest_improve_prose, self, data, len(data))
        self._model = None
        return report

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._model is None:
            self._model = _namespace(self.to_dict())
        try:
            return getattr(self._model, name)
        except AttributeError:
            raise AttributeError(f"Digest has no field {name!r}") from None


def _history(history, history_days, save_history):
    if history is None:
        if history_days is not None or save_history is not None:
            raise ValueError("history_days and save_history need history=DIR")
        return None
    return {key: value for key, value in
            {"dir": str(history), "days": history_days, "save": save_history}.items()
            if value is not None}


def digest(corpus, *, language="zh", core_points=None, cloud_terms=None, generated_at=None,
           wordcloud_extension=None, background=None, history=None, history_days=None,
           save_history=None, **terms):
    """Builds the report of the corpus window (terms: top, min_frequency, ... as in terms()).
    With history=DIR (a one-day window): the previous history_days (7) days stored there add
    momentum and stories carried forward, and the day is stored unless save_history=False."""
    data = options_json(language=language, core_points=core_points, cloud_terms=cloud_terms,
                        generated_at=generated_at, wordcloud_extension=wordcloud_extension,
                        terms=term_options(**terms) or None,
                        history=_history(history, history_days, save_history))
    return Digest(_capi.new_handle(_capi.td_digest_build, corpus, background, data, len(data)))


def range_digest(history, date_from, date_to, *, corpus=None, history_days=None, language="zh",
                 core_points=None, cloud_terms=None, generated_at=None, wordcloud_extension=None,
                 **terms):
    """One report for the days date_from..date_to ("YYYY-MM-DD") composed from the history
    folder; days it lacks are built from corpus (may be None) and stored."""
    data = options_json(language=language, core_points=core_points, cloud_terms=cloud_terms,
                        generated_at=generated_at, wordcloud_extension=wordcloud_extension,
                        terms=term_options(**terms) or None, **{"from": str(date_from)},
                        to=str(date_to), history=_history(history, history_days, None))
    return Digest(_capi.new_handle(_capi.td_digest_build_range, corpus, data, len(data)))
