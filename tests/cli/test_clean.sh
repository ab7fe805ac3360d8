# End-to-end tests of cleaning through `storyline inspect`, for every input
# format (text, HTML, JSON lines with "text" and with "html"), on small
# articles written here; and on events-dev (../shared) when present: no
# dropped piece may be a long sentence.
. "$(dirname "$0")/lib.sh"

D=$TMP/clean; mkdir -p "$D"

# reasons ID: the sorted "reason: first 20 characters" of an article's drops
reasons() { art "$J" "$1" '" | ".join(sorted(d["reason"] + ": " + d["text"].replace("\n", " ")[:20] for d in a["dropped"]))'; }

cat >"$D/harbour.txt" <<'EOF'
Harbour reopens after week-long closure

The harbour of Saltmere reopened on Friday after a week-long closure caused by a storm surge, the port authority said.

Fishing boats return to the inner basin.
Photo: Reuters

Fishing boats return to the inner basin.

The authority said repairs to the northern pier would take until the summer. The harbour master, Ada Lind, said traffic was already back to normal.

Read more: How small ports prepare for storms

Share this article
EOF

cat >"$D/harbour-page.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens</title></head>
<body><article><h1>Harbour reopens</h1>
<p>The harbour of Saltmere reopened on Friday after a week-long closure caused by a storm surge, the port authority said.</p>
<p>The authority said repairs to the northern pier would take until the summer.</p>
<p>Getty Images</p>
<p>Advertisement</p>
<p>The harbour master said traffic was already back to normal, Reuters reported.</p>
</article></body></html>
EOF

python3 - "$D/feed.jsonl" <<'EOF'
import json, sys
rows = [
    {"id": "j-text", "title": "Harbour reopens", "text":
        "Harbour reopens\nThe harbour of Saltmere reopened on Friday, the port authority said.\n\n"
        "Boats wait at the quay. Repairs take until summer.\n\n"
        "Boats wait at the quay. Repairs take until summer. The harbour master said traffic was normal.\n\n"
        "Lire aussi : Les petits ports face aux tempêtes"},
    {"id": "j-html", "html":
        "<html><body><article><p>The harbour of Saltmere reopened on Friday, the port authority said.</p>"
        "<p>Follow us on Twitter</p><p>All rights reserved.</p></article></body></html>"},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF

J=$TMP/clean.jsonl
"$STORYLINE" inspect "$D" >"$J" 2>"$TMP/clean.err"
expect "clean: exit 0" "$?" 0
expect "clean: 4 articles" "$(valid_jsonl "$J")" 4
expect "clean text: credit, caption, read more, share" "$(reasons harbour)" \
  "photo credit: Photo: Reuters | read more: Read more: How small | repeated caption: Fishing boats return | share prompt: Share this article"
expect "clean text: 3 paragraphs stay" "$(art "$J" harbour 'len(a["paragraphs"])')" 3
# The HTML reader leaves the advertisement label out of the text itself
# (src/read/html_noise.c); cleaning then drops the credit.
expect "clean html: credit dropped" "$(reasons harbour-page)" "photo credit: Getty Images"
expect "clean html: no advertisement label in the text" "$(art "$J" harbour-page '"Advertisement" in a["text"]')" "False"
expect "clean html: a sentence naming Reuters stays" "$(art "$J" harbour-page '"Reuters reported." in a["text"]')" "True"
expect "clean jsonl text: title, glued caption, lire aussi" "$(reasons j-text)" \
  "read more: Lire aussi : Les pet | repeated paragraph: Boats wait at the qu | repeated title: Harbour reopens"
expect "clean jsonl text: the new sentence after a glued repeat stays" \
  "$(art "$J" j-text 'a["paragraphs"][-1]')" "The harbour master said traffic was normal."
expect "clean jsonl html: follow us, copyright" "$(art "$J" j-html '" | ".join(sorted(d["reason"] for d in a["dropped"]))')" \
  "copyright | share prompt"

# --- real articles: nothing dropped looks like a long sentence ------------
DEV=$SL_SHARED/data/events-dev/articles.jsonl
if [ ! -f "$DEV" ]; then
    echo "skip events-dev: $DEV not found"
else
    "$STORYLINE" inspect "$DEV" >"$TMP/dev.jsonl"
    long=$(python3 - "$TMP/dev.jsonl" <<'EOF'
import json, sys
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    for d in a["dropped"]:
        if d["reason"].startswith("repeated") or d["reason"] == "tweet embed":
            continue
        if len(d["text"].split()) > 25:
            bad.append("%s %s: %s" % (a["id"], d["reason"], d["text"][:60]))
print(len(bad), *bad[:3])
EOF
)
    expect "events-dev: no long sentence dropped as boilerplate" "$long" "0"
    n=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["dropped"]) for l in open(sys.argv[1])))' "$TMP/dev.jsonl")
    expect_match "events-dev: cleaning drops something" "$n" "^[1-9][0-9]+$"
fi
