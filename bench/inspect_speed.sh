#!/usr/bin/env bash
# bench/inspect_speed.sh -- throughput of `storyline inspect` beside `wc -w`
# on the same bytes, in the same run (the machine is shared and noisy, so
# only the ratio means much).
#
#   bench/inspect_speed.sh [COPIES]     (default 60)
#
# Builds, at bench time, from ../shared/data (never stored in the repo):
#   - a JSON lines file: events-dev articles replayed COPIES times with new ids;
#   - a folder of text files: the same texts, one file each (up to 20,000);
#   - a folder of HTML pages: the readability pages, replayed.
# Prints MB/s, articles/s and the ratio to wc -w: median of 3 runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SL_SHARED:-../shared}
BIN=${STORYLINE:-build/storyline}
COPIES=${1:-60}
DEV=$SHARED/data/events-dev/articles.jsonl
PAGES=$SHARED/data/readability-pages
if [ ! -f "$DEV" ]; then echo "skip: $DEV not found"; exit 0; fi
[ -x "$BIN" ] || make -s -j2
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT

python3 - "$DEV" "$COPIES" "$W" "$PAGES" <<'PY'
import json, os, sys, shutil
dev, copies, out, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [json.loads(l) for l in open(dev, encoding="utf-8")]
os.makedirs(out + "/text"); os.makedirs(out + "/html")
n = 0
with open(out + "/big.jsonl", "w", encoding="utf-8") as f, open(out + "/text.all", "w", encoding="utf-8") as t:
    for c in range(copies):
        for r in rows:
            r2 = {k: r[k] for k in ("url", "title", "date", "text") if r.get(k)}
            r2["id"] = "%s-%d" % (r["id"], c)
            f.write(json.dumps(r2, ensure_ascii=False) + "\n")
            if n < 20000:
                with open("%s/text/%s.txt" % (out, r2["id"]), "w", encoding="utf-8") as g:
                    g.write(r["text"])
                t.write(r["text"] + "\n")
            n += 1
k = 0
if os.path.isdir(pages):
    names = sorted(os.listdir(pages))
    for c in range(4):
        for d in names:
            src = os.path.join(pages, d, "source.html")
            if os.path.isfile(src):
                shutil.copy(src, "%s/html/%s-%d.html" % (out, d, c)); k += 1
print("corpus: %d JSON lines, %d text files, %d HTML pages" % (n, min(n, 20000), k), file=sys.stderr)
PY

python3 - "$BIN" "$W" <<'PY'
import os, subprocess, sys, time
bin_, w = sys.argv[1], sys.argv[2]

def med(cmd):
    ts = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append(time.perf_counter() - t)
    return sorted(ts)[1]

def size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))

def report(name, path, n, wc_cmd):
    mb = size(path) / 1e6
    t, tw = med([bin_, "inspect", path]), med(wc_cmd)
    print("inspect %-5s %7.1f MB/s %8.0f articles/s   %.2fx wc -w (wc -w: %.0f MB/s)   median of 3, %d articles, %.1f MB"
          % (name, mb / t, n / t, tw / t, mb / tw, n, mb))

report("jsonl", w + "/big.jsonl", sum(1 for _ in open(w + "/big.jsonl", "rb")), ["wc", "-w", w + "/big.jsonl"])
report("text", w + "/text", len(os.listdir(w + "/text")), ["wc", "-w", w + "/text.all"])
html = os.listdir(w + "/html")
if html:
    report("html", w + "/html", len(html), ["sh", "-c", "cat %s/html/* | wc -w" % w])
PY
