"""examples/dask/digest_job.py: partitions, window records, and a LocalCluster run whose digest
equals a single-process run of the binding on the same input."""
import faulthandler
import gzip
import importlib
import pathlib
import sys
import warnings

import pytest

SOURCE_ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE_ROOT / "bindings" / "python"))
sys.path.insert(0, str(SOURCE_ROOT / "examples" / "dask"))

import tweetdigest  # noqa: E402
import digest_job  # noqa: E402

SAMPLE = SOURCE_ROOT / "examples" / "data" / "sample_tweets.jsonl"
DAY = SOURCE_ROOT / "tests" / "capi" / "data" / "day.jsonl"
TZ = "Asia/Shanghai"
CLUSTER_SECONDS = 120  # the cluster part of one run
WATCHDOG_SECONDS = 300  # the whole test, cluster start and shutdown included

# distributed 2022.12 on Python 3.11 starts its event loops the way tornado deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")


@pytest.fixture
def inputs(tmp_path):
    """Files of several kinds: the sample (X API v2 pages, cut into ranges), tweet-per-line JSONL
    with a broken line (cut too), a gzip file (whole) repeating some sample pages, a JSON array
    (whole) repeating tweets of day.jsonl, and the sample again, so that repeated ids and
    duplicates span partitions and files."""
    head = tmp_path / "head.jsonl.gz"
    head.write_bytes(gzip.compress(b"".join(SAMPLE.read_bytes().splitlines(keepends=True)[2:5])))
    tweets = [line for line in DAY.read_bytes().splitlines() if line.startswith(b"{")]
    array = tmp_path / "array.json"
    array.write_bytes(b"[\n" + b",\n".join(tweets[:5] + tweets[-1:]) + b"\n]\n")
    return [str(SAMPLE), str(DAY), str(head), str(array), str(SAMPLE)]


def single_process(paths, date, language):
    with tweetdigest.read_corpus(paths, tz=TZ, date=date) as corpus, \
            tweetdigest.digest(corpus, language=language) as report:
        return {"markdown": report.to_markdown(), "json": report.to_json(),
                "cloud": tweetdigest.cloud(report), "kept": len(corpus),
                "groups": [(tweet["id"], tweet["dup_count"]) for tweet in corpus]}


def test_plan_cuts_jsonl_files_at_record_starts(inputs):
    plan = digest_job.plan_partitions(inputs, partition_bytes=1500)
    assert [p["index"] for p in plan] == list(range(len(plan)))
    for number, path in enumerate(inputs):
        parts = [p for p in plan if p["input"] == number]
        data = pathlib.Path(path).read_bytes()
        if not path.endswith(".jsonl"):
            layout = "gzip" if path.endswith(".gz") else "file"
            assert [(p["layout"], p["start"], p["end"]) for p in parts] == [(layout, 0, None)]
            continue
        assert len(parts) > 1
        assert parts[0]["start"] == 0 and parts[-1]["end"] == len(data)
        for before, after in zip(parts, parts[1:]):
            assert before["end"] == after["start"]
            assert data[after["start"] - 1:after["start"] + 1] == b"\n{"
    sample_parts = [p for p in plan if p["input"] == 0]
    assert len(sample_parts) == len(SAMPLE.read_bytes().splitlines())  # one page each


def test_window_records_keep_window_and_unreadable_records_verbatim(tmp_path):
    lines = DAY.read_bytes().splitlines(keepends=True)
    [broken] = [line for line in lines if not line.startswith(b"{")]
    [old] = [line for line in lines if b'"id": "112"' in line]  # the day before
    window_lines = [line for line in lines if line not in (broken, old)]
    # A broken line after a window record; the record of the day before alone.
    data = b"".join(window_lines[:3] + [broken] + window_lines[3:] + [old])
    with tweetdigest.corpus_from_bytes(data, tz=TZ, date="2026-01-25", dedupe=False,
                                       collapse_retweets=False) as window:
        ids = {tweet["id"] for tweet in window}
        assert len(window) == len(window_lines)
    assert digest_job.window_records(data, ids) == data[:-len(old)]
    # A line that is no JSON cannot be told apart from the record before it, so an out-of-window
    # record followed by one is kept too (bytes, not correctness).
    data = b"".join(window_lines + [old, broken])
    assert digest_job.window_records(data, ids) == data
    assert digest_job.window_records(b"".join(window_lines + [old]), set()) == b""


