#!/bin/bash
# Builds a minimal Jekyll site holding generated posts (zh and en) and checks the HTML: the build
# succeeds, every section is there, the word cloud resolves, no tweet injected a tag or script.
# Then renders the zh page with headless Chromium and checks the screenshot is not blank.
#   jekyll_site_test.sh MAKE_POST OUTPUT_DIR
set -euo pipefail
make_post=$1
out=$2

if ! command -v jekyll >/dev/null; then
    echo "skipped: jekyll is not installed (apt-get install -y jekyll)"
    exit 77
fi

site=$out/site
rm -rf "$site"
mkdir -p "$site/_layouts"
cat > "$site/_config.yml" <<'YAML'
title: tweetdigest test site
markdown: kramdown
YAML
cat > "$site/_layouts/post.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ page.title }}</title>
<link rel="stylesheet" href="{{ '/assets/site.css' | relative_url }}"></head>
<body><article>{{ content }}</article></body></html>
HTML
mkdir -p "$site/assets"
cat > "$site/assets/site.css" <<'CSS'
body { font-family: "Noto Sans CJK SC", sans-serif; max-width: 960px; margin: 2em auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 4px; }
img { max-width: 100%; }
CSS

mapfile -t paths < <("$make_post" "$site")
zh_post=${paths[0]}
en_post=${paths[1]}
image=${paths[2]}
# A stand-in for the word cloud the CLI writes: a 240x120 gradient PNG.
python3 - "$site/$image" <<'PY'
import struct, sys, zlib, os
w, h = 240, 120
rows = b"".join(b"\x00" + b"".join(bytes((x, y * 2, 160)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY

(cd "$site" && jekyll build --quiet -d _site) || { echo "FAIL: jekyll build"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

html_of() {  # _posts/2026-01-25-slug.md -> _site/2026/01/25/slug.html
    local name=${1#_posts/}
    local date=${name:0:10}
    local slug=${name:11}
    echo "$site/_site/${date:0:4}/${date:5:2}/${date:8:2}/${slug%.md}.html"
}

check_page() {
    local html=$1; shift
    [ -f "$html" ] || { fail "no page $html"; return; }
    for heading in "$@"; do
        grep -q ">$heading</h[23]>" "$html" || fail "$html: section '$heading' missing"
    done
    for bad in '<script' '<iframe' 'onerror' '<style>body' 'href="javascript:' 'src="x"' '<!-- comment' \
               'evil.example/pixel.png"' '<h1' 'layout: evil' '<code>' '<del>' '<sup' '<dl>' '<blockquote>'; do
        grep -qF -- "$bad" "$html" && fail "$html: injected '$bad'"
    done
    # Liquid ran before Markdown, so tweet text shows its braces as text and was never evaluated.
    grep -qF '{{ site.github.api_token }} leaked?' "$html" || fail "$html: Liquid text of a tweet is not shown as text"
    grep -qF '49 funding' "$html" && fail "$html: Liquid from a tweet was evaluated"
    local links
    links=$(grep -o 'href="https://x.com/[A-Za-z0-9_]*/status/[0-9]*"' "$html" | wc -l)
    [ "$links" -ge 10 ] || fail "$html: only $links citation links"
    local src
    src=$(grep -o '<img src="[^"]*"' "$html" | head -1 | sed 's/<img src="//; s/"$//')
    [ -n "$src" ] && [ -f "$site/_site$src" ] || fail "$html: word cloud '$src' does not resolve"
    grep -q '<table' "$html" || fail "$html: no table"
    return 0
}

zh_html=$(html_of "$zh_post")
en_html=$(html_of "$en_post")
check_page "$zh_html" 简要概述 核心要点 详细分析 重要观点 关键事件 股票与加密货币 专项分析 \
    人工智能相关内容 金融市场相关内容 结论与建议 免责声明 词云分析
check_page "$en_html" Summary "Core Points" "Detailed Analysis" "Key Views" "Key Events" \
    "Stocks and Crypto" "Topic Analysis" "Artificial Intelligence" "Financial Markets" \
    "Conclusions and Recommendations" Disclaimer "Word Cloud"
grep -q '<ol>' "$zh_html" || fail "core points are not a numbered list"
[ "$(grep -o '<li>' "$zh_html" | wc -l)" -ge 10 ] || fail "fewer than ten list items"

if command -v chromium >/dev/null; then
    shot=$out/jekyll_zh.png
    rm -f "$shot"
    # Served over HTTP so that the site-absolute image path resolves as it would when published.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/_site" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    sleep 1
    page=${zh_html#"$site/_site"}
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=1200,3400 --screenshot="$shot" "http://127.0.0.1:$port$page" >/dev/null 2>&1 || true
    kill "$server" 2>/dev/null || true
    python3 - "$shot" <<'PY' || fail "screenshot missing or blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h, depth, ctype = struct.unpack(">IIBB", data[16:26])
idat, pos = b"", 8
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4}[ctype]
stride = w * channels
rows, previous = [], bytearray(stride)
for y in range(h):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b = previous[i]
        c = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    previous = line
dark = sum(1 for y in range(0, h, 4) for x in range(0, w, 4) if rows[y][x * channels] < 128)
share = dark / ((h // 4) * (w // 4))
print(f"screenshot {w}x{h}, dark share {share:.3f}")
assert 0.005 < share < 0.6, "the page looks blank"
PY
    echo "screenshot: $shot"
else
    echo "note: chromium is not installed; no screenshot taken"
fi

[ "$failures" -eq 0 ] || exit 1
echo "jekyll site OK: $zh_html $en_html"
