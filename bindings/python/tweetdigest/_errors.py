"""Exceptions raised for the C library's td_status codes."""


class Error(Exception):
    """A tweetdigest call failed; `status` is the C td_status, str(error) the C message."""

    status = -6

    def __init__(self, message, status=None):
        super().__init__(message)
        if status is not None:
            self.status = status


class InvalidArgumentError(Error, ValueError):
    status = -1


class TweetdigestIOError(Error, OSError):
    status = -2


class ParseError(Error, ValueError):
    status = -3


class UnsupportedError(Error, NotImplementedError):
    status = -4


class NoMemoryError(Error, MemoryError):
    status = -5


class InternalError(Error, RuntimeError):
    status = -6


_BY_STATUS = {cls.status: cls for cls in (InvalidArgumentError, TweetdigestIOError, ParseError,
                                          UnsupportedError, NoMemoryError, InternalError)}


def error_for_status(status, message):
    """The exception for a failing td_status, carrying the C message."""
    cls = _BY_STATUS.get(status, Error)
    return cls(message or f"tweetdigest call failed with status {status}", status)
