#!/usr/bin/env bash
# bench/similarity.sh -- `storyline similarity` against the labelled pairs,
# beside the peers, same settings for every set.
#
#   bench/similarity.sh [SHARED_DIR]      (default ../shared)
#
# events-dev is the development set the weights were fitted on (in-sample);
# ecbplus and tgnews-pairs are measured only.  Peers: scikit-learn TF-IDF
# cosine (fitted on each file's own texts) and, on en_train_pool, the
# contest entry's own score.
set -u
cd "$(dirname "$0")/.."
SHARED=${1:-${SL_SHARED:-../shared}}
EVAL=build/bench/similarity_eval
PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -x "$EVAL" ] || { echo "build first: make -j2"; exit 2; }
for set in events-dev ecbplus; do
    f=$SHARED/data/$set/articles.jsonl
    [ -f "$f" ] && "$EVAL" --gold "$f" || echo "skip $set: $f not found"
done
for f in "$SHARED"/data/tgnews-pairs/*.tsv; do
    [ -f "$f" ] || { echo "skip tgnews-pairs: not found"; break; }
    $PY bench/tgnews_pairs.py "$f" "$tmp/a.jsonl" "$tmp/p.tsv" >"$tmp/peer.txt"
    "$EVAL" --pairs "$tmp/p.tsv" --articles "$tmp/a.jsonl" | sed "s|$tmp/p.tsv|$(basename "$f")|"
    cat "$tmp/peer.txt"
done
