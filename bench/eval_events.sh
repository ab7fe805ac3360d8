#!/usr/bin/env bash
# bench/eval_events.sh -- event, story and copy quality on the labelled sets,
# storyline and the scikit-learn peer side by side, same settings for all.
#
#   bench/eval_events.sh [SHARED_DIR]      (default ../shared)
#
# events-dev is the development set the defaults were tuned on (its figures
# are in-sample); ecbplus is measured with the same settings.  The peer is
# bench/peers/sklearn_events.py with its threshold tuned on events-dev.
set -u
cd "$(dirname "$0")/.."
SHARED=${1:-${SL_SHARED:-../shared}}
SL=${STORYLINE:-build/storyline}
PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for set in events-dev ecbplus; do
    gold=$SHARED/data/$set/articles.jsonl
    if [ ! -f "$gold" ]; then echo "skip $set: $gold not found"; continue; fi
    echo "== $set ($(wc -l <"$gold") articles)"
    start=$(date +%s.%N)
    "$SL" eval events --gold "$gold"
    end=$(date +%s.%N)
    if $PY -c 'import sklearn' 2>/dev/null; then
        $PY bench/peers/sklearn_events.py "$gold" >"$tmp/peer.json"
        "$SL" eval events --gold "$gold" --name peer "$tmp/peer.json"
    else
        echo "peer: skipped (python3-sklearn not installed)"
    fi
    printf 'storyline took %.1f s\n' "$(echo "$end - $start" | bc)"
done
S=$SHARED/seeds
if [ -d "$S" ]; then
    echo "== seeds"
    "$SL" events --format text "$S"
fi
