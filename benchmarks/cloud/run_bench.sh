#!/bin/bash
# Side-by-side word-cloud benchmark: this engine vs amueller/word_cloud on the anchor's three
# frequency lists, same font file and face (NotoSansCJK-Regular.ttc face 0, what word_cloud
# uses), seeds 1 2 3. Not part of ctest.
#   BENCH=path/to/cloud_benchmark (default build/cloud-release/benchmarks/cloud/cloud_benchmark)
#   OUTDIR=where images and JSON go (default build/cloud-release/bench-out)
#   RUNS=layout repetitions per seed (median), SEEDS="1 2 3"
#   ANCHOR=run|recorded  run anchor.py (needs python3-wordcloud) or use its RESULTS.md numbers
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-$ROOT/build/cloud-release/benchmarks/cloud/cloud_benchmark}
OUTDIR=${OUTDIR:-$ROOT/build/cloud-release/bench-out}
RUNS=${RUNS:-5}
SEEDS=${SEEDS:-"1 2 3"}
ANCHOR_DIR=${ANCHOR_DIR:-/work/shared/bench/wordcloud-anchor}
FONT=${FONT_PATH:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
ANCHOR=${ANCHOR:-run}
mkdir -p "$OUTDIR"
CASES="mixed200:800:600 mixed1000:1600:1200 en200:800:600"

if [ "$ANCHOR" = run ] && ! /usr/bin/python3 -c "import wordcloud" 2>/dev/null; then
  echo "# python3-wordcloud is not importable: using the anchor's recorded RESULTS.md numbers" >&2
  ANCHOR=recorded
fi

for c in $CASES; do
  IFS=: read -r name w h <<<"$c"
  for s in $SEEDS; do
    "$BENCH" "$ANCHOR_DIR/freqs/$name.tsv" "$w" "$h" "$s" "$FONT" 0 "$RUNS" \
      "$OUTDIR/${name}_s${s}_face0" > "$OUTDIR/${name}_s${s}_face0.bench.json"
    if [ "$ANCHOR" = run ]; then
      FONT_PATH="$FONT" /usr/bin/python3 "$ANCHOR_DIR/anchor.py" "$ANCHOR_DIR/freqs/$name.tsv" \
        "$w" "$h" "$s" "$OUTDIR/${name}_s${s}_wordcloud.png" "$OUTDIR/${name}_s${s}_wordcloud.json"
    fi
  done
  # The Chinese-forms (SC face) images for looking at.
  "$BENCH" "$ANCHOR_DIR/freqs/$name.tsv" "$w" "$h" 1 "$FONT" -1 1 "$OUTDIR/${name}_s1_sc" > /dev/null
done

python3 - "$OUTDIR" "$ANCHOR" "$ANCHOR_DIR" $CASES <<'PY'
import glob, json, re, statistics as st, sys
outdir, anchor, anchor_dir, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
recorded = {}
if anchor == "recorded":
    text = open(anchor_dir + "/RESULTS.md", encoding="utf-8").read()
    block = text.split("## `./run_all.sh`", 1)[1]
    for line in block.splitlines():
        m = re.match(r"(\w+)\s+\d+x\d+ .*layout_s=([\d.]+) draw_s=([\d.]+) peak_rss_mb=([\d.]+) "
                     r"spearman=([\d.]+) .*ink=([\d.]+)", line)
        if m and m.group(1) not in recorded:
            recorded[m.group(1)] = dict(layout_s=float(m.group(2)), draw_s=float(m.group(3)),
                                        peak_rss_mb=float(m.group(4)), spearman=float(m.group(5)),
                                        ink_coverage=float(m.group(6)), placement_rate=1.0)
print("%-10s %-10s %10s %7s %8s %7s %7s %7s %7s %8s %8s" % (
    "case", "engine", "layout_ms", "ratio", "draw_ms", "rss_mb", "placed", "overlap", "clipped",
    "spearman", "coverage"))
for c in cases:
    name = c.split(":")[0]
    ours = [json.load(open(p)) for p in sorted(glob.glob("%s/%s_s*_face0.bench.json" % (outdir, name)))]
    m = lambda k: st.median(r[k] for r in ours)
    if anchor == "run":
        wc = [json.load(open(p)) for p in sorted(glob.glob("%s/%s_s*_wordcloud.json" % (outdir, name)))]
        ref = dict(layout_s=st.median(r["layout_s"] for r in wc), draw_s=st.median(r["draw_s"] for r in wc),
                   peak_rss_mb=st.median(r["peak_rss_mb"] for r in wc),
                   spearman=st.median(r["spearman_weight_vs_size"] for r in wc),
                   ink_coverage=st.median(r["ink_coverage"] for r in wc),
                   placement_rate=st.median(r["n_placed"] / r["n_input"] for r in wc))
    else:
        ref = recorded[name]
    print("%-10s %-10s %10.1f %6.1fx %8.1f %7.1f %6.1f%% %7d %7d %8.4f %8.3f" % (
        name, "ours", m("layout_ms"), ref["layout_s"] * 1000 / m("layout_ms"), m("draw_ms"),
        m("peak_rss_mb"), 100 * m("placement_rate"), max(r["overlap_px"] for r in ours),
        max(r["clipped_px"] for r in ours), m("spearman"), m("ink_coverage")))
    print("%-10s %-10s %10.1f %7s %8.1f %7.1f %6.1f%% %7s %7s %8.4f %8.3f" % (
        "", "word_cloud" + ("*" if anchor == "recorded" else ""), ref["layout_s"] * 1000, "1.0x",
        ref["draw_s"] * 1000, ref["peak_rss_mb"], 100 * ref["placement_rate"], "-", "-",
        ref["spearman"], ref["ink_coverage"]))
if anchor == "recorded":
    print("* word_cloud medians recorded on this machine in %s/RESULTS.md" % anchor_dir)
PY
