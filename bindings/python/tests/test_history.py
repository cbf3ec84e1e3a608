"""History through the binding: momentum and stories across days, re-runs, corrupt files,
range reports."""
import pytest

import tweetdigest

SAMPLE_DAYS = ["2026-01-24", "2026-01-25", "2026-01-26"]


@pytest.fixture
def sample_path():
    from conftest import SOURCE_ROOT
    return SOURCE_ROOT / "examples" / "data" / "sample_tweets.jsonl"


def day_json(sample_path, date, history, **options):
    with tweetdigest.read_corpus(sample_path, tz="Asia/Shanghai", date=date) as corpus:
        with tweetdigest.digest(corpus, history=history, **options) as report:
            return report.to_json(), report.history_diagnostics(), report.to_dict()


def test_days_carry_stories_and_momentum(sample_path, tmp_path):
    history = tmp_path / "history"
    for date in SAMPLE_DAYS:
        text, diagnostics, model = day_json(sample_path, date, history)
        assert diagnostics == []
    assert model["title"] == "twitter_ai_20260126_20260126"
    statuses = {point["story"]["status"] for point in model["core_points"]}
    assert statuses <= {"new", "continuing"} and "continuing" in statuses
    assert model["new_stories"] == sum(p["story"]["status"] == "new" for p in model["core_points"])
    for point in model["core_points"]:
        assert point["momentum"]["trend"] in {"rising", "stable", "falling"}
        assert [day["date"] for day in point["momentum"]["days"]] == SAMPLE_DAYS
    assert any(t["momentum"]["trend"] == "rising" for t in model["term_trends"])

    loaded = tweetdigest.load_history(history, "2026-01-01", "2026-01-31", stats=True)
    assert [entry["date"] for entry in loaded["entries"]] == SAMPLE_DAYS
    assert loaded["diagnostics"] == []

    # The same day again: same digest, entry replaced.
    again, _, _ = day_json(sample_path, "2026-01-26", history)
    assert again == text

    # A range report from the history alone.
    with tweetdigest.range_digest(history, "2026-01-24", "2026-01-26") as report:
        assert report.title == "twitter_ai_20260124_20260126"
        assert [day.source for day in report.days] == ["history"] * 3
        assert report.post_path == "_posts/2026-01-24-twitter_ai_20260124_20260126.md"
        assert "### 逐日脉络" in report.to_markdown()


def test_corrupt_history_file_is_skipped(sample_path, tmp_path):
    history = tmp_path / "history"
    for date in SAMPLE_DAYS[:2]:
        day_json(sample_path, date, history)
    (history / "2026-01-25" / "terms.bin").write_bytes(b"garbage")
    (history / "README").write_text("not a day")
    _, diagnostics, model = day_json(sample_path, "2026-01-26", history, save_history=False)
    messages = [(d["source"], d["message"]) for d in diagnostics]
    assert any(s.endswith("2026-01-25/terms.bin") and "does not match day.json" in m for s, m in messages)
    assert any(s.endswith("README") and "not a history day" in m for s, m in messages)
    assert [day["date"] for day in model["core_points"][0]["momentum"]["days"]] == ["2026-01-24", "2026-01-26"]
    assert not (history / "2026-01-26").exists()


def test_save_history_by_hand_and_errors(sample_path, tmp_path):
    with tweetdigest.read_corpus(sample_path, tz="Asia/Shanghai", date="2026-01-25") as corpus:
        with tweetdigest.digest(corpus) as report, tweetdigest.TermStats.build(corpus) as stats:
            tweetdigest.save_history(tmp_path / "h", report, stats)
    assert (tmp_path / "h" / "2026-01-25" / "day.json").exists()
    with pytest.raises(tweetdigest.InvalidArgumentError, match="no day has a history entry"):
        tweetdigest.range_digest(tmp_path / "empty", "2026-01-24", "2026-01-25")
    with pytest.raises(ValueError):
        with tweetdigest.read_corpus(sample_path, tz="Asia/Shanghai", date="2026-01-25") as corpus:
            tweetdigest.digest(corpus, history_days=3)
