"""Shared pieces of the Pythonic layer: UTF-8 arguments, JSON options, owned handles."""
import json

from . import _capi


def utf8(text, name="text"):
    """str -> UTF-8 bytes; bytes pass through (the library validates them)."""
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"{name} must be str or bytes, not {type(text).__name__}")


def options_json(**options):
    """The options that were given (None means the library's default) as JSON bytes."""
    given = {key: value for key, value in options.items() if value is not None}
    return json.dumps(given, ensure_ascii=False).encode("utf-8")


def json_result(function, *arguments):
    return json.loads(_capi.take_buffer(function, *arguments).decode("utf-8"))


class Handle:
    """Owns one C handle: close() (idempotent) or a with-block frees it; __del__ is a backstop."""

    _free = None
    _handle = None  # set by __init__; a subclass whose __init__ failed has none to free

    def __init__(self, handle):
        self._handle = handle

    @property
    def closed(self):
        return self._handle is None or not self._handle.value

    @property
    def _as_parameter_(self):
        if self.closed:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._handle

    def close(self):
        handle, self._handle = self._handle, None
        if handle is not None and handle.value:
            type(self)._free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        self.close()
