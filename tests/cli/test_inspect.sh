# End-to-end tests of `storyline inspect` on the bundled examples, on bad
# input, and on the seeds when ../shared is present.
. "$(dirname "$0")/lib.sh"

# --- usage -----------------------------------------------------------------
out=$("$STORYLINE" --help); rc=$?
expect "help exits 0" "$rc" 0
expect_match "help lists inspect" "$out" "inspect PATH"
out=$("$STORYLINE" inspect --help); expect_match "inspect --help documents --format" "$out" "--format json\|text"
"$STORYLINE" frobnicate >/dev/null 2>&1; expect "unknown verb exits 2" "$?" 2
"$STORYLINE" inspect --bogus examples >/dev/null 2>&1; expect "unknown option exits 2" "$?" 2
"$STORYLINE" inspect >/dev/null 2>&1; expect "no path exits 2" "$?" 2
"$STORYLINE" inspect --format yaml examples >/dev/null 2>&1; expect "bad format exits 2" "$?" 2
out=$("$STORYLINE" --version); expect_match "version" "$out" "^storyline [0-9]+\.[0-9]+\.[0-9]+$"

# --- the examples ----------------------------------------------------------
J=$TMP/examples.jsonl
"$STORYLINE" inspect examples >"$J" 2>"$TMP/err"; rc=$?
expect "examples: exit 0" "$rc" 0
expect "examples: no messages" "$(cat "$TMP/err")" ""
expect "examples: 9 valid JSON lines" "$(valid_jsonl "$J")" 9
expect "examples: contract fields" "$(art "$J" antwerp-strike-en 'sorted(a.keys())')" \
  "['date', 'date_precision', 'dates', 'dropped', 'entities', 'id', 'invalid_bytes', 'lang', 'lang_confidence', 'paragraphs', 'site', 'text', 'title', 'url']"
expect "examples: day marker" "$(art "$J" antwerp-strike-en 'a["date"], a["date_precision"]')" "('2026-03-02', 'day')"
expect "examples: month marker" "$(art "$J" antwerp-strike-nl 'a["date"], a["date_precision"]')" "('2026-03', 'month')"
expect "examples: undated" "$(art "$J" ski-record-en 'a["date"], a["date_precision"]')" "(None, 'none')"
expect "examples: title line" "$(art "$J" strike-ends-en 'a["title"]')" "Antwerp dock strike ends after overnight deal on pensions"
expect "examples: jsonl fields" "$(art "$J" fr-greve-anvers 'a["site"], a["date"]')" "('Journal des Ports', '2026-03-02')"
expect "examples: text is the paragraphs" "$(art "$J" es-fin-huelga 'a["text"] == "\n\n".join(a["paragraphs"])')" "True"
expect "examples: languages" "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["lang"] for l in open(sys.argv[1])))' "$J")" \
  "fr es ru de de en nl en en"
expect "examples: html metadata" "$(art "$J" antwerp-strike-de '(a["title"], a["site"], a["date"], a["url"])')" \
  "('Streik legt Hafen Antwerpen lahm', 'Nordsee Kurier', '2026-03-02', 'https://nordsee-kurier.example/wirtschaft/2026/03/02/streik-hafen-antwerpen')"
expect "examples: html main text only" "$(art "$J" antwerp-strike-de '[w in a["text"] for w in ("Hafenarbeiter", "Startseite", "Endlich wehrt", "Rekordumschlag", "Alle Rechte")]')" \
  "[True, False, False, False, False]"
expect "examples: html in a JSON line" "$(art "$J" de-skisprung-rekord '(a["title"], a["site"], len(a["paragraphs"]))')" \
  "('Solheim springt Weltrekord in Vikersund', 'Alpen Sport', 3)"
drops() { art "$J" "$1" '" | ".join(sorted(d["text"].replace("\n", " ")[:30] for d in a["dropped"]))'; }
expect "examples: credit, caption, trailer, orphan" "$(drops strike-ends-en)" \
  "AFP/Jan Peeters | Cranes stand idle at an empty  | Port traffic | Related Story"
expect "examples: credit and read more" "$(drops antwerp-strike-en)" \
  "Photo: Reuters | Read more: How Europe's ports "
expect "examples: glued repeat" "$(art "$J" antwerp-strike-nl 'len(a["paragraphs"]), [d["reason"] for d in a["dropped"]]')" \
  "(4, ['repeated paragraph'])"
expect "examples: tweet and share prompt" "$(drops ski-record-en)" \
  "Share this article | What a jump! A new world recor | — Nordic Ski News (@nordicskin"
expect "examples: lire aussi, leer mas" "$(drops fr-greve-anvers) / $(drops es-fin-huelga)" \
  "Lire aussi : Les ports europée / Leer más: Los puertos europeos"
expect "examples: Cyrillic name key" "$(art "$J" ru-zabastovka-antverpen '"antverpen" in [e["key"] for e in a["entities"]]')" "True"
expect "examples: acronyms" "$(art "$J" antwerp-strike-en '[k in [e["key"] for e in a["entities"]] for k in ("abvv", "acv", "katrien de smet")]')" "[True, True, True]"
expect "examples: on Monday" "$(art "$J" antwerp-strike-en '[d["date"] for d in a["dates"] if "Monday" in d["expr"]]')" "['2026-03-02']"
expect "examples: March 2 without year" "$(art "$J" strike-ends-en '[d["date"] for d in a["dates"] if "March 2" in d["expr"]]')" "[]"
out=$("$STORYLINE" inspect --format text examples 2>&1)
expect_match "examples: text report" "$out" "== antwerp-strike-nl"
expect_match "examples: text report counts" "$out" "9 articles read"

