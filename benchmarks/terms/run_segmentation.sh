#!/bin/sh
# Segmentation benchmark: tweetdigest vs ICU's word BreakIterator vs python3-jieba (HMM on/off),
# same text, same run, each scored with the official SIGHAN `score` script.
# usage: benchmarks/terms/run_segmentation.sh BUILD_DIR [SHARED_DATA_DIR]
# (BUILD_DIR: a Release build with TWEETDIGEST_BUILD_BENCHMARKS=ON and the terms benchmarks built)
set -eu
build=${1:?usage: run_segmentation.sh BUILD_DIR [SHARED_DATA_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
data=${2:-$here/../../../shared/data}/segmentation
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python=/usr/bin/python3

row() {  # name json_line output_file
    scores=$(perl "$data/score" "$data/pku_training_words.utf8" "$data/pku_test_gold.utf8" "$3" | tail -14)
    f1=$(printf '%s\n' "$scores" | sed -n 's/^=== F MEASURE:\t*//p')
    oov=$(printf '%s\n' "$scores" | sed -n 's/^=== OOV Recall Rate:\t*//p')
    cps=$(printf '%s\n' "$2" | sed -n 's/.*"chars_per_second": *\([0-9]*\).*/\1/p')
    printf '%-22s %14s %8s %12s\n' "$1" "$cps" "$f1" "$oov"
    printf '%s\n' "$2" >> "$out/results.jsonl"
}

printf '%-22s %14s %8s %12s\n' segmenter chars/s F1 "OOV recall"
ours=$("$build/benchmarks/terms/terms_segmentation_benchmark" "$data/pku_test.utf8" "$out/ours.txt")
row tweetdigest "$ours" "$out/ours.txt"
icu=$("$build/benchmarks/terms/terms_icu_segmentation_benchmark" "$data/pku_test.utf8" "$out/icu.txt")
row icu-breakiterator "$icu" "$out/icu.txt"
if "$python" -c 'import jieba' 2>/dev/null; then
    for mode in hmm nohmm; do
        line=$("$python" "$here/jieba_segmentation.py" "$data/pku_test.utf8" "$out/jieba_$mode.txt" "$mode" 2>/dev/null)
        row "jieba-$mode" "$line" "$out/jieba_$mode.txt"
    done
else
    echo "python3-jieba is not installed (apt-get install -y python3-jieba): jieba rows skipped" >&2
fi
echo "--- machine-readable results"
cat "$out/results.jsonl"
