#!/usr/bin/env bash
# bench/clean_report.sh -- what cleaning drops from real articles, by reason.
#
#   bench/clean_report.sh [--list [REASON]] [FILE.jsonl ...]
#
# Runs `storyline inspect` on the given JSON lines (default: the events-dev
# set under ../shared/data, read at run time, never stored in the repo) and
# prints, for each reason, how many pieces were dropped, from how many
# articles, and how many characters; then the share of the input's
# characters dropped.  With --list, also every dropped piece (of REASON, or
# all), one a line as "id<TAB>reason<TAB>text", for spot checks of false
# drops.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${STORYLINE:-build/storyline}
SHARED=${SL_SHARED:-../shared}
LIST=0 WANT=
if [ "${1:-}" = --list ]; then
    LIST=1; shift
    case "${1:-}" in ""|*.jsonl) ;; *) WANT=$1; shift ;; esac
fi
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || FILES=("$SHARED/data/events-dev/articles.jsonl")
for f in "${FILES[@]}"; do
    [ -f "$f" ] || { echo "skip: $f not found"; exit 0; }
done
[ -x "$BIN" ] || make -s -j2
"$BIN" inspect "${FILES[@]}" | python3 -c '
import json, sys, collections
lst, want = sys.argv[1] == "1", sys.argv[2]
pieces, arts, chars = collections.Counter(), collections.defaultdict(set), collections.Counter()
n = kept = dropped = 0
rows = []
for line in sys.stdin:
    a = json.loads(line)
    n += 1
    kept += sum(len(p) for p in a["paragraphs"])
    for d in a["dropped"]:
        r = d["reason"]
        pieces[r] += 1
        arts[r].add(a["id"])
        chars[r] += len(d["text"])
        dropped += len(d["text"])
        if lst and (not want or r == want):
            rows.append("%s\t%s\t%s" % (a["id"], r, d["text"].replace("\n", " | ")))
print("%d articles; %d pieces dropped from %d of them" % (
    n, sum(pieces.values()), len(set().union(*arts.values())) if arts else 0))
print("%-20s %7s %9s %8s" % ("reason", "pieces", "articles", "chars"))
for r, k in pieces.most_common():
    print("%-20s %7d %9d %8d" % (r, k, len(arts[r]), chars[r]))
total = kept + dropped
print("dropped %.2f%% of %d characters" % (100.0 * dropped / total if total else 0, total))
for row in rows:
    print(row)
' "$LIST" "$WANT"
