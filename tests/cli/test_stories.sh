# End-to-end tests of `storyline stories`, `storyline top` and
# `storyline similarity`: the examples, articles written here, the seeds
# when present, and the odd cases (one article, no titles, no dates, a
# language few sources write in).
. "$(dirname "$0")/lib.sh"

# py FILE EXPR: EXPR evaluated with `d` the JSON in FILE.
py() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

# --- usage -------------------------------------------------------------------
out=$("$STORYLINE" stories --help); expect "stories: help exits 0" "$?" 0
expect_match "stories: help names the fields" "$out" "timeline"
out=$("$STORYLINE" top --help); expect "top: help exits 0" "$?" 0
"$STORYLINE" stories >/dev/null 2>&1; expect "stories: no path exits 2" "$?" 2
"$STORYLINE" top --limit 0 examples >/dev/null 2>&1; expect "top: --limit 0 exits 2" "$?" 2
out=$("$STORYLINE" similarity --help); expect "similarity: help exits 0" "$?" 0
"$STORYLINE" similarity examples/text/antwerp-strike-en.txt >/dev/null 2>&1; expect "similarity: one article exits 2" "$?" 2

# --- the examples -----------------------------------------------------------------
J=$TMP/ex.json
"$STORYLINE" stories examples >"$J"; expect "examples: exit 0" "$?" 0
expect "examples: the contract fields" "$(py "$J" 'sorted(d["stories"][0])')" \
  "['article_count', 'articles', 'dates', 'entities', 'events', 'headline', 'id', 'languages', 'score', 'sources', 'summary', 'timeline']"
expect "examples: the CLI lists every article" "$(py "$J" 'all(s["article_count"] == len(s["articles"]) for s in d["stories"])')" "True"
expect "examples: most important first" "$(py "$J" '[s["score"] for s in d["stories"]] == sorted([s["score"] for s in d["stories"]], reverse=True)')" "True"
expect "examples: the strike story leads, in six languages" "$(py "$J" 'sorted(d["stories"][0]["languages"])')" "['de', 'en', 'es', 'fr', 'nl', 'ru']"
expect "examples: the headline is a real title of the story" \
  "$(py "$J" 'd["stories"][0]["headline"] in [a["title"] for a in d["stories"][0]["articles"]]')" "True"
expect "examples: summary from several sources, each sentence once" \
  "$(py "$J" '(len({l["article"] for l in d["stories"][0]["summary"]}) >= 2, len({l["text"] for l in d["stories"][0]["summary"]}) == len(d["stories"][0]["summary"]))')" "(True, True)"
expect "examples: 3 to 5 summary sentences" "$(py "$J" '3 <= len(d["stories"][0]["summary"]) <= 5')" "True"
expect "examples: timeline in date order" "$(py "$J" '[t["date"] for t in d["stories"][0]["timeline"]] == sorted(t["date"] for t in d["stories"][0]["timeline"])')" "True"
expect "examples: names counted" "$(py "$J" '[e["count"] >= 2 for e in d["stories"][0]["entities"][:2]]')" "[True, True]"
expect "examples: undated articles get an inferred date" \
  "$(py "$J" '[(a["date"] is not None, a["date_inferred"]) for s in d["stories"] for a in s["articles"] if a["id"] == "strike-ends-en"][0]')" "(True, True)"
expect "examples: --lang es prefers a Spanish headline" \
  "$("$STORYLINE" stories --lang es examples | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["headline"])')" \
  "Termina la huelga en el puerto de Amberes tras un acuerdo sobre las pensiones"
expect "examples: --lang filters" "$("$STORYLINE" stories --lang ru examples | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["stories"]))')" 1
out=$("$STORYLINE" stories --format text examples)
expect_match "examples: the digest has a timeline" "$out" "timeline:"
expect_match "examples: the digest has a summary with sources" "$out" "- .*\[antwerp-strike-[a-z]+, [a-z]+\]"
expect "top: at most --limit" "$("$STORYLINE" top --limit 1 examples | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["stories"]))')" 1
expect "top: the same leader" "$("$STORYLINE" top examples | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')" "$(py "$J" 'd["stories"][0]["id"]')"

# --- odd cases ------------------------------------------------------------------------
O=$TMP/odd.jsonl
python3 - >"$O" <<'PY'
import json
print(json.dumps({"id": "solo", "text": "Beekeepers in the valley of Orvane counted a record honey harvest this summer. The cooperative said prices would fall."}))
print(json.dumps({"id": "sw1", "lang": "sw", "text": "Wakulima wa chai katika kaunti ya Kerugoya wamepata mvua nyingi mwaka huu. Bei ya chai imepanda sokoni."}))
print(json.dumps({"id": "sw2", "lang": "sw", "text": "Mvua nyingi katika kaunti ya Kerugoya imesaidia wakulima wa chai mwaka huu, na bei ya chai imepanda."}))
PY
"$STORYLINE" stories "$O" >"$TMP/odd.json"; expect "odd: exit 0" "$?" 0
expect "odd: a story of one undated, untitled article" \
  "$(py "$TMP/odd.json" '[(s["headline"][:20], s["dates"]["first"], len(s["summary"])) for s in d["stories"] if s["articles"][0]["id"] == "solo"][0]')" \
  "('Beekeepers in the va', None, 2)"
