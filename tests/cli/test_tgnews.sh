# End-to-end tests of `storyline tgnews`: the JSON shapes of Telegram's
# 2019 contest, on pages written here in its HTML format (and on the
# shared example when present).
. "$(dirname "$0")/lib.sh"

D=$TMP/tg; mkdir -p "$D"
page() { # page FILE TITLE DATE TEXT
    cat >"$D/$1" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"/>
<meta property="og:url" content="https://news.example/$1"/>
<meta property="og:site_name" content="News Example"/>
<meta property="article:published_time" content="$3T10:00:00+00:00"/>
<meta property="og:title" content="$2"/></head>
<body><article><h1>$2</h1><address><time datetime="$3T10:00:00+00:00">$3</time></address>
<p>$4</p></article></body></html>
HTML
}
page 1001.html "Dam breaks above Marnville" 2024-06-03 "A dam above the town of Marnville broke on Monday after days of rain, flooding the valley; hundreds of people were taken to safety, the regional governor said."
page 1002.html "Marnville dam bursts, valley flooded" 2024-06-03 "The dam above Marnville burst on Monday after heavy rain and flooded the valley below it, the regional governor said; hundreds were evacuated."
page 1003.html "Плотина прорвалась над Марнвиллем" 2024-06-03 "В понедельник после сильных дождей прорвало плотину над городом Марнвилль, долина затоплена, сотни людей эвакуированы, сообщил губернатор."
page 2001.html "Orvane orchestra wins the cup" 2024-06-03 "The youth orchestra of Orvane won the national music cup on Monday with a programme of folk songs, the jury said."
printf 'not a page\n' >"$D/notes.txt"

out=$("$STORYLINE" tgnews languages "$D"); expect "languages: exit 0" "$?" 0
expect "languages: the contest's shape, file names" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; print(sorted((l["lang_code"], sorted(l["articles"])) for l in json.load(sys.stdin)))')" \
  "[('en', ['1001.html', '1002.html', '2001.html']), ('ru', ['1003.html'])]"
out=$("$STORYLINE" tgnews threads "$D")
expect "threads: the dam in two languages is one thread" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; print(sorted(sorted(t["articles"]) for t in json.load(sys.stdin)))')" \
  "[['1001.html', '1002.html', '1003.html'], ['2001.html']]"
expect "threads: titled by a real title" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; t=[t for t in json.load(sys.stdin) if "1001.html" in t["articles"]][0]; print(t["title"] in ("Dam breaks above Marnville", "Marnville dam bursts, valley flooded", "Плотина прорвалась над Марнвиллем"))')" "True"
out=$("$STORYLINE" tgnews top "$D")
expect "top: one category any, the biggest thread first" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0]["category"], len(d[0]["threads"][0]["articles"]))')" "1 any 3"
"$STORYLINE" tgnews news "$D" >/dev/null 2>&1; expect "news: not offered, exit 2" "$?" 2
"$STORYLINE" tgnews threads >/dev/null 2>&1; expect "no DIR: exit 2" "$?" 2

E=$SL_SHARED/data/tgnews-format
if [ -f "$E/example1.html" ]; then
    out=$("$STORYLINE" tgnews languages "$E")
    expect "shared example: Russian" "$out" '[{"lang_code":"ru","articles":["example1.html"]}]'
else
    echo "skip shared example: $E not found"
fi
