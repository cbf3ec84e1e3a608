#!/usr/bin/env python3
"""A day's report and word cloud from Python.

    digest_example.py [TWEETS.jsonl] [SITE_DIR]

Reads the tweets (default: the sample data), picks the busiest local day, writes the Jekyll post
and its word cloud into SITE_DIR (default: ./site) and prints the top terms.
"""
import collections
import pathlib
import sys

import tweetdigest

HERE = pathlib.Path(__file__).resolve().parent


def busiest_day(corpus):
    days = collections.Counter(tweet["local_date"] for tweet in corpus if "local_date" in tweet)
    return days.most_common(1)[0][0] if days else None


def main(tweets, site):
    with tweetdigest.read_corpus(tweets, tz="Asia/Shanghai") as everything:
        day = busiest_day(everything)
    if day is None:
        sys.exit(f"no tweets in {tweets}")

    with tweetdigest.read_corpus(tweets, tz="Asia/Shanghai", date=day) as corpus:
        for diagnostic in corpus.diagnostics[:5]:
            print(diagnostic, file=sys.stderr)
        print(f"{day}: {len(corpus)} tweets")
        print("top terms:", ", ".join(term.display for term in tweetdigest.terms(corpus, top=10)))

        with tweetdigest.digest(corpus, language="zh") as report:
            post = site / report.post_path
            post.parent.mkdir(parents=True, exist_ok=True)
            post.write_text(report.to_markdown(), encoding="utf-8")
            image = site / report.wordcloud_path
            image.parent.mkdir(parents=True, exist_ok=True)
            tweetdigest.cloud(report, image, width=1200, height=800)
            print(f"post:       {post}")
            print(f"word cloud: {image}")
            for point in report.core_points[:3]:
                print(f"- {point.title}")


if __name__ == "__main__":
    tweets = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "data" / "sample_tweets.jsonl"
    site = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path("site")
    main(tweets, site)