expect "odd: Swahili reports meet" "$(py "$TMP/odd.json" '[sorted(a["id"] for a in s["articles"]) for s in d["stories"] if "sw1" in [a["id"] for a in s["articles"]]][0]')" "['sw1', 'sw2']"

# --- similarity -----------------------------------------------------------------------
E=examples/text
s() { "$STORYLINE" similarity "$@" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.2f %s" % (r["score"], r["same_event"]))'; }
sim_en_nl=$(s $E/antwerp-strike-en.txt $E/antwerp-strike-nl.txt)
sim_en_ski=$(s $E/antwerp-strike-en.txt $E/ski-record-en.txt)
expect "similarity: English and Dutch strike reports are the same event" "${sim_en_nl#* }" "True"
expect "similarity: the strike and the ski record are unrelated" "${sim_en_ski#* }" "False"
expect "similarity: scores in 1..4, strike pair above ski pair" \
  "$(python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(1<=b<a<=4)' "${sim_en_nl% *}" "${sim_en_ski% *}")" "True"
out=$("$STORYLINE" similarity --in examples/feed.jsonl fr-greve-anvers es-fin-huelga)
expect_match "similarity: ids with --in, parts shown" "$out" '"parts":\{"terms":'
"$STORYLINE" similarity --in examples/feed.jsonl fr-greve-anvers nope >/dev/null 2>"$TMP/sim.err"
expect "similarity: an unknown id exits 1" "$?" 1
expect_match "similarity: and says which" "$(cat "$TMP/sim.err")" "nope: no such article"

# Plain files name no site: the digest then gives no count of sources, not "0 sources".
mkdir -p "$TMP/nosite"
printf 'Ferry strike stops Saltmere crossings\n\nFerry crews on the Saltmere crossing stopped work on Monday over pay, the union said.\n' >"$TMP/nosite/a.txt"
printf 'Saltmere ferry crews strike\n\nNo ferry left Saltmere on Monday as crews went on strike over pay, according to the union.\n' >"$TMP/nosite/b.txt"
out=$("$STORYLINE" stories --format text "$TMP/nosite")
expect_match "digest: articles with no site are counted" "$out" "2 articles, score|1 article, score"
expect "digest: and no 0 sources is claimed" "$(grep -c '0 sources' <<<"$out")" 0

# --- the seeds (when present) -----------------------------------------------------------
S=$SL_SHARED/seeds
if [ ! -d "$S" ]; then
    echo "skip seeds: $S not found"
else
    "$STORYLINE" stories "$S" >"$TMP/seeds.json"
    expect "seeds: one story holds all five" "$(py "$TMP/seeds.json" 'sorted(len(s["articles"]) for s in d["stories"])')" "[5]"
    expect "seeds: the timeline opens with the January call, inferred" \
      "$(py "$TMP/seeds.json" '(d["stories"][0]["timeline"][0]["date"], d["stories"][0]["timeline"][0]["inferred"])')" "('2020-01-08', True)"
    expect "seeds: and ends with the postponed talks of mid-June" \
      "$(py "$TMP/seeds.json" 'd["stories"][0]["timeline"][-1]["date"] in ("2020-06-14", "2020-06-15")')" "True"
    expect "seeds: the summary quotes at least two sources, no sentence twice" \
      "$(py "$TMP/seeds.json" '(len({l["article"] for l in d["stories"][0]["summary"]}) >= 2, len({l["text"] for l in d["stories"][0]["summary"]}) == len(d["stories"][0]["summary"]))')" "(True, True)"
    ss() { s "$S"/000_*.txt "$S"/"$1"_*.txt | cut -d' ' -f1; }
    expect "seeds: similarity(000, 001) >= 3.5, (000, 004) >= 3.5 (English, Dutch)" \
      "$(python3 -c 'import sys; print(all(float(x) >= 3.5 for x in sys.argv[1:]))' "$(ss 001)" "$(ss 004)")" "True"
fi

# --- the digest, against a golden file written by the project -----------------------
# After a deliberate change: SL_UPDATE_GOLDEN=1 bash tests/cli/test_stories.sh
G=$(dirname "$0")/golden/stories-examples.txt
"$STORYLINE" stories --format text examples >"$TMP/digest.txt"
if [ "${SL_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$TMP/digest.txt" "$G"; fi
if diff -u "$G" "$TMP/digest.txt" >"$TMP/digest.diff"; then
    ok "digest: the examples read as the golden file says"
else
    fail "digest: the examples read as the golden file says" "$(head -30 "$TMP/digest.diff")"
fi
