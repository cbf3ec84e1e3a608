#!/usr/bin/env python3
"""A day's digest from many or large tweet files, computed on a Dask cluster.

    digest_job.py TWEETS... --date 2026-01-25 [--out site] [--scheduler tcp://host:8786]

The inputs are cut into partitions: every file is one, and an uncompressed JSONL file larger
than --partition-size is cut into line-aligned byte ranges, each starting at a line that opens a
JSON record. Each partition goes to a worker, which calls the tweetdigest library (the Python
binding) to

  * find the partition's tweets in the day window,
  * keep only the partition's *window records*: the input records (JSONL lines: X API v2 pages,
    v1.1 or v2 tweet objects, archive entries) that hold at least one tweet of the window,
    byte for byte as they are in the input, and
  * count the terms of those records (serialised TermStats), and
  * take the duplicate signatures of their window tweets (what duplicate grouping looks at).

The partitions' TermStats, signatures and counts are merged in a tree of pairwise merges; the
window records are gathered on the client in input order. The merged signatures give the day's
duplicate clusters (each merge clusters the signatures it has; the root's clusters are the
day's). The client reads the records as one corpus, exactly as a single process
reading the original files would (it sees the same window tweets in the same order), checks
that it groups them as the clusters say, builds the digest and its word cloud, and writes the
Jekyll post.

map_partition, merge_summaries and build_outputs are plain functions of plain values (dicts,
bytes, str), so another engine can drive them (see spark_variant.py). See README.md for the
limits: the client holds the day's window records, its corpus and the merged stats.
"""
import argparse
import gzip
import json
import os
import pathlib
import re
import sys
import tempfile
import time

import tweetdigest

DEFAULT_PARTITION_BYTES = 64 << 20
_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
# Diagnostics carried through the merge tree (their total is always counted).
MAX_DIAGNOSTICS = 200

READ_KEYS = ("tz", "date", "to", "format", "dedupe", "collapse_retweets", "near_duplicate_distance")
DIGEST_KEYS = ("language", "core_points", "cloud_terms", "generated_at")


def job_options(*, tz="Asia/Shanghai", date=None, to=None, format="auto", dedupe=True,
                collapse_retweets=True, near_duplicate_distance=None, language="zh",
                core_points=None, cloud_terms=None, generated_at=None, terms=None,
                worker_threads=1):
    """The job's options as one plain dict: how to read (the window and dedupe, as
    tweetdigest.read_corpus), the digest options, the term options (as tweetdigest.terms; used
    by the workers' TermStats and by the digest) and the library threads a worker call may use."""
    return {"read": {"tz": tz, "date": date, "to": to, "format": format, "dedupe": dedupe,
                     "collapse_retweets": collapse_retweets,
                     "near_duplicate_distance": near_duplicate_distance},
            "digest": {"language": language, "core_points": core_points,
                       "cloud_terms": cloud_terms, "generated_at": generated_at},
            "terms": dict(terms or {}),
            "worker_threads": worker_threads}


# ---- Planning (client) --------------------------------------------------------------------------

