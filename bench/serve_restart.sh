#!/usr/bin/env bash
# bench/serve_restart.sh -- how long `storyline serve` takes to be ready
# again over a store of N articles (default 1,000,000).
#
#   bench/serve_restart.sh [N] [RUNS]      (RUNS default 3)
#
# The store is built once at bench time, in $SL_BENCH_DIR (default
# /tmp/storyline-bench, never in the repository): bench/serve_corpus.py
# replays ../shared/data/events-dev with new ids, shifted dates and changed
# names, and `storyline ingest` stores and indexes it (slow: every article
# is analysed once; the time is printed).  Then, RUNS times: start the
# server, time until GET /health answers 200 (the index is restored: every
# pack into its saved event) and until the first GET /stories answers
# (stories linked and described), then stop it with SIGTERM.
# Prints the median of the runs, and the server's memory.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-3}
SHARED=${SL_SHARED:-../shared}
BIN=${STORYLINE:-build/storyline}
DIR=${SL_BENCH_DIR:-/tmp/storyline-bench}
DEV=$SHARED/data/events-dev/articles.jsonl
[ -f "$DEV" ] || { echo "skip: $DEV not found"; exit 0; }
[ -x "$BIN" ] || make -s -j2
mkdir -p "$DIR"
DB=$DIR/restart-$N.db

now() { date +%s.%N; }
. bench/serve_lib.sh

if [ ! -f "$DB" ]; then
    python3 bench/serve_corpus.py "$DEV" "$N" "$DIR/corpus-$N.jsonl"
    t0=$(now)
    "$BIN" ingest --db "$DB.tmp" "$DIR/corpus-$N.jsonl" 2>"$DIR/ingest-$N.log" || true
    t1=$(now)
    for f in "$DB.tmp"*; do mv "$f" "${f/.tmp/}"; done
    rm -f "$DIR/corpus-$N.jsonl"
    printf 'ingest: %d articles stored in %.0f s (%s)\n' "$N" \
        "$(echo "$t1 - $t0" | bc)" "$(tr '\r' '\n' <"$DIR/ingest-$N.log" | tail -1)"
fi

ready_s=() stories_s=()
for r in $(seq 1 "$RUNS"); do
    t0=$(now)
    serve_start "$BIN" "$DB" "$DIR/serve-$N-$r.log" # sets pid and port
    t1=$(now)
    curl -s -o /dev/null "http://127.0.0.1:$port/stories?limit=20"
    t2=$(now)
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    articles=$(curl -s "http://127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["indexed"])')
    kill -TERM "$pid"
    wait "$pid"
    ready_s+=("$(echo "$t1 - $t0" | bc)")
    stories_s+=("$(echo "$t2 - $t0" | bc)")
    printf 'run %d: ready in %.2f s, first /stories at %.2f s, %s articles in the index, RSS %s MB\n' \
        "$r" "${ready_s[-1]}" "${stories_s[-1]}" "$articles" "$rss"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'restart: %d stored articles ready to serve in %.2f s, first GET /stories at %.2f s (median of %d)\n' \
    "$N" "$(median "${ready_s[@]}")" "$(median "${stories_s[@]}")" "$RUNS"
