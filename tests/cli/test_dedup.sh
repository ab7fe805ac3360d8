# End-to-end tests of `storyline dedup` on the fixtures of tests/dedup/fixtures
# (written for these tests: a wire story and its repost, light edit,
# extension and truncation, its Dutch translation, two texts quoting the same
# statement, an unrelated story, headlines, a text without words), on bad
# input, on a saved index, and on the seeds when ../shared is present.
. "$(dirname "$0")/lib.sh"
F=tests/dedup/fixtures

# groups FILE: the groups of a dedup JSON output, one line each: "kind: ids"
# (ids sorted), lines sorted -- or "invalid: ..." if it is not the contract.
groups() {
    python3 - "$1" <<'PY'
import json, sys
try:
    o = json.load(open(sys.argv[1], encoding="utf-8"))
    assert list(o) == ["groups"]
    out = []
    for g in o["groups"]:
        assert sorted(g) == ["articles", "kind"] and g["kind"] in ("exact", "near", "contains")
        assert len(g["articles"]) >= 2
        out.append("%s: %s" % (g["kind"], " ".join(sorted(g["articles"]))))
    print("\n".join(sorted(out)) if out else "none")
except Exception as e:
    print("invalid: %r" % e)
PY
}

# --- usage -----------------------------------------------------------------
out=$("$STORYLINE" --help); expect_match "help lists dedup" "$out" "dedup PATH"
out=$("$STORYLINE" dedup --help); rc=$?
expect "dedup --help exits 0" "$rc" 0
expect_match "dedup --help documents --format" "$out" "--format json\|text"
expect_match "dedup --help documents --index" "$out" "--index FILE"
"$STORYLINE" dedup >/dev/null 2>&1; expect "no path exits 2" "$?" 2
"$STORYLINE" dedup --bogus $F >/dev/null 2>&1; expect "unknown option exits 2" "$?" 2
"$STORYLINE" dedup --format yaml $F >/dev/null 2>&1; expect "bad format exits 2" "$?" 2
"$STORYLINE" dedup $F --index >/dev/null 2>&1; expect "--index without FILE exits 2" "$?" 2

# --- the fixtures ------------------------------------------------------------
WANT="contains: local-extended wire-base wire-edited wire-repost wire-truncated
exact: headline-a headline-b"
"$STORYLINE" dedup $F >"$TMP/f.json" 2>"$TMP/err"; rc=$?
expect "fixtures: exit 0" "$rc" 0
expect "fixtures: no messages" "$(cat "$TMP/err")" ""
expect "fixtures: one JSON object, one line" "$(wc -l <"$TMP/f.json" | tr -d ' ')" 1
expect "fixtures: the copy groups" "$(groups "$TMP/f.json")" "$WANT"
expect "fixtures: group lists articles in reading order" \
  "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["groups"][1]["articles"][0])' "$TMP/f.json")" \
  "local-extended"
for id in wire-nl museum-reopens mayor-quote ferry-statement headline-c no-words; do
    expect "fixtures: $id copies nothing" "$(grep -c "\"$id\"" "$TMP/f.json")" 0
done