def _layout(head):
    """"gzip", "jsonl" (JSON records, one or more lines each, first one opening with "{") or
    "file" (JSON array, archive tweets.js, CSV, empty): how a file may be cut."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_BOM):
        head = head[len(_BOM):]
    stripped = head.lstrip(b" \t\r\n")
    return "jsonl" if stripped.startswith(b"{") else "file"


def _next_record_start(handle, position, limit, window=1 << 16):
    """The first offset >= position, < limit, where a line starting with "{" begins, else None.
    The library ends any open record at such a line, so a cut there cannot split a record."""
    handle.seek(position - 1)
    carried = b""
    base = position - 1
    while base + len(carried) < limit:
        block = handle.read(window)
        if not block:
            return None
        data = carried + block
        found = data.find(b"\n{")
        if found >= 0:
            start = base + found + 1
            return start if start < limit else None
        base += len(data) - 1
        carried = data[-1:]
    return None


def plan_partitions(paths, partition_bytes=DEFAULT_PARTITION_BYTES, format="auto"):
    """The partitions of the inputs, in input order: dicts {"index", "input" (the file's position
    in paths), "path", "layout", "start", "end"} (byte range [start, end); end None for a whole
    file). format is the read option: with "csv" no file is cut. Reads a few KiB per cut only."""
    if partition_bytes < 1:
        raise ValueError("partition_bytes must be positive")
    partitions = []
    for number, path in enumerate(paths):
        path = os.fspath(path)
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            layout = _layout(handle.read(4096))
            if layout == "jsonl" and format == "csv":
                layout = "file"
            starts = [0]
            if layout == "jsonl":
                target = partition_bytes
                while target < size:
                    start = _next_record_start(handle, max(target, starts[-1] + 1), size)
                    if start is None:
                        break
                    starts.append(start)
                    target = start + partition_bytes
        if layout != "jsonl":
            partitions.append({"input": number, "path": path, "layout": layout, "start": 0,
                               "end": None})
            continue
        for start, end in zip(starts, starts[1:] + [size]):
            partitions.append({"input": number, "path": path, "layout": layout, "start": start,
                               "end": end})
    for index, partition in enumerate(partitions):
        partition["index"] = index
    return partitions


# ---- Map (worker) -------------------------------------------------------------------------------

def _read_options(options, **overrides):
    read = dict(options["read"])
    read.update(overrides)
    return read


def _read_partition(partition):
    with open(partition["path"], "rb") as handle:
        if partition["end"] is None:
            return handle.read()
        handle.seek(partition["start"])
        return handle.read(partition["end"] - partition["start"])


def _record_chunks(data):
    """Splits JSON-records bytes at the lines that start with "{" (where the library starts a
    new record whatever came before), keeping every byte: (begin, end) pairs."""
    chunks = []
    begin = 0
    while begin < len(data):
        found = data.find(b"\n{", begin)
        end = len(data) if found < 0 else found + 1
        chunks.append((begin, end))
        begin = end
    return chunks


class _Unsure(Exception):
    """The record is not understood well enough to prove it holds no window tweet."""


def _tweet_objects(value):
    """The objects the library reads as top-level tweets of a parsed record (mirrors its
    dispatch: arrays recurse, {"data": ...} pages, {"tweet": ...} archive entries, error
    objects, plain tweet objects)."""
    if isinstance(value, list):
        for element in value:
            yield from _tweet_objects(element)
    elif isinstance(value, dict):
        if "data" in value:
            data = value["data"]
            if isinstance(data, dict):
                yield data
            elif isinstance(data, list):
                yield from (entry for entry in data if isinstance(entry, dict))
        elif isinstance(value.get("tweet"), dict):
            yield value["tweet"]
        elif isinstance(value.get("errors"), list) and "id" not in value:
            return
        else:
            yield value


def _ids(tweet):
    """The ids the library may give a tweet object (v2 "id", v1.1 "id_str" then "id")."""
    ids = set()
    for key in ("id", "id_str"):
        value = tweet.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (str, int)):
            ids.add(str(value))
        else:
            raise _Unsure()
    return ids


def _reject_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise _Unsure()  # which duplicate wins is the parser's choice: do not guess
    return dict(pairs)


def _parse_record(chunk):
    if chunk.startswith(_BOM):
        chunk = chunk[len(_BOM):]
    try:
        return json.loads(chunk, object_pairs_hook=_reject_duplicate_keys)
    except (ValueError, RecursionError) as error:
        raise _Unsure() from error


def window_records(data, window_ids):
    """The records of JSON-records bytes that may hold a tweet whose id is in window_ids (the ids
    of the window's tweets, as the library read them), joined in input order, byte for byte.

    A record is dropped only when it parses and none of its top-level tweets has a window id or
    the id of an older version listed in a window tweet's edit history (the library folds old
    versions into the newest one, so it must see them). Anything else is kept: keeping a record
    the window does not need costs bytes, never correctness, since the client reads the records
    with the same window."""
    chunks = _record_chunks(data)
    parsed = []
    superseded = set()
    for begin, end in chunks:
        try:
            record = [(ids, tweet) for tweet in _tweet_objects(_parse_record(data[begin:end]))
                      for ids in [_ids(tweet)]]
        except _Unsure:
            record = None
        parsed.append(record)
        for ids, tweet in record or ():
            history = tweet.get("edit_history_tweet_ids")
            if ids & window_ids and isinstance(history, list):
                superseded.update(str(item) for item in history)
    wanted = window_ids | superseded
    kept = []
    for (begin, end), record in zip(chunks, parsed):
        if record is None or any(ids & wanted for ids, _ in record):
            kept.append(data[begin:end])
    return b"".join(kept)


def _diagnostics(corpus, partition):
    # Offsets count from the file's start (decompressed bytes for gzip); lines from the partition's.
    shift = partition["start"] if partition["layout"] == "jsonl" else 0
    return [{"severity": d.severity, "source": partition["path"],
             "partition": partition["index"], "line_in_partition": d.line,
             "byte_offset": d.byte_offset + shift, "message": d.message}
            for d in corpus.diagnostics]


def map_partition(partition, options):
    """One partition -> (summary, records).

    records: {"index", "input", "path", "data"}: data, the partition's window records (bytes; all
    of its bytes when none of its tweets is outside the window; for a file that cannot be cut
    record by record, the whole file when it has any window tweet,
    else b"").
    summary: {"first", "last" (partition indexes), "partitions", "stats" (serialised TermStats of
    the records, deduplicated within the partition), "signatures" (serialised
    DuplicateSignatures of the records' window tweets, read without dedupe; none when the job
    does not dedupe), "window_tweets"
    (window tweets read, before dedupe), "grouping" (the dedupe options), "clusters" (the
    candidate duplicate clusters of the signatures), "kept" (after the partition's own dedupe),
    "bytes_read", "records_bytes", "diagnostic_count", "diagnostics" (the first
    MAX_DIAGNOSTICS)}."""
    raw = _read_partition(partition)
    data = gzip.decompress(raw) if partition["layout"] == "gzip" else raw
    name = f"{partition['path']}@{partition['start']}"
    threads = options.get("worker_threads")
    term_options = dict(options["terms"])
    if threads is not None:
        term_options["threads"] = threads

    # Every window tweet, as read: no retweet collapsing or dedupe, so each one keeps its id.
    with tweetdigest.corpus_from_bytes(
            data, source_name=name,
            **_read_options(options, dedupe=False, collapse_retweets=False)) as window:
        window_tweets = len(window)
        whole_window = window.summary["counts"]["out_of_window"] == 0
        window_ids = set() if whole_window else {tweet["id"] for tweet in window}
        diagnostics = _diagnostics(window, partition)

    if not window_tweets:
        records = b""
    elif (partition["layout"] == "file" or options["read"].get("format") == "csv"
          or not data.lstrip(_BOM + b" \t\r\n").startswith(b"{")):
        records = raw  # not JSON records: the file goes whole
    elif whole_window:
        records = data  # no tweet outside the window: no record to leave out
    else:
        records = window_records(data, window_ids)

    with tweetdigest.corpus_from_bytes(records, source_name=name,
                                       **_read_options(options)) as corpus, \
            corpus.term_stats(**term_options) as stats:
        kept = len(corpus)
        stats_bytes = bytes(stats)
    grouping = {"dedupe": options["read"].get("dedupe", True),
                "near_duplicate_distance": options["read"].get("near_duplicate_distance")}
    signatures = tweetdigest.DuplicateSignatures()  # nothing to group without dedupe
    if grouping["dedupe"]:
        # The tweets grouping looks at: the same read without dedupe.
        with tweetdigest.corpus_from_bytes(records, source_name=name,
                                           **_read_options(options, dedupe=False)) as ungrouped:
            signatures = ungrouped.duplicate_signatures()

    summary = {"first": partition["index"], "last": partition["index"], "partitions": 1,
               "stats": stats_bytes, "signatures": bytes(signatures), "grouping": grouping,
               "clusters": _candidate_clusters(signatures, grouping),
               "window_tweets": window_tweets, "kept": kept,
               "bytes_read": len(raw), "records_bytes": len(records),
               "diagnostic_count": len(diagnostics), "diagnostics": diagnostics[:MAX_DIAGNOSTICS]}
    return summary, {"index": partition["index"], "input": partition["input"],
                     "path": partition["path"], "data": records}


# ---- Merge (any worker) -------------------------------------------------------------------------

def _candidate_clusters(signatures, grouping):
    """The duplicate clusters of the signatures seen so far (None without dedupe): final for the
    partitions they cover, candidates for the whole input, since later merges may join them."""
    if not grouping["dedupe"]:
        return None
    return signatures.clusters(near_duplicate_distance=grouping["near_duplicate_distance"])


def merge_summaries(*summaries):
    """Merges partition summaries (TermStats added, duplicate signatures merged and clustered
    again, counts summed, diagnostics in input order). Associative; a tree of merges of
    adjacent summaries keeps the signatures and diagnostics in input order."""
    if not summaries:
        raise ValueError("nothing to merge")
    summaries = sorted(summaries, key=lambda s: s["first"])
    with tweetdigest.TermStats.from_bytes(summaries[0]["stats"]) as stats:
        for other in summaries[1:]:
            with tweetdigest.TermStats.from_bytes(other["stats"]) as more:
                stats.merge(more)
        merged_stats = bytes(stats)
    signatures = tweetdigest.DuplicateSignatures(summaries[0]["signatures"])
    for other in summaries[1:]:
        signatures = signatures.merge(tweetdigest.DuplicateSignatures(other["signatures"]))
    diagnostics = [d for s in summaries for d in s["diagnostics"]][:MAX_DIAGNOSTICS]
    grouping = summaries[0]["grouping"]
    merged = {"first": summaries[0]["first"], "last": max(s["last"] for s in summaries),
              "stats": merged_stats, "signatures": bytes(signatures), "grouping": grouping,
              "clusters": _candidate_clusters(signatures, grouping), "diagnostics": diagnostics}
    for key in ("partitions", "window_tweets", "kept", "bytes_read", "records_bytes",
                "diagnostic_count"):
        merged[key] = sum(s[key] for s in summaries)
    return merged


def tree_reduce(items, merge, split_every=2, wrap=lambda function: function):
    """Merges items pairwise (split_every at a time) level by level: a tree of depth
    ceil(log_k n). wrap turns merge into the engine's lazy call (dask.delayed for Dask)."""
    if not items:
        raise ValueError("nothing to reduce")
    if split_every < 2:
        raise ValueError("split_every must be at least 2")
    call = wrap(merge)
    level = list(items)
    while len(level) > 1:
        level = [call(*level[i:i + split_every]) if len(level[i:i + split_every]) > 1
                 else level[i] for i in range(0, len(level), split_every)]
    return level[0]


# ---- Client -------------------------------------------------------------------------------------

def check_clusters(clusters, corpus):
    """Whether the clusters the workers' signatures give are the groups the client corpus
    formed: the same representatives in the same order (False points at a partition plan that
    split what one read would have seen together). Takes the corpus' ids from its signatures,
    one library call, rather than tweet by tweet."""
    if clusters is None:
        return None
    representatives = [signature["id"] for signature in corpus.duplicate_signatures()]
    return representatives == [cluster["ids"][0] for cluster in clusters]


def client_corpus(records, options, work_dir):
    """The corpus of the gathered window records: one file per input file (in input order) with
    its partitions' records in order, read as tweetdigest.read_corpus would read the inputs."""
    by_input = {}
    for part in sorted(records, key=lambda r: r["index"]):
        if part["data"]:
            by_input.setdefault(part["input"], (part["path"], []))[1].append(part["data"])
    if not by_input:
        return tweetdigest.corpus_from_bytes(b"", source_name="window records",
                                             **_read_options(options))
    files = []
    for number, (path, parts) in by_input.items():
        target = pathlib.Path(work_dir) / f"{number:05d}-{pathlib.Path(path).name}"
        with open(target, "wb") as handle:
            for data in parts:
                handle.write(data)
        files.append(target)
    return tweetdigest.read_corpus(files, **_read_options(options))


def build_outputs(corpus, merged, options, site=None, cloud=True, stats_out=None,
                  tweets_out=None, json_out=None, cloud_options=None):
    """Builds the digest of the client corpus and writes the outputs (the post and its word
    cloud under site, the merged stats, the day's tweets as the library's tweet JSON lines, the
    digest JSON). Returns {"markdown", "json", "post", "cloud", ...}."""
    digest_options = {key: value for key, value in options["digest"].items() if value is not None}
    result = {}
    with tweetdigest.digest(corpus, **digest_options, **options["terms"]) as report:
        result["markdown"] = report.to_markdown()
        result["json"] = report.to_json()
        result["post_path"] = report.post_path
        result["wordcloud_path"] = report.wordcloud_path
        if site is not None:
            post = pathlib.Path(site) / report.post_path
            post.parent.mkdir(parents=True, exist_ok=True)
            post.write_text(result["markdown"], encoding="utf-8")
            result["post"] = str(post)
            if cloud:
                image = pathlib.Path(site) / report.wordcloud_path
                image.parent.mkdir(parents=True, exist_ok=True)
                tweetdigest.cloud(report, image, **(cloud_options or {}))
                result["cloud"] = str(image)
    if json_out is not None:
        pathlib.Path(json_out).write_text(result["json"], encoding="utf-8")
    if stats_out is not None:
        pathlib.Path(stats_out).write_bytes(merged["stats"])
    if tweets_out is not None:
        with open(tweets_out, "w", encoding="utf-8") as handle:
            for tweet in corpus:
                handle.write(json.dumps(tweet, ensure_ascii=False) + "\n")
    return result


def run_job(client, paths, options, *, partition_bytes=DEFAULT_PARTITION_BYTES, split_every=2,
            timeout=None, work_dir=None, **outputs):
    """Runs the job on a dask.distributed Client and builds the outputs on this machine.
    Returns the build_outputs result plus "partitions" (the plan), "summary" (the merged
    counts and diagnostics, stats and signatures excluded), "corpus" (its summary), "clusters"
    (the day's duplicate clusters from the workers' signatures), "clusters_match" (whether the
    client corpus grouped its tweets the same way), "seconds" and "timings" (seconds per phase:
    "cluster" (plan, map, merge, gather), "client_read", "outputs")."""
    import dask
    from distributed import wait

    began = time.monotonic()
    partitions = plan_partitions(paths, partition_bytes, options["read"].get("format", "auto"))
    if not partitions:
        raise ValueError("no input files")
    mapped = [dask.delayed(map_partition, nout=2, pure=True)(partition, options)
              for partition in partitions]
    root = tree_reduce([summary for summary, _ in mapped], merge_summaries, split_every,
                       wrap=lambda f: dask.delayed(f, pure=True))
    futures = client.compute([root] + [records for _, records in mapped])
    try:
        wait(futures, timeout=timeout)
        merged, *records = client.gather(futures)
    finally:
        client.cancel(futures)  # the results are here (or the job failed): free the workers
    timings = {"cluster": time.monotonic() - began}

    clusters = merged["clusters"]
    with tempfile.TemporaryDirectory(prefix="tweetdigest-dask-", dir=work_dir) as folder:
        mark = time.monotonic()
        corpus = client_corpus(records, options, folder)
        timings["client_read"] = time.monotonic() - mark
    with corpus:
        del records  # the corpus holds the window now
        mark = time.monotonic()
        result = build_outputs(corpus, merged, options, **outputs)
        timings["outputs"] = time.monotonic() - mark
        result["corpus"] = corpus.summary
        result["clusters_match"] = check_clusters(clusters, corpus)
    with tweetdigest.TermStats.from_bytes(merged["stats"]) as stats:
        merged["stats_documents"], merged["stats_terms"] = stats.documents, stats.term_count
    result["summary"] = {key: value for key, value in merged.items()
                         if key not in ("stats", "signatures", "clusters")}
    result["clusters"] = clusters
    result["merged_stats"] = merged["stats"]
    result["partitions"] = partitions
    result["seconds"] = time.monotonic() - began
    result["timings"] = timings
    return result


# ---- Command line -------------------------------------------------------------------------------

def parse_size(text):
    """"64M", "512k", "1G" or a byte count."""
    match = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)(i?[bB])?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 64M)")
    value = int(match.group(1)) << {"": 0, "k": 10, "m": 20, "g": 30}[match.group(2).lower()]
    if value < 1:
        raise argparse.ArgumentTypeError("the size must be positive")
    return value


