#!/usr/bin/env python3
"""examples/dask/digest_job.py on a LocalCluster against a single process of the binding, on one
day of tweets: wall time per phase, the client's peak RSS, bytes sent to the client, and whether
the post, the report JSON, the word cloud and the duplicate clusters agree.

    TWEETDIGEST_LIBRARY=build/bench/capi/libtweetdigest_c.so PYTHONPATH=bindings/python \\
        python3 benchmarks/dask/dask_job_benchmark.py DAY.jsonl --date 2026-01-25 \\
        [--workers 2] [--partition-size 64M] [--json results.json]

Generate a day with build/bench/benchmarks/end_to_end/end_to_end_benchmark --tweets N --keep.
The single-process run goes first in a child process, so each side's peak RSS is its own.
"""
import argparse
import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "dask"))


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def single_process(args, out):
    """Runs in a child: read_corpus, digest, cloud, as the binding's user would."""
    import tweetdigest
    timings = {}
    began = time.monotonic()
    with tweetdigest.read_corpus(args.tweets, tz=args.tz, date=args.date) as corpus:
        timings["read"] = time.monotonic() - began
        mark = time.monotonic()
        with tweetdigest.digest(corpus, language=args.language) as report:
            markdown, report_json = report.to_markdown(), report.to_json()
            timings["digest"] = time.monotonic() - mark
            mark = time.monotonic()
            cloud = tweetdigest.cloud(report)
            timings["cloud"] = time.monotonic() - mark
        groups = [(t["id"], t["dup_count"]) for t in corpus]
    timings["total"] = time.monotonic() - began
    pathlib.Path(out).write_text(json.dumps({
        "timings": timings, "peak_rss_mb": peak_rss_mb(), "markdown": markdown,
        "json": report_json, "cloud_bytes": len(cloud), "cloud": cloud.hex(), "groups": groups}))


def cluster_run(args, site):
    import digest_job
    from distributed import Client, LocalCluster
    options = digest_job.job_options(tz=args.tz, date=args.date, language=args.language)
    began = time.monotonic()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(args.workers, timeout=60)
        started = time.monotonic() - began
        result = digest_job.run_job(client, args.tweets, options,
                                    partition_bytes=args.partition_size, timeout=3600,
                                    site=site)
        workers_rss = [w["metrics"]["memory"] / 2**20
                       for w in client.scheduler_info()["workers"].values()]
    return result, started, workers_rss


def main():
    import digest_job
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tweets", nargs="+")
    parser.add_argument("--date", required=True)
    parser.add_argument("--tz", default="Asia/Shanghai")
    parser.add_argument("--language", default="zh")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=digest_job.parse_size, default=64 << 20)
    parser.add_argument("--json", type=pathlib.Path, help="also write the results here")
    parser.add_argument("--single-process-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single_process_out:
        single_process(args, args.single_process_out)
        return

    with tempfile.TemporaryDirectory(prefix="tweetdigest-dask-bench-") as scratch:
        single_out = pathlib.Path(scratch) / "single.json"
        subprocess.run([sys.executable, __file__, *sys.argv[1:],
                        "--single-process-out", str(single_out)], check=True)
        single = json.loads(single_out.read_text())
        result, cluster_start, workers_rss = cluster_run(args, pathlib.Path(scratch) / "site")
        cloud = pathlib.Path(result["cloud"]).read_bytes().hex()

    summary = result["summary"]
    report = {
        "input_bytes": summary["bytes_read"], "partitions": summary["partitions"],
        "workers": args.workers, "records_bytes_to_client": summary["records_bytes"],
        "window_tweets": summary["window_tweets"], "kept": result["corpus"]["tweets"],
        "duplicate_clusters": len(result["clusters"]),
        "single_process": {"seconds": single["timings"], "peak_rss_mb": round(single["peak_rss_mb"])},
        "dask": {"cluster_start_seconds": round(cluster_start, 2),
                 "seconds": {key: round(value, 2) for key, value in result["timings"].items()},
                 "job_seconds": round(result["seconds"], 2),
                 "client_peak_rss_mb": round(peak_rss_mb()),
                 "worker_rss_mb_at_end": [round(value) for value in workers_rss]},
        "same_post": result["markdown"] == single["markdown"],
        "same_report_json": result["json"] == single["json"],
        "same_cloud": cloud == single["cloud"],
        "clusters_equal_single_process_groups":
            [[c["ids"][0], len(c["ids"])] for c in result["clusters"]] == single["groups"],
        "clusters_match_client_corpus": result["clusters_match"],
    }
    report["single_process"]["seconds"] = {k: round(v, 2) for k, v in single["timings"].items()}
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
