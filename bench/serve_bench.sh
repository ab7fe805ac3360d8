#!/usr/bin/env bash
# bench/serve_bench.sh -- the service's speed under load, from a second
# process on loopback (build/bench/serve_load).
#
#   bench/serve_bench.sh [SECONDS]      (default 20 per phase)
#
#   1. writes: a fresh store; PUTs of ~3 KB articles (events-dev texts,
#      cut or repeated to 3,000 bytes) at 5,000/s from 128 connections, each
#      acknowledged only once durable.  Prints the rate reached and the
#      latency percentiles (from when each PUT was due, so a server that
#      falls behind pays for it), and the server's own view (/metrics).
#   2. reads while writing: a store of 100,000 articles (built once with
#      bench/serve_corpus.py + `storyline ingest` in $SL_BENCH_DIR, default
#      /tmp/storyline-bench); GET /stories?limit=20 50 times a second while
#      PUTs go on at 1,000/s.
# Each phase ends with the server's own view from /metrics: its latency
# per route and per stage of a write (check: read and checked on the
# request thread; queue: waiting for the store thread; commit: in the
# transaction until durable; answer: from durable to the answer sent),
# and per transaction of the store thread, its parts (writes: applying the
# PUTs and DELETEs; notes: the worker's analyses and the search index;
# expire: the sweep, once a second; sync: COMMIT until the log is synced).
# The machine is shared: the load average at the start of each phase is
# printed beside the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-20}
SHARED=${SL_SHARED:-../shared}
BIN=${STORYLINE:-build/storyline}
LOAD=${SERVE_LOAD:-build/bench/serve_load}
DIR=${SL_BENCH_DIR:-/tmp/storyline-bench}
DEV=$SHARED/data/events-dev/articles.jsonl
[ -f "$DEV" ] || { echo "skip: $DEV not found"; exit 0; }
[ -x "$BIN" ] && [ -x "$LOAD" ] || make -s -j2
mkdir -p "$DIR"
W=$(mktemp -d); trap 'kill "$pid" 2>/dev/null; rm -rf "$W"' EXIT
pid=""

. bench/serve_lib.sh
serve() { serve_start "$BIN" "$1" "$W/serve.log" --quiet; } # sets pid and port

server_view() { # the server's own latencies for PUT and GET /stories
    curl -s "http://127.0.0.1:$port/metrics" | python3 -c '
import json, sys
m = json.load(sys.stdin)
r = m["requests"]
for k in ("put", "stories"):
    if k in r:
        print("  server %-8s count %d  p50 %.2f ms  p99 %.2f ms" % (k, r[k]["count"], r[k]["p50_ms"], r[k]["p99_ms"]))
w = m["write_stages"]
print("  write stages p99: " + ", ".join("%s %.2f ms" % (k, w[k]["p99_ms"]) for k in ("check", "queue", "commit", "answer") if k in w))
t = m["transaction"]
print("  transaction parts p50 / p99: " + ", ".join("%s %.2f / %.2f ms" % (k, t[k]["p50_ms"], t[k]["p99_ms"]) for k in ("writes", "notes", "expire", "sync") if k in t))
s = m["store"]
print("  store: %d commits, %.1f writes per commit, %.2f ms per commit; index: %d articles, %d waiting"
      % (s["commits"], s["writes_per_commit"], s["commit_ms_avg"], m["index"]["articles"], m["index"]["pending"]))'
}

echo "== writes: PUT ~3 KB articles at 5,000/s for $SECS s (load average $(cut -d' ' -f1 /proc/loadavg))"
serve "$W/writes.db"
"$LOAD" --port "$port" --seconds "$SECS" --rate 5000 --connections 128 --size 3000 \
    --articles "$DEV" --prefix w-
server_view
kill -TERM "$pid"; wait "$pid"

DB=$DIR/stories-100000.db
if [ ! -f "$DB" ]; then
    python3 bench/serve_corpus.py "$DEV" 100000 "$W/corpus.jsonl"
    t0=$(date +%s)
    "$BIN" ingest --db "$DB.tmp" "$W/corpus.jsonl" 2>"$W/ingest.log"
    mv "$DB.tmp" "$DB"
    echo "(built $DB: 100,000 articles ingested in $(( $(date +%s) - t0 )) s)"
fi
cp "$DB" "$W/reads.db"
sync "$W/reads.db" # else the server's first checkpoint pays for writing out the copy
echo "== reads while writing: GET /stories 50/s over 100,000 articles, PUTs at 1,000/s, $SECS s (load average $(cut -d' ' -f1 /proc/loadavg))"
serve "$W/reads.db"
curl -s -o /dev/null "http://127.0.0.1:$port/stories?limit=20" # the first answer is computed, then cached
"$LOAD" --port "$port" --seconds "$SECS" --rate 1000 --connections 16 --size 3000 \
    --articles "$DEV" --prefix r- --get-path '/stories?limit=20' --get-rate 50
server_view
kill -TERM "$pid"; wait "$pid"
pid=""
