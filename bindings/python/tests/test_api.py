"""The Pythonic layer: corpus, terms, digest, cloud, errors, Chinese text."""
import threading

import pytest

import tweetdigest


def test_read_corpus_window_and_diagnostics(corpus, day_path):
    assert 8 <= len(corpus) <= 10
    tweets = list(corpus)
    assert tweets[0]["id"] == "101"
    assert corpus[-1] == tweets[-1]
    with pytest.raises(IndexError):
        corpus[len(corpus)]
    summary = corpus.summary
    assert summary["from"] == "2026-01-25" and summary["time_zone"] == "Asia/Shanghai"
    assert summary["counts"]["out_of_window"] == 1
    [bad_line] = [d for d in corpus.diagnostics if d.line == 13]
    assert bad_line.source.endswith("day.jsonl") and "day.jsonl:13" in str(bad_line)


def test_chinese_text_round_trips_as_str_and_bytes(day_path):
    data = day_path.read_bytes()
    with tweetdigest.corpus_from_bytes(data, source_name="内存", date="2026-01-25") as from_bytes, \
            tweetdigest.corpus_from_bytes(data.decode("utf-8"), date="2026-01-25") as from_str:
        assert [t["text"] for t in from_bytes] == [t["text"] for t in from_str]
        texts = [t["text"] for t in from_bytes]
        assert any("世界模型" in text for text in texts)
        assert all(isinstance(text, str) for text in texts)
        assert any(d.source == "内存" for d in from_bytes.diagnostics)


def test_missing_file_is_a_diagnostic_not_an_exception(day_path, tmp_path):
    with tweetdigest.read_corpus([day_path, tmp_path / "absent.jsonl"], date="2026-01-25") as c:
        assert len(c) > 0
        assert any("absent.jsonl" in d.source or "absent.jsonl" in d.message for d in c.diagnostics)


def test_errors_carry_the_c_message(day_path):
    with pytest.raises(tweetdigest.InvalidArgumentError, match="Mars/Olympus") as raised:
        tweetdigest.read_corpus(day_path, tz="Mars/Olympus")
    assert isinstance(raised.value, ValueError) and raised.value.status == -1
    with pytest.raises(tweetdigest.ParseError, match="invalid UTF-8 at byte 3"):
        tweetdigest.extract_entities(b"abc\xff")
    with pytest.raises(tweetdigest.ParseError):
        tweetdigest.TermStats.from_bytes(b"definitely not term stats")
    with pytest.raises(tweetdigest.TweetdigestIOError, match="/nonexistent/font.ttf") as raised:
        tweetdigest.Fonts("/nonexistent/font.ttf")
    assert isinstance(raised.value, OSError)
    with pytest.raises(TypeError):
        tweetdigest.extract_entities(42)


def test_closed_handles_are_refused(day_path):
    corpus = tweetdigest.read_corpus(day_path)
    corpus.close()
    corpus.close()
    with pytest.raises(ValueError, match="closed"):
        len(corpus)


def test_entities_weighted_length_and_segmentation():
    entities = tweetdigest.extract_entities("看 #AI 新闻 $NVDA")
    assert [(e.kind, e.value) for e in entities] == [("hashtag", "AI"), ("cashtag", "NVDA")]
    assert entities[0].begin == 2 and entities[0].byte_begin == 4
    assert tweetdigest.weighted_length("你好")["weighted_length"] == 4
    with tweetdigest.Segmenter() as segmenter:
        words = segmenter.segment("我爱北京天安门")
        assert "北京" in words or "北京天安门" in words
        assert "".join(words) == "我爱北京天安门"
        kinds = {token["kind"] for token in segmenter.tokenize("hi #AI 世界")}
        assert "hashtag" in kinds


def test_term_stats_serialize_and_merge(corpus, day_path):
    whole = corpus.term_stats(min_frequency=1)
    restored = tweetdigest.TermStats.from_bytes(bytes(whole))
    assert restored == whole and restored.documents == whole.documents > 0
    doubled = tweetdigest.TermStats.from_bytes(bytes(whole))
    doubled += restored
    assert doubled.documents == 2 * whole.documents
    ranked = whole.score(top=5)
    assert 0 < len(ranked) <= 5
    assert ranked == sorted(ranked, key=lambda term: -term.score)
    assert all(isinstance(term, tweetdigest.Term) for term in ranked)


def test_shards_merge_to_the_whole(day_path):
    lines = day_path.read_bytes().splitlines(keepends=True)
    with tweetdigest.corpus_from_bytes(b"".join(lines), date="2026-01-25", dedupe=False) as all_, \
            tweetdigest.corpus_from_bytes(b"".join(lines[:5]), date="2026-01-25", dedupe=False) as a, \
            tweetdigest.corpus_from_bytes(b"".join(lines[5:]), date="2026-01-25", dedupe=False) as b:
        merged = a.term_stats(min_frequency=1).merge(b.term_stats(min_frequency=1))
        assert merged == all_.term_stats(min_frequency=1)