def _parser():
    parser = argparse.ArgumentParser(
        description="A day's digest and word cloud from tweet files, computed on a Dask cluster.")
    parser.add_argument("tweets", nargs="+", type=pathlib.Path,
                        help="tweet files (X API v2 JSONL pages, v1.1, archive, CSV; gzip read)")
    parser.add_argument("--date", required=True, help="the local day YYYY-MM-DD")
    parser.add_argument("--to", help="last local day of a longer window (default: --date)")
    parser.add_argument("--tz", default="Asia/Shanghai", help="IANA time zone of the day")
    parser.add_argument("--format", default="auto", choices=["auto", "v2", "v1", "archive", "csv"])
    parser.add_argument("--no-dedupe", dest="dedupe", action="store_false")
    parser.add_argument("--no-collapse-retweets", dest="collapse_retweets", action="store_false")
    parser.add_argument("--near-duplicate-distance", type=int)
    parser.add_argument("--language", default="zh", choices=["zh", "en"])
    parser.add_argument("--core-points", type=int)
    parser.add_argument("--cloud-terms", type=int)
    parser.add_argument("--generated-at", type=int, help="Unix seconds (default: end of window)")
    parser.add_argument("--top", type=int, help="term option: terms ranked")
    parser.add_argument("--min-frequency", type=int, help="term option")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("site"),
                        help="Jekyll site folder for the post and word cloud (default: ./site)")
    parser.add_argument("--no-cloud", dest="cloud", action="store_false")
    parser.add_argument("--width", type=int, help="word cloud width")
    parser.add_argument("--height", type=int, help="word cloud height")
    parser.add_argument("--json-out", type=pathlib.Path, help="also write the digest JSON here")
    parser.add_argument("--partition-stats-out", type=pathlib.Path,
                        help="also write the merged partition TermStats here (see README)")
    parser.add_argument("--tweets-out", type=pathlib.Path,
                        help="also write the day's tweets (library tweet JSON, one a line)")
    cluster = parser.add_argument_group("cluster")
    cluster.add_argument("--scheduler", metavar="ADDRESS",
                         help="a running scheduler, e.g. tcp://10.0.0.5:8786 (default: start a "
                              "LocalCluster on this machine)")
    cluster.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    cluster.add_argument("--threads-per-worker", type=int, default=1, help="LocalCluster threads")
    cluster.add_argument("--partition-size", type=parse_size, default=DEFAULT_PARTITION_BYTES,
                         help="cut JSONL files into ranges of about this size (default 64M)")
    cluster.add_argument("--split-every", type=int, default=2, help="merge tree fan-in")
    cluster.add_argument("--worker-threads", type=int, default=1,
                         help="library threads per worker call (0: one per core)")
    cluster.add_argument("--timeout", type=float, default=3600, help="seconds for the cluster part")
    cluster.add_argument("--work-dir", type=pathlib.Path,
                         help="where the client writes the gathered records (default: $TMPDIR)")
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    from distributed import Client, LocalCluster

    terms = {key: value for key, value in (("top", args.top), ("min_frequency", args.min_frequency))
             if value is not None}
    options = job_options(tz=args.tz, date=args.date, to=args.to, format=args.format,
                          dedupe=args.dedupe, collapse_retweets=args.collapse_retweets,
                          near_duplicate_distance=args.near_duplicate_distance,
                          language=args.language, core_points=args.core_points,
                          cloud_terms=args.cloud_terms, generated_at=args.generated_at,
                          terms=terms, worker_threads=args.worker_threads)
    cloud_options = {key: value for key, value in (("width", args.width), ("height", args.height))
                     if value is not None}
    paths = [str(path.resolve()) for path in args.tweets]
    missing = [path for path in paths if not os.path.isfile(path)]
    if missing:
        sys.exit(f"not a file: {', '.join(missing)}")

    if args.scheduler:
        cluster = None
        client = Client(args.scheduler, timeout=60)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        result = run_job(client, paths, options, partition_bytes=args.partition_size,
                         split_every=args.split_every, timeout=args.timeout,
                         work_dir=args.work_dir, site=args.out, cloud=args.cloud,
                         stats_out=args.partition_stats_out, tweets_out=args.tweets_out,
                         json_out=args.json_out, cloud_options=cloud_options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    summary = result["summary"]
    for diagnostic in summary["diagnostics"][:5]:
        print(f"{diagnostic['source']}: byte {diagnostic['byte_offset']}: "
              f"{diagnostic['severity']}: {diagnostic['message']}", file=sys.stderr)
    print(json.dumps({
        "post": result.get("post"), "cloud": result.get("cloud"),
        "partitions": summary["partitions"], "bytes_read": summary["bytes_read"],
        "records_bytes": summary["records_bytes"], "window_tweets": summary["window_tweets"],
        "kept": result["corpus"]["tweets"], "partition_kept": summary["kept"],
        "merged_stats_documents": summary["stats_documents"],
        "duplicate_clusters": None if result["clusters"] is None else len(result["clusters"]),
        "grouped_tweets": None if result["clusters"] is None else
        sum(len(cluster["ids"]) for cluster in result["clusters"] if len(cluster["ids"]) > 1),
        "clusters_match_corpus": result["clusters_match"],
        "diagnostics": summary["diagnostic_count"], "seconds": round(result["seconds"], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
