#!/usr/bin/env bash
# bench/events_speed.sh -- throughput of `storyline events` (and `inspect`)
# on streams of 10,000 and 100,000 articles (and 1,000,000 with an
# argument), beside `wc -w` on the same file, with the time per article
# (flat when the pipeline scales) and the peak memory.
#
#   bench/events_speed.sh          10k and 100k
#   bench/events_speed.sh 1m       also 1M (about 1.1 GB of JSON lines, and
#                                  long: run it on a quiet machine)
#
# Streams are built at bench time by bench/make_stream.py, replaying
# ../shared/data/events-dev (never stored in the repository), in a temporary
# folder removed on exit.  Times are CPU time (user + system) of one
# process, the median of 3 runs for 10k and one run beyond; the machine may
# be shared, and CPU time moves less than wall time there.  Peak memory is
# /usr/bin/time -v's "Maximum resident set size" (scripts/packages.d/
# bench.txt installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SL_SHARED:-../shared}
BIN=${STORYLINE:-build/storyline}
DEV=$SHARED/data/events-dev/articles.jsonl
if [ ! -f "$DEV" ]; then echo "skip: $DEV not found"; exit 0; fi
if [ ! -x /usr/bin/time ]; then echo "skip: /usr/bin/time missing (scripts/setup.sh installs it)"; exit 0; fi
[ -x "$BIN" ] || make -s -j2
SIZES="10000 100000"
case "${1:-}" in
    1m|1M|1000000) SIZES="$SIZES 1000000" ;;
    "") ;;
    *) echo "usage: bench/events_speed.sh [1m]" >&2; exit 2 ;;
esac
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT

python3 - "$BIN" "$W" "$DEV" $SIZES <<'PY'
import os, re, statistics, subprocess, sys
bin_, w, dev, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(x) for x in sys.argv[4:]]

def run(cmd):
    """CPU seconds (user + system) and peak RSS (MB) of one run."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", p.stderr).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return user + sys_, rss / 1024

def med(cmd, runs):
    rs = [run(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in rs), max(r[1] for r in rs)

rows = []
for n in sizes:
    path = os.path.join(w, "s%d.jsonl" % n)
    subprocess.run([sys.executable, "bench/make_stream.py", str(n), path, dev], check=True)
    mb = os.path.getsize(path) / 1e6
    runs = 3 if n <= 10000 else 1
    tw, _ = med(["wc", "-w", path], runs)
    verbs = ["events", "inspect"] if n <= 100000 else ["events"]
    for verb in verbs:
        t, rss = med([bin_, verb, path], runs)
        print("%-7s %8d articles %7.1f MB: %7.0f articles/s %6.2f MB/s %8.1f us/article"
              "  %.3fx wc -w (wc -w %.0f MB/s)  peak %.0f MB  (%s)"
              % (verb, n, mb, n / t, mb / t, t / n * 1e6, tw / t, mb / tw, rss,
                 "median of 3" if runs == 3 else "1 run"), flush=True)
    os.remove(path)
PY
