"""The history folder of daily digests (see include/tweetdigest/history.hpp)."""
from . import _capi
from ._handle import json_result, options_json, utf8


def load_history(directory, date_from, date_to, *, stats=False):
    """The valid entries for the days date_from..date_to and the problems met:
    {"entries": [{"date", "title", "documents", "tweets", "path", "top_terms", "stories", ...}],
     "diagnostics": [{"severity", "source", "message", ...}]}. stats=True also verifies each
    day's term stats."""
    data = options_json(stats=stats, **{"from": str(date_from)}, to=str(date_to))
    return json_result(_capi.td_history_load, utf8(str(directory), "directory"), data, len(data))


def save_history(directory, digest, stats):
    """Stores (or replaces) the entry of a one-day digest and the TermStats it was built from."""
    _capi.td_history_save(utf8(str(directory), "directory"), digest, stats)
