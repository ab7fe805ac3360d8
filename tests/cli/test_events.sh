# End-to-end tests of `storyline events` and `storyline eval`: the bundled
# examples, articles written here, the seeds when present, bad input, and
# the properties users rely on (ids that stay, order that does not matter).
. "$(dirname "$0")/lib.sh"

# events FILE: the JSON of `storyline events FILE` (stdout only).
ev() { "$STORYLINE" events "$@" 2>/dev/null; }
# groups JSON: each event's sorted article ids, one event a line, sorted.
groups() {
    python3 -c '
import json, sys
for g in sorted(" ".join(sorted(e["articles"])) for e in json.load(sys.stdin)["events"]):
    print(g)'
}
# together FILE A B: "yes" if articles A and B share an event in FILE.
together() {
    python3 - "$@" <<'PY'
import json, sys
ev = json.load(open(sys.argv[1]))["events"]
a, b = sys.argv[2:]
print("yes" if any(a in e["articles"] and b in e["articles"] for e in ev) else "no")
PY
}

# --- usage -------------------------------------------------------------------
out=$("$STORYLINE" events --help); expect "help exits 0" "$?" 0
expect_match "help documents the options" "$out" "--threshold P.*"
"$STORYLINE" events >/dev/null 2>&1; expect "no path exits 2" "$?" 2
"$STORYLINE" events --threshold 2 examples >/dev/null 2>&1; expect "bad threshold exits 2" "$?" 2
"$STORYLINE" events --window x examples >/dev/null 2>&1; expect "bad window exits 2" "$?" 2

# --- the examples --------------------------------------------------------------
J=$TMP/ex.json
ev examples >"$J"; expect "examples: exit 0" "$?" 0
expect "examples: contract fields" "$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["events"][0]; print(sorted(e))' "$J")" \
  "['articles', 'date', 'headline', 'id', 'languages', 'merged', 'score', 'why']"
expect "examples: the strike across six languages is one event" \
  "$(for id in antwerp-strike-nl fr-greve-anvers ru-zabastovka-antverpen antwerp-strike-de; do together "$J" antwerp-strike-en $id; done | sort -u)" "yes"
expect "examples: the ski record is not the strike" "$(together "$J" antwerp-strike-en ski-record-en)" "no"
expect "examples: the ski record in German and English is one event" "$(together "$J" ski-record-en de-skisprung-rekord)" "yes"
expect "examples: largest first" "$(python3 -c 'import json,sys; n=[len(e["articles"]) for e in json.load(open(sys.argv[1]))["events"]]; print(n == sorted(n, reverse=True))' "$J")" "True"
expect "examples: why says what holds it" "$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["events"][0]; print(bool(e["why"]["entities"]), "strike" in e["why"]["terms"])' "$J")" "True True"
out=$("$STORYLINE" events --format text examples)
expect_match "examples: text digest" "$out" "^== e[0-9]+ "

# --- articles written here ------------------------------------------------------
W=$TMP/w.jsonl
python3 - >"$W" <<'PY'
import json
rows = [
 ("q1", "en", "2024-04-02", "A strong earthquake of magnitude 6.8 struck the coastal city of Veltmar on Tuesday, killing at least 40 people and toppling old buildings in the harbour district, the civil protection agency said."),
 ("q2", "en", "2024-04-02", "Rescuers in Veltmar searched collapsed buildings through the night after the magnitude 6.8 earthquake; the death toll rose to 52, the civil protection agency said on Tuesday."),
 ("q3", "de", "2024-04-03", "Nach dem schweren Erdbeben der Stärke 6,8 in der Küstenstadt Veltmar ist die Zahl der Toten auf 61 gestiegen, teilte der Zivilschutz mit. Rettungskräfte suchen weiter nach Verschütteten."),
 ("q4", "fr", "2024-04-03", "Le bilan du séisme de magnitude 6,8 qui a frappé la ville côtière de Veltmar s'est alourdi à 61 morts, selon la protection civile, qui poursuit les recherches dans les décombres."),
 ("f1", "en", "2024-04-02", "The national football federation named Corina Albescu as head coach of the women's team on Tuesday, the first woman to hold the post, on a contract running to the 2027 World Cup."),
 ("f2", "es", "2024-04-02", "La federación nacional de fútbol nombró el martes a Corina Albescu seleccionadora del equipo femenino, la primera mujer en el cargo, con un contrato hasta el Mundial de 2027."),
 ("x1", "en", None, ""),
]
for i, lang, d, t in rows:
    r = {"id": i, "text": t}
    if d: r["date"] = d
    print(json.dumps(r, ensure_ascii=False))