# --- standard input --------------------------------------------------------
out=$(printf ' date 2021-05-04 A short note on stdin.\n' | "$STORYLINE" inspect -)
expect "stdin: one text article" "$(printf '%s' "$out" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["id"], a["date"])')" "stdin 2021-05-04"
out=$(cat examples/feed.jsonl | "$STORYLINE" inspect - | wc -l)
expect "stdin: JSON lines" "$out" 4

# --- bad input: reported, skipped, the rest goes on -----------------------
B=$TMP/bad; mkdir -p "$B"
printf ' date 2020-01-02 A good article.\n' >"$B/good.txt"
: >"$B/empty.txt"
head -c 3000 /dev/urandom >"$B/junk.bin"
printf 'Bad \xff\xfe bytes, but readable.\n' >"$B/latin.txt"
printf '<html><head><title>Cut off</title></head><body><article><p>Half a paragraph' >"$B/truncated.html"
python3 -c 'import sys; sys.stdout.write("<html><body>" + "<p>word </p>" * 1800000 + "</body></html>")' >"$B/huge.html"
python3 -c '
import json
print(json.dumps({"id": "ok1", "text": "Fine."}))
print("{not json")
print(json.dumps({"id": "big", "text": "x" * (10 * 1024 * 1024)}))
print(json.dumps({"id": "toobig", "text": "y" * (17 * 1024 * 1024)}))
print(json.dumps({"id": "ok2", "text": "Also fine."}))' >"$B/feed.jsonl"
"$STORYLINE" inspect "$B" >"$TMP/bad.out" 2>"$TMP/bad.err"; rc=$?
err=$(cat "$TMP/bad.err")
expect "bad input: exit 1" "$rc" 1
expect_match "bad input: empty file named" "$err" "empty.txt: empty"
expect_match "bad input: binary named" "$err" "junk.bin: binary"
expect_match "bad input: bad JSON line named" "$err" "feed.jsonl:2: invalid JSON"
expect_match "bad input: long line named" "$err" "feed.jsonl:4: line too long"
expect_match "bad input: huge HTML named" "$err" "huge.html: too large"
ids=$(python3 -c 'import json,sys; print(" ".join(sorted(json.loads(l)["id"] for l in open(sys.argv[1]))))' "$TMP/bad.out")
expect "bad input: the rest is read" "$ids" "big good latin ok1 ok2 truncated"
expect "bad input: invalid bytes counted" "$(art "$TMP/bad.out" latin 'a["invalid_bytes"]')" 2
expect "bad input: truncated HTML keeps its text" "$(art "$TMP/bad.out" truncated '"Half a paragraph" in a["text"]')" "True"

# --- the seeds (when present) ---------------------------------------------
S=$SL_SHARED/seeds
if [ ! -d "$S" ]; then
    echo "skip seeds: $S not found"
else
    J=$TMP/seeds.jsonl
    "$STORYLINE" inspect "$S" >"$J"; expect "seeds: exit 0" "$?" 0
    expect "seeds: ids are file names" "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"][:3] for l in open(sys.argv[1])))' "$J")" "000 001 002 003 004"
    expect "seeds: 000 dated" "$(art "$J" 000_e184e448936dc852 'a["date"], a["date_precision"]')" "('2020-06-15', 'day')"
    expect "seeds: 001 dated" "$(art "$J" 001_00b5391e9eb45450 'a["date"], a["date_precision"]')" "('2020-06-15', 'day')"
    expect "seeds: 004 month" "$(art "$J" 004_cc0427c7cf8f5707 'a["date"], a["date_precision"]')" "('2020-06', 'month')"
    expect "seeds: 003 undated" "$(art "$J" 003_8984e7e67b871e4e 'a["date_precision"]')" "none"
    expect "seeds: 002 title" "$(art "$J" 002_f0d499858d5dfc96 'a["title"]')" "Turkey and Russia call for Libya ceasefire starting Sunday"
    expect "seeds: languages" "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["lang"] for l in open(sys.argv[1])))' "$J")" "en en en en nl"
    expect "seeds: 002 caption kept once" "$(art "$J" 002_f0d499858d5dfc96 'sum(p.count("A fighter loyal") for p in a["paragraphs"])')" 1
    expect "seeds: 002 credit and orphan dropped" "$(art "$J" 002_f0d499858d5dfc96 '[any(d["text"] == t for d in a["dropped"]) for t in ("Getty Images", "Route 6")]')" "[True, True]"
    expect "seeds: 002 no credit left" "$(art "$J" 002_f0d499858d5dfc96 '"Getty" in a["text"] or "Route 6" in a["text"]')" "False"
    expect "seeds: 003 Related Story dropped" "$(art "$J" 003_8984e7e67b871e4e '("Related Story" in a["text"], [d["text"] for d in a["dropped"]])')" "(False, ['Related Story'])"
    expect "seeds: 004 repeats kept once" "$(art "$J" 004_cc0427c7cf8f5707 '(len(a["paragraphs"]), a["text"].count("Het bezoek viel echter"))')" "(3, 1)"
    expect "seeds: 000 and 001 lose nothing" "$(art "$J" 000_e184e448936dc852 'len(a["dropped"])') $(art "$J" 001_00b5391e9eb45450 'len(a["dropped"])')" "0 0"
fi
