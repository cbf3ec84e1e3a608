"""Word clouds: PNG, SVG or JPEG bytes, or a file."""
import json
import os

from . import _capi
from ._handle import Handle, json_result, options_json

_FORMATS = {"png": _capi.TD_IMAGE_PNG, "svg": _capi.TD_IMAGE_SVG, "jpeg": _capi.TD_IMAGE_JPEG,
            "jpg": _capi.TD_IMAGE_JPEG}


class Fonts(Handle):
    """Loaded fonts (default: the system's CJK and Latin fonts). Immutable; share them."""

    _free = _capi.td_fonts_free

    def __init__(self, paths=None, language="zh-Hans"):
        fonts = None
        if paths is not None:
            if isinstance(paths, (str, os.PathLike)):
                paths = [paths]
            fonts = [{"path": os.fspath(path)} for path in paths]
        data = options_json(fonts=fonts, language=language)
        super().__init__(_capi.new_handle(_capi.td_fonts_load, data, len(data)))

    def describe(self):
        return json_result(_capi.td_fonts_describe, self)


class Cloud(Handle):
    """A laid-out cloud."""

    _free = _capi.td_cloud_free

    @property
    def layout(self):
        return json_result(_capi.td_cloud_layout_json, self)

    def encode(self, format="png"):
        if format not in _FORMATS:
            raise ValueError(f"format must be one of {sorted(_FORMATS)}, not {format!r}")
        return _capi.take_buffer(_capi.td_cloud_encode, self, _FORMATS[format])

    def save(self, path):
        """Writes PNG, JPEG or SVG by the file's extension, atomically."""
        _capi.td_cloud_write_file(self, os.fsencode(path))


def _words(words):
    if hasattr(words, "cloud_words"):
        return words.cloud_words()
    if isinstance(words, dict):
        return [{"text": text, "weight": float(weight)} for text, weight in words.items()]
    result = []
    for word in words:
        if isinstance(word, dict):
            result.append(word)
        elif hasattr(word, "display"):  # a Term
            result.append({"text": word.display, "weight": word.score, "kind": word.kind})
        else:
            text, weight = word
            result.append({"text": text, "weight": float(weight)})
    return result


def layout(words, *, fonts=None, **options):
    """Lays out words: a Digest, Terms, {text: weight}, (text, weight) pairs or word dicts.
    Options: width, height, seed, orientation, prefer_horizontal, relative_scaling,
    min_font_size, max_font_size, margin, max_words, background, palette, mask_png,
    jpeg_quality."""
    owned = fonts is None
    fonts = Fonts() if owned else fonts
    try:
        data = json.dumps(_words(words), ensure_ascii=False).encode("utf-8")
        settings = options_json(**options)
        return Cloud(_capi.new_handle(_capi.td_cloud_layout, fonts, data, len(data), settings,
                                      len(settings)))
    finally:
        if owned:
            fonts.close()


def cloud(words, path=None, *, format="png", fonts=None, **options):
    """The cloud of words as image bytes (format png, svg or jpeg), or, given a path, written to
    that file (format from its extension) and None returned."""
    with layout(words, fonts=fonts, **options) as laid_out:
        if path is not None:
            laid_out.save(path)
            return None
        return laid_out.encode(format)


def jpeg_supported():
    return bool(_capi.td_jpeg_supported())