def test_merged_stats_of_disjoint_files_equal_single_process_stats():
    options = digest_job.job_options(date="2026-01-25")
    plan = digest_job.plan_partitions([SAMPLE, DAY], partition_bytes=1 << 30)
    assert len(plan) == 2
    summaries = [digest_job.map_partition(p, options)[0] for p in plan]
    merged = digest_job.merge_summaries(*summaries)
    with tweetdigest.read_corpus([SAMPLE, DAY], tz=TZ, date="2026-01-25") as corpus, \
            corpus.term_stats() as stats:
        assert merged["stats"] == bytes(stats)
        assert merged["kept"] == len(corpus)
        # Each partition's candidate clusters hold its own tweets; the merge's, the whole day's.
        assert all(len(summary["clusters"]) == summary["kept"] for summary in summaries)
        clusters = merged["clusters"]
        assert digest_job.check_clusters(clusters, corpus) is True
        assert digest_job.check_clusters(clusters[1:], corpus) is False
    plain = digest_job.job_options(date="2026-01-25", dedupe=False)
    assert digest_job.merge_summaries(digest_job.map_partition(plan[1], plain)[0])["clusters"] is None


@pytest.fixture(scope="module")
def client():
    reason = "dask.distributed is not importable (apt-get install python3-dask python3-distributed)"
    try:
        importlib.import_module("dask.distributed")
    except ImportError:
        warnings.warn(f"skipped: {reason}")  # shown in the warnings summary even without -rs
        pytest.skip(reason)
    from distributed import Client, LocalCluster

    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, protocol="tcp") as cluster, \
                Client(cluster, timeout=60) as connected:
            connected.wait_for_workers(2, timeout=60)
            yield connected
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.mark.parametrize("date,language", [("2026-01-25", "en"), ("2026-01-26", "zh")])
def test_local_cluster_digest_equals_single_process(client, inputs, tmp_path, date, language):
    options = digest_job.job_options(date=date, language=language)
    result = digest_job.run_job(client, inputs, options, partition_bytes=1500, split_every=2,
                                timeout=CLUSTER_SECONDS, site=tmp_path / "site")

    plan = result["partitions"]
    assert len(plan) > 10 and any(p["start"] > 0 for p in plan)
    assert len({p["input"] for p in plan if p["start"] > 0}) == 3  # both samples and day.jsonl
    summary = result["summary"]
    assert summary["partitions"] == len(plan)
    assert (summary["first"], summary["last"]) == (0, len(plan) - 1)
    assert summary["records_bytes"] < summary["bytes_read"]  # only window records travel

    expected = single_process(inputs, date, language)
    assert result["markdown"] == expected["markdown"]
    assert result["json"] == expected["json"]
    assert result["corpus"]["tweets"] == expected["kept"]
    assert pathlib.Path(result["post"]).read_text(encoding="utf-8") == expected["markdown"]
    assert pathlib.Path(result["cloud"]).read_bytes() == expected["cloud"]

    # Partitions dedupe on their own, so copies in different partitions count once each there.
    assert summary["stats_documents"] == summary["kept"] > expected["kept"]
    # The broken line of day.jsonl is reported with its offset in the file.
    [broken] = [d for d in summary["diagnostics"]
                if d["severity"] == "error" and d["source"] == str(DAY)]
    assert broken["byte_offset"] == DAY.read_bytes().index(b"this line is not json")

    # The workers' duplicate signatures, merged in the tree, cluster as the single process groups.
    clusters = result["clusters"]
    assert [(c["ids"][0], len(c["ids"])) for c in clusters] == expected["groups"]
    assert any(len(c["ids"]) > 1 for c in clusters)
    assert result["clusters_match"] is True