PY
"$STORYLINE" events "$W" >"$TMP/w.json" 2>"$TMP/w.err"; rc=$?
expect "written: an article with no text is reported and skipped (exit 1)" "$rc" 1
expect_match "written: the skip names the article" "$(cat "$TMP/w.err")" "x1: no usable text|empty"
expect "written: the quake in three languages is one event" "$(groups <"$TMP/w.json" | grep q1)" "q1 q2 q3 q4"
expect "written: the coach in two languages is another" "$(groups <"$TMP/w.json" | grep f1)" "f1 f2"

# Order within a day does not change the events.
python3 -c 'import sys; l=open(sys.argv[1]).readlines(); sys.stdout.writelines(l[::-1])' "$W" >"$TMP/rev.jsonl"
expect "written: the order of articles within a day does not matter" \
  "$(ev "$TMP/rev.jsonl" | groups)" "$(groups <"$TMP/w.json")"

# Ids stay: adding articles later never renames the events already there.
id_of() { python3 -c 'import json,sys; print([e["id"] for e in json.load(sys.stdin)["events"] if sys.argv[1] in e["articles"]][0])' "$1"; }
head -2 "$W" >"$TMP/first.jsonl"
before=$(ev "$TMP/first.jsonl" | id_of q1)
after=$(ev "$W" | id_of q1)
expect "written: the event keeps its id as articles are added" "$after" "$before"

# The threshold is how sure storyline must be: lower merges more.
nev() { "$STORYLINE" events "$@" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["events"]))'; }
expect "written: --threshold 0.05 merges the two events" "$(nev --threshold 0.05 "$W")" 1
expect "written: --threshold 0.999 keeps them apart" "$(nev --threshold 0.999 "$W")" 2

# --- bad input ----------------------------------------------------------------------
printf '{"id":"a","text":"Fine text about a port strike in a city."}\n{not json\n' >"$TMP/bad.jsonl"
"$STORYLINE" events "$TMP/bad.jsonl" >"$TMP/bad.json" 2>"$TMP/bad.err"; rc=$?
expect "bad input: exit 1" "$rc" 1
expect_match "bad input: file and line named" "$(cat "$TMP/bad.err")" "bad.jsonl:2: invalid JSON"
expect "bad input: the rest is clustered" "$(groups <"$TMP/bad.json")" "a"
: >"$TMP/empty.jsonl"
expect "empty input: no events" "$(ev "$TMP/empty.jsonl")" '{"events":[]}'

# --- eval ---------------------------------------------------------------------------
G=$TMP/gold.jsonl
python3 - "$W" >"$G" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    a = json.loads(l)
    if not a["text"]: continue
    a["event"] = "Q" if a["id"].startswith("q") else "F"
    a["story"] = a["event"]
    a["lang"] = {"q3": "de", "q4": "fr", "f2": "es"}.get(a["id"], "en")
    print(json.dumps(a))
PY
out=$("$STORYLINE" eval events --gold "$G"); rc=$?
expect "eval: exit 0" "$rc" 0
expect_match "eval: perfect events score 1" "$out" "^events +storyline +BCubed P 1.000 R 1.000 F1 1.000"
expect_match "eval: stories scored" "$out" "^stories "
printf '{"events":[{"articles":["q1","q2","f1","f2"]},{"articles":["q3","q4"]}]}' >"$TMP/pred.json"
out=$("$STORYLINE" eval events --gold "$G" --name peer "$TMP/pred.json")
expect_match "eval: a prediction file, named" "$out" "^events +peer +BCubed P 0.667"
expect_match "eval: cross-language pairs of it" "$out" "cross-language P 0.500 R 0.333"
"$STORYLINE" eval events >/dev/null 2>&1; expect "eval: no --gold exits 2" "$?" 2
"$STORYLINE" eval events --gold "$TMP/nope.jsonl" >/dev/null 2>&1; expect "eval: a missing gold file exits 2" "$?" 2

# --- the seeds (when present) ------------------------------------------------------
S=$SL_SHARED/seeds
if [ ! -d "$S" ]; then
    echo "skip seeds: $S not found"
else
    ev "$S" >"$TMP/seeds.json"
    expect "seeds: 000, 001 and 004 are one event" \
      "$(together "$TMP/seeds.json" 000_e184e448936dc852 001_00b5391e9eb45450) $(together "$TMP/seeds.json" 000_e184e448936dc852 004_cc0427c7cf8f5707)" "yes yes"
    expect "seeds: 002 (January) is another event" "$(together "$TMP/seeds.json" 000_e184e448936dc852 002_f0d499858d5dfc96)" "no"
    expect "seeds: 001 and the Dutch 004 share an event" "$(together "$TMP/seeds.json" 001_00b5391e9eb45450 004_cc0427c7cf8f5707)" "yes"
fi
