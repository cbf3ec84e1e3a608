#!/usr/bin/env python3
"""The Dask job's functions driven by PySpark instead. UNTESTED: PySpark is not part of the
project's test setup; this file only shows that the job needs nothing Dask-specific.

    spark-submit --py-files digest_job.py spark_variant.py TWEETS... --date 2026-01-25 --out site

Executors need what Dask workers need (README.md): libtweetdigest_c (TWEETDIGEST_LIBRARY, e.g.
spark.executorEnv.TWEETDIGEST_LIBRARY), the tweetdigest package on their PYTHONPATH, and the
input files at the same paths.
"""
import argparse
import pathlib
import tempfile

import digest_job


def run_spark(spark, paths, options, *, partition_bytes=digest_job.DEFAULT_PARTITION_BYTES,
              depth=2, **outputs):
    sc = spark.sparkContext
    partitions = digest_job.plan_partitions(paths, partition_bytes, options["read"]["format"])
    mapped = sc.parallelize(partitions, numSlices=len(partitions)) \
        .map(lambda partition: digest_job.map_partition(partition, options)).cache()
    # treeReduce may merge summaries that are not adjacent: the stats, the counts and which
    # signatures form which cluster do not depend on the order; the order of the (capped)
    # diagnostics list and of the non-representative ids within a cluster do.
    merged = mapped.map(lambda pair: pair[0]).treeReduce(digest_job.merge_summaries, depth=depth)
    records = mapped.map(lambda pair: pair[1]).collect()  # in partition order
    mapped.unpersist()
    with tempfile.TemporaryDirectory(prefix="tweetdigest-spark-") as folder, \
            digest_job.client_corpus(records, options, folder) as corpus:
        del records
        return digest_job.build_outputs(corpus, merged, options, **outputs)


def main():
    parser = argparse.ArgumentParser(description="The Dask digest job on PySpark (untested).")
    parser.add_argument("tweets", nargs="+", type=pathlib.Path)
    parser.add_argument("--date", required=True)
    parser.add_argument("--tz", default="Asia/Shanghai")
    parser.add_argument("--language", default="zh", choices=["zh", "en"])
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("site"))
    parser.add_argument("--partition-size", type=digest_job.parse_size,
                        default=digest_job.DEFAULT_PARTITION_BYTES)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("tweetdigest").getOrCreate()
    try:
        options = digest_job.job_options(tz=args.tz, date=args.date, language=args.language)
        result = run_spark(spark, [str(p.resolve()) for p in args.tweets], options,
                           partition_bytes=args.partition_size, site=args.out)
        print(result["post"])
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