def test_duplicate_signatures_of_shards_cluster_as_the_whole_groups(day_path):
    lines = day_path.read_bytes().splitlines(keepends=True)
    with tweetdigest.corpus_from_bytes(b"".join(lines), date="2026-01-25") as whole:
        groups = [(tweet["id"], tweet["dup_count"]) for tweet in whole]
    signatures = tweetdigest.DuplicateSignatures()
    for shard in (lines[:4], lines[4:9], lines[9:]):
        with tweetdigest.corpus_from_bytes(b"".join(shard), date="2026-01-25",
                                           dedupe=False) as part:
            signatures = signatures.merge(part.duplicate_signatures())
    clusters = signatures.clusters()
    assert [(cluster["ids"][0], len(cluster["ids"])) for cluster in clusters] == groups
    assert any(len(cluster["ids"]) > 1 for cluster in clusters)
    assert len(signatures) == sum(count for _, count in groups)
    first = next(iter(signatures))
    assert set(first) == {"id", "id_approximate", "created_at", "engagement", "retweets_seen",
                          "simhash", "superseded_ids"}

    restored = tweetdigest.DuplicateSignatures(bytes(signatures))
    assert restored.clusters(near_duplicate_distance=3) == clusters
    assert restored.clusters(threads=1) == clusters
    with pytest.raises(tweetdigest.InvalidArgumentError, match=r"\"threads\" must be between"):
        restored.clusters(threads=-2)
    with pytest.raises(tweetdigest.ParseError, match=r"element 0, \"id\": missing"):
        tweetdigest.DuplicateSignatures(b"[{}]").clusters()
    with pytest.raises(TypeError):
        tweetdigest.DuplicateSignatures(42)


def test_terms_find_the_day_topics(corpus):
    displays = [term.display for term in tweetdigest.terms(corpus, min_frequency=2, top=30)]
    assert any(d in displays for d in ("Claude Code", "AI代理", "世界模型"))


def test_digest_model_markdown_and_json(corpus):
    with tweetdigest.digest(corpus, language="zh", min_frequency=1) as report:
        markdown = report.to_markdown()
        assert markdown.startswith("---\n") and "twitter_ai_20260125_20260125" in markdown
        assert report.post_path == "_posts/2026-01-25-twitter_ai_20260125_20260125.md"
        assert report.wordcloud_path == \
            "assets/wordcloud/wordcloud_twitter_ai_20260125_20260125.png"
        assert f'/assets/wordcloud/{report.wordcloud_image}' in markdown
        model = report.to_dict()
        assert report.title == model["title"] == "twitter_ai_20260125_20260125"
        with tweetdigest.Digest.from_json(report.to_json()) as again:
            assert again.to_json() == report.to_json()
        words = report.cloud_words()
        assert words and {"text", "weight"} <= set(words[0])
    with pytest.raises(tweetdigest.InvalidArgumentError, match="fr"):
        tweetdigest.digest(corpus, language="fr")
    with pytest.raises(TypeError, match="bogus"):
        tweetdigest.digest(corpus, bogus=1)


def test_cloud_bytes_and_files(corpus, fonts, tmp_path):
    words = {"Claude Code": 9, "世界模型": 6, "AI代理": 5}
    png = tweetdigest.cloud(words, fonts=fonts, width=300, height=200, seed=3)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert png == tweetdigest.cloud(words, fonts=fonts, width=300, height=200, seed=3)
    svg = tweetdigest.cloud(words, format="svg", fonts=fonts, width=300, height=200)
    assert svg.startswith(b"<") and b"<svg" in svg
    target = tmp_path / "云.png"
    with tweetdigest.digest(corpus, min_frequency=1) as report:
        assert tweetdigest.cloud(report, target, fonts=fonts, width=300, height=200) is None
    assert target.read_bytes().startswith(b"\x89PNG")
    with tweetdigest.layout(words, fonts=fonts, width=300, height=200) as laid_out:
        assert {w["text"] for w in laid_out.layout["words"]} <= set(words)
    if tweetdigest.jpeg_supported():
        assert tweetdigest.cloud(words, format="jpeg", fonts=fonts).startswith(b"\xff\xd8")
    with pytest.raises(tweetdigest.InvalidArgumentError, match="width"):
        tweetdigest.cloud(words, fonts=fonts, width=0)
    with pytest.raises(ValueError, match="format"):
        tweetdigest.cloud(words, format="gif", fonts=fonts)


def test_parallel_digests_share_one_corpus_and_fonts(corpus, fonts):
    results, errors = [], []

    def work():
        try:
            with tweetdigest.digest(corpus, min_frequency=1) as report:
                results.append((report.to_markdown(),
                                tweetdigest.cloud(report, fonts=fonts, width=200, height=150)))
        except Exception as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 3 and len(set(results)) == 1


def test_error_messages_are_per_thread(day_path):
    messages = {}

    def fail(zone):
        for _ in range(20):
            try:
                tweetdigest.read_corpus(day_path, tz=zone)
            except tweetdigest.InvalidArgumentError as error:
                messages.setdefault(zone, set()).add(str(error))

    zones = [f"Nowhere/Zone{i}" for i in range(4)]
    threads = [threading.Thread(target=fail, args=(zone,)) for zone in zones]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(messages) == set(zones)
    for zone, seen in messages.items():
        assert len(seen) == 1 and zone in next(iter(seen))
