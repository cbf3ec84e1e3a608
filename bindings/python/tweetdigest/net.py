"""The network features: X API v2 fetching. (LLM prose is Digest.improve_prose.)
Nothing is sent anywhere unless one of these is called."""
import os

from . import _capi
from ._handle import json_result, options_json


def network_supported():
    """True when the loaded library has the network module."""
    return bool(_capi.td_network_supported())


def https_supported():
    """True when the loaded library speaks https."""
    return bool(_capi.td_https_supported())


def fetch_x(output_path, *, query=None, user_id=None, start_time=None, end_time=None,
            max_tweets=None, page_size=None, base_url=None, bearer_token=None, resume=False,
            timeout_ms=None, max_attempts=None):
    """Fetches X API v2 pages (recent search for `query`, or `user_id`'s timeline) into a JSONL
    file that read_corpus reads. The token defaults to $TWEETDIGEST_X_BEARER_TOKEN. Returns
    {"pages", "tweets", "finished", "next_token", "diagnostics"}."""
    data = options_json(output_path=os.fspath(output_path), query=query, user_id=user_id,
                        start_time=start_time, end_time=end_time, max_tweets=max_tweets,
                        page_size=page_size, base_url=base_url, bearer_token=bearer_token,
                        resume=resume, timeout_ms=timeout_ms, max_attempts=max_attempts)
    return json_result(_capi.td_x_fetch, data, len(data))