# the same articles in other orders give the same groups
ls $F/*.txt | sort -r >"$TMP/rev"
"$STORYLINE" dedup $(cat "$TMP/rev") >"$TMP/r.json" 2>/dev/null
expect "order: reversed, same groups" "$(groups "$TMP/r.json")" "$WANT"
ls $F/*.txt | awk 'NR % 2' >"$TMP/odd"; ls $F/*.txt | awk '!(NR % 2)' >"$TMP/even"
"$STORYLINE" dedup $(cat "$TMP/even") $(cat "$TMP/odd") >"$TMP/s.json" 2>/dev/null
expect "order: interleaved, same groups" "$(groups "$TMP/s.json")" "$WANT"

out=$("$STORYLINE" dedup --format text $F)
expect_match "text: a line per group" "$out" "^exact +headline-a headline-b$"
expect_match "text: a summary" "$out" "2 copy groups \(7 articles\) among 13 articles"

# --- standard input and JSON lines ------------------------------------------------
out=$("$STORYLINE" dedup - $F/wire-repost.txt <$F/wire-base.txt | python3 -c 'import json,sys; print(json.load(sys.stdin)["groups"])')
expect "stdin: a text article joins its copy" "$out" "[{'kind': 'exact', 'articles': ['stdin', 'wire-repost']}]"
python3 - "$F" >"$TMP/feed.jsonl" <<'PY'
import json, sys, os
d = sys.argv[1]
for n in ("wire-base", "museum-reopens", "wire-truncated"):
    t = open(os.path.join(d, n + ".txt"), encoding="utf-8").read()
    print(json.dumps({"id": "j-" + n, "text": t}))
PY
"$STORYLINE" dedup "$TMP/feed.jsonl" >"$TMP/j.json"
expect "jsonl: copies found" "$(groups "$TMP/j.json")" "contains: j-wire-base j-wire-truncated"

# --- ids read twice ------------------------------------------------------------------
"$STORYLINE" dedup $F $F/wire-base.txt >"$TMP/d.json" 2>"$TMP/err"; rc=$?
expect "twice: exit 1" "$rc" 1
expect_match "twice: reported" "$(cat "$TMP/err")" "wire-base: id already in the copy index"
expect "twice: groups unchanged" "$(groups "$TMP/d.json")" "$WANT"

# --- a saved index ---------------------------------------------------------------------
IDX=$TMP/copies.idx
"$STORYLINE" dedup --index "$IDX" $F/wire-base.txt $F/museum-reopens.txt >"$TMP/i1.json"; rc=$?
expect "index: first run exits 0" "$rc" 0
expect "index: first run, no copies" "$(groups "$TMP/i1.json")" "none"
expect "index: file written" "$(test -s "$IDX" && echo yes)" "yes"
"$STORYLINE" dedup --index="$IDX" $F/wire-repost.txt >"$TMP/i2.json"; rc=$?
expect "index: second run exits 0" "$rc" 0
expect "index: copy found across runs" "$(groups "$TMP/i2.json")" "exact: wire-base wire-repost"
"$STORYLINE" dedup --index "$IDX" $F/wire-repost.txt >/dev/null 2>"$TMP/err"
expect_match "index: an id already saved is reported" "$(cat "$TMP/err")" "wire-repost: id already"
printf 'junk' | dd of="$IDX" bs=1 seek=100 conv=notrunc 2>/dev/null
"$STORYLINE" dedup --index "$IDX" $F/wire-edited.txt >"$TMP/i3.json" 2>"$TMP/err"; rc=$?
expect "index: corrupt file exits 1" "$rc" 1
expect_match "index: corrupt file reported" "$(cat "$TMP/err")" "copies.idx: corrupt \(checksum mismatch\)"
expect "index: nothing printed for a corrupt file" "$(cat "$TMP/i3.json")" ""
head -c 50 "$TMP/i1.json" >"$IDX"
"$STORYLINE" dedup --index "$IDX" $F/wire-edited.txt >/dev/null 2>"$TMP/err"
expect_match "index: foreign file reported" "$(cat "$TMP/err")" "copies.idx: (not a copy index|truncated)"

# --- the examples: translations of one story are not copies -------------------------
"$STORYLINE" dedup examples >"$TMP/e.json"; rc=$?
expect "examples: exit 0" "$rc" 0
expect "examples: translations are not copies" "$(groups "$TMP/e.json")" "none"

# --- the seeds (five different reports) ---------------------------------------------
if [ -d "$SL_SHARED/seeds" ]; then
    "$STORYLINE" dedup "$SL_SHARED/seeds" >"$TMP/seeds.json" 2>"$TMP/err"; rc=$?
    expect "seeds: exit 0" "$rc" 0
    expect "seeds: no copies" "$(cat "$TMP/seeds.json")" '{"groups":[]}'
else
    echo "skip seeds: $SL_SHARED/seeds not found"
fi
