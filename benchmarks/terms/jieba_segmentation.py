"""python3-jieba on the same text: jieba.cut with HMM on or off, timed like the C++ benchmarks.

usage: python3 jieba_segmentation.py TEST_TEXT OUTPUT hmm|nohmm   (prints one JSON object)
Needs Debian's python3-jieba (apt-get install -y python3-jieba); run it with /usr/bin/python3.
"""
import json
import sys
import time

import jieba


def main():
    source, output, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    hmm = mode == "hmm"
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    chars = sum(len(line) for line in lines)
    start = time.perf_counter()
    jieba.setLogLevel(60)
    jieba.initialize()
    load = time.perf_counter() - start
    best = None
    result = None
    for _ in range(3):
        start = time.perf_counter()
        result = ["  ".join(w for w in jieba.cut(line, HMM=hmm) if w.strip()) for line in lines]
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(result) + "\n")
    print(json.dumps({"segmenter": "jieba-" + mode, "jieba_version": jieba.__version__, "lines": len(lines),
                      "chars": chars, "dictionary_load_seconds": round(load, 4),
                      "segment_seconds": round(best, 5), "chars_per_second": round(chars / best),
                      "output": output}))


if __name__ == "__main__":
    main()
