# End-to-end checks of the dates and names `storyline inspect` reports, on
# the bundled examples and on a few lines given on standard input.
. "$(dirname "$0")/lib.sh"

J=$TMP/examples.jsonl
"$STORYLINE" inspect examples >"$J" 2>/dev/null
dates() { art "$J" "$1" '" ".join(d["date"] for d in a["dates"])'; }
expect "analyze: Monday in six languages" \
  "$(for id in antwerp-strike-en fr-greve-anvers ru-zabastovka-antverpen antwerp-strike-de; do art "$J" $id 'a["dates"][0]["date"]'; done | tr '\n' ' ')" \
  "2026-03-02 2026-03-02 2026-03-02 2026-03-02 "
expect "analyze: future weekday (would meet on Wednesday)" "$(dates antwerp-strike-en)" "2026-03-02 2026-03-01 2026-03-04"
expect "analyze: Spanish Thursday, Wednesday, coming Sunday" "$(dates es-fin-huelga)" "2026-03-05 2026-03-04 2026-03-08"
expect "analyze: month-precision article keeps no weekday" "$(dates antwerp-strike-nl)" ""
expect "analyze: undated article: the tweet's date goes with the tweet" "$(dates ski-record-en)" ""
U=$TMP/undated.jsonl
printf '{"id":"u1","text":"The summit opened on March 7, 2026 in Oslo. Talks resume on Monday, officials said."}\n' >"$U"
expect "analyze: undated article keeps absolute dates only" \
  "$("$STORYLINE" inspect "$U" | python3 -c 'import json,sys; print(" ".join(d["date"] for d in json.load(sys.stdin)["dates"]))')" "2026-03-07"
expect "analyze: entity kinds" "$(art "$J" antwerp-strike-en '[e["kind"] for e in a["entities"] if e["key"] in ("abvv", "katrien de smet")]')" \
  "['name', 'acronym']"
expect "analyze: names meet across languages" \
  "$(for id in antwerp-strike-en antwerp-strike-nl fr-greve-anvers es-fin-huelga ru-zabastovka-antverpen; do art "$J" $id '"pieter claes" in [e["key"] for e in a["entities"]] or "piter klas" in [e["key"] for e in a["entities"]]'; done | tr '\n' ' ')" \
  "True True True True True "

out=$(printf ' date 2026-03-04 Talks began last week and resume on 12 March; 2,500 workers and a 48-hour strike.\n' | "$STORYLINE" inspect -)
expect "analyze: a week has its range" "$(printf '%s' "$out" | python3 -c 'import json,sys; a=json.load(sys.stdin); print([(d["date"], d.get("range")) for d in a["dates"]])')" \
  "[('2026-02', ['2026-02-23', '2026-03-01']), ('2026-03-12', None)]"
