"""Network features against loopback servers started here (nothing leaves the machine)."""
import http.server
import json
import threading

import pytest

import tweetdigest

pytestmark = pytest.mark.skipif(not tweetdigest.network_supported(),
                                reason="this build has no network module")


class _Server:
    """Answers every request with the (status, body) the handler returns; records requests."""

    def __init__(self, handler):
        outer = self
        self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                status, payload = handler(self.path, body)
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_improve_prose_applies_a_validated_overview(corpus):
    with tweetdigest.digest(corpus, language="zh", min_frequency=1) as report:
        cited = report.overview.tweet_ids[:1]
        rewritten = "今天的讨论集中在智能体和世界模型上。"
        answer = {"overview": {"text": rewritten, "tweet_ids": cited}}

        def chat(path, body):
            assert path == "/v1/chat/completions"
            request = json.loads(body)
            assert request["model"] == "test-model"
            return 200, {"choices": [{"index": 0, "message": {
                "role": "assistant", "content": json.dumps(answer, ensure_ascii=False)}}],
                "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}}

        with _Server(chat) as server:
            result = report.improve_prose(server.url + "/v1", "test-model", api_key="k-123")
        assert result["accepted"] == 1
        assert result["usage"] == {"prompt_tokens": 120, "completion_tokens": 30,
                                   "total_tokens": 150}
        assert report.overview.text == rewritten
        assert server.requests[0][2]["Authorization"] == "Bearer k-123"


def test_improve_prose_keeps_the_text_when_the_answer_invents_ids(corpus):
    with tweetdigest.digest(corpus, language="zh", min_frequency=1) as report:
        before = report.overview.text
        answer = {"overview": {"text": "编造的内容。", "tweet_ids": ["999999"]}}
        with _Server(lambda path, body: (200, {"choices": [{"index": 0, "message": {
                "role": "assistant", "content": json.dumps(answer)}}]})) as server:
            result = report.improve_prose(server.url + "/v1", "m")
        assert result["accepted"] == 0
        assert any("999999" in d for d in result["diagnostics"])
        assert report.overview.text == before


def test_fetch_x_writes_pages_and_follows_next_token(tmp_path, day_path):
    pages = [{"data": [{"id": "1", "text": "第一页", "created_at": "2026-01-25T02:00:00.000Z",
                        "author_id": "9"}], "meta": {"result_count": 1, "next_token": "p2"}},
             {"data": [{"id": "2", "text": "second page", "created_at": "2026-01-25T03:00:00.000Z",
                        "author_id": "9"}], "meta": {"result_count": 1}}]

    def search(path, body):
        return 200, pages[1] if "next_token=p2" in path else pages[0]

    out = tmp_path / "x.jsonl"
    with _Server(search) as server:
        result = tweetdigest.fetch_x(out, query="AI lang:zh", base_url=server.url,
                                     bearer_token="tok-secret")
    assert result["pages"] == 2 and result["tweets"] == 2 and result["finished"]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["data"][0]["id"] for line in lines] == ["1", "2"]
    assert server.requests[0][2]["Authorization"] == "Bearer tok-secret"
    with tweetdigest.read_corpus(out, tz="Asia/Shanghai", date="2026-01-25") as fetched:
        assert sorted(t["id"] for t in fetched) == ["1", "2"]


def test_fetch_x_reports_a_refused_connection_without_the_token(tmp_path):
    with pytest.raises(tweetdigest.TweetdigestIOError) as caught:
        tweetdigest.fetch_x(tmp_path / "x.jsonl", query="AI", base_url="http://127.0.0.1:9",
                            bearer_token="tok-secret", max_attempts=1)
    assert "127.0.0.1:9" in str(caught.value) and "tok-secret" not in str(caught.value)
