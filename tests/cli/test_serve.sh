# End-to-end tests of `storyline serve` and `storyline ingest`: the server
# on a free loopback port, the examples (and the seeds when present) PUT
# in, events, stories, articles, DELETE, expiry, restart with the same ids,
# the Telegram round-2 status codes, limits and bad requests (malformed
# JSON, a 100 MB body, an unknown route, a slow client) that must leave the
# server serving everyone else.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../server/serve_lib.sh"

command -v curl >/dev/null || { echo "skip serve: curl not installed"; exit 0; }
D=$TMP/serve; mkdir -p "$D"
DB=$D/store.db

# put_examples: every example through the API, each in its own format
put_examples() {
    local codes="" f
    for f in examples/text/*.txt; do
        codes="$codes $(req PUT "/articles/$(basename "$f" .txt)" -H 'Content-Type: text/plain' --data-binary @"$f")"
    done
    codes="$codes $(req PUT /antwerp-strike-de.html -H 'Content-Type: text/html' \
        -H 'Cache-Control: max-age=86400' --data-binary @examples/html/antwerp-strike-de.html)"
    while IFS= read -r line; do
        id=$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
        printf '%s' "$line" >"$D/line.json"
        codes="$codes $(req PUT "/articles/$id" -H 'Content-Type: application/json' --data-binary @"$D/line.json")"
    done <examples/feed.jsonl
    echo "$codes"
}

# events_sig / stories_sig: ids with their sorted members, sorted (from $TMP/body)
events_sig() { jq_py '" ".join(sorted(e["id"] + "=" + ",".join(sorted(e["articles"])) for e in j["events"]))'; }
stories_sig() { jq_py '" ".join(sorted(s["id"] + "=" + ",".join(sorted(s["events"])) for s in j["stories"]))'; }

# ---- start, 503 while loading, PUT, 201 then 204 -------------------------------------

SL_SERVE_TEST_LOAD_DELAY_MS=1500 start_server "$D/s1.log" "$DB" || fail serve-starts "$(cat "$D/s1.log")"
expect serve-503-while-loading "$(req GET /threads?period=3600)" 503
expect_match serve-503-is-json "$(cat "$TMP/body")" '^\{"error":"loading'
expect serve-health-loading "$(req GET /health)" 503
wait_ready || fail serve-ready "$(cat "$D/s1.log")"
expect serve-health "$(req GET /health)" 200
expect serve-page "$(curl -s -o "$TMP/body" -w '%{http_code} %{content_type}' "$BASE/")" "200 text/html; charset=utf-8"
expect_match serve-page-is-the-page "$(cat "$TMP/body")" '<title>storyline'
expect serve-put-examples "$(put_examples)" " 201 201 201 201 201 201 201 201 201"
expect serve-put-again-204 "$(req PUT /articles/ski-record-en -H 'Content-Type: text/plain' --data-binary @examples/text/ski-record-en.txt)" 204
expect serve-put-empty-204-body "$(wc -c <"$TMP/body")" 0
wait_settled || fail serve-settles "$(curl -s "$BASE/health")"

# ---- events, stories, threads, articles ------------------------------------------------

expect serve-events "$(req GET /events)" 200
expect serve-events-all-there "$(jq_py 'sum(len(e["articles"]) for e in j["events"])')" 9
expect serve-events-strike-together "$(jq_py '[e["id"] for e in j["events"] if "antwerp-strike-en" in e["articles"]] == [e["id"] for e in j["events"] if "strike-ends-en" in e["articles"]]')" True
expect serve-events-ski-apart "$(jq_py '[e["id"] for e in j["events"] if "antwerp-strike-en" in e["articles"]] != [e["id"] for e in j["events"] if "ski-record-en" in e["articles"]]')" True
events_before=$(events_sig)
expect serve-events-lang "$(req GET '/events?lang=ru')" 200
expect serve-events-lang-filters "$(jq_py 'all("ru-zabastovka-antverpen" in e["articles"] for e in j["events"]) and len(j["events"]) >= 1')" True
expect serve-stories "$(req GET '/stories?limit=10')" 200
stories_before=$(stories_sig)
story=$(jq_py '[s["id"] for s in j["stories"] if any(a["id"] == "antwerp-strike-en" for a in s["articles"])][0]')
expect_match serve-stories-fields "$(jq_py 'sorted(j["stories"][0].keys())')" "'dates'.*'headline'.*'languages'.*'sources'.*'summary'.*'timeline'"
expect serve-story "$(req GET "/stories/$story")" 200
expect serve-story-timeline "$(jq_py 'len(j["timeline"]) >= 1 and j["id"] == "'"$story"'"')" True
expect serve-story-unknown "$(req GET /stories/s999999)" 404
expect serve-threads "$(req GET '/threads?period=315360000&lang_code=en&category=any')" 200
expect serve-threads-shape "$(jq_py 'all(sorted(t) == ["articles", "category", "title"] and t["category"] == "any" for t in j["threads"]) and len(j["threads"]) >= 1')" True
expect serve-threads-names "$(jq_py 'any("antwerp-strike-de.html" in t["articles"] for t in j["threads"])')" True
expect serve-threads-other-category "$(req GET '/threads?period=3600&category=sports')" 200
expect serve-threads-other-empty "$(cat "$TMP/body")" '{"threads":[]}'
expect serve-threads-bad-category "$(req GET '/threads?period=3600&category=gossip')" 400
expect serve-article "$(req GET /articles/antwerp-strike-nl)" 200
expect serve-article-fields "$(jq_py 'j["id"], j["lang"], j["state"], j["event"] is not None')" "('antwerp-strike-nl', 'nl', 'indexed', True)"
expect serve-article-json-body "$(req GET /articles/es-fin-huelga)" 200
expect serve-article-json-title "$(jq_py 'j["lang"] == "es" and bool(j["title"])')" True
expect serve-article-unknown "$(req GET /articles/no-such-thing)" 404
expect serve-similar "$(req GET /similar/antwerp-strike-en)" 200
expect serve-similar-same-event "$(jq_py 'any(s["b"] == "strike-ends-en" for s in j["similar"])')" True
expect serve-similar-pair "$(req GET '/similar/antwerp-strike-en?with=ski-record-en')" 200
expect serve-similar-pair-score "$(jq_py 'j["score"] < 3')" True
expect serve-search "$(req GET '/search?q=Antwerp+strike')" 200
expect serve-search-hits "$(jq_py 'len(j["hits"]) >= 2 and "\u0002" in j["hits"][0]["snippet"]')" True
expect serve-search-no-operators "$(req GET '/search?q=%22unbalanced+OR+NEAR(')" 200

# ---- DELETE (Telegram codes too), expiry -----------------------------------------------

expect serve-delete "$(req DELETE /articles/ski-record-en)" 204
expect serve-delete-again-404 "$(req DELETE /articles/ski-record-en)" 404
expect_match serve-404-is-json "$(cat "$TMP/body")" '^\{"error":"no article'
expect serve-tg-put-201 "$(req PUT /tg-1.html -H 'Content-Type: text/html' -H 'Cache-Control: max-age=3600' --data-binary @examples/html/antwerp-strike-de.html)" 201
expect serve-tg-put-204 "$(req PUT /tg-1.html -H 'Content-Type: text/html' -H 'Cache-Control: max-age=3600' --data-binary @examples/html/antwerp-strike-de.html)" 204
expect serve-tg-delete-204 "$(req DELETE /tg-1.html)" 204
expect serve-tg-delete-404 "$(req DELETE /tg-1.html)" 404
expect serve-expiring-put "$(req PUT /articles/short-lived -H 'Cache-Control: max-age=1' -H 'Content-Type: text/plain' --data-binary @examples/text/ski-record-en.txt)" 201
sleep 2.5
expect serve-expired-gone "$(req GET /articles/short-lived)" 404
wait_settled
req GET /events >/dev/null
expect serve-deleted-not-in-events "$(jq_py 'any(a in ("ski-record-en", "short-lived", "tg-1.html") for e in j["events"] for a in e["articles"])')" False
events_before=$(events_sig)
req GET '/stories?limit=10' >/dev/null
stories_before=$(stories_sig)

# ---- bad requests leave the server serving ----------------------------------------------

expect serve-bad-json "$(req PUT /articles/bad -H 'Content-Type: application/json' --data-binary '{"text": "unterminated')" 400
expect_match serve-bad-json-says "$(cat "$TMP/body")" '^\{"error":"invalid JSON'
expect serve-json-not-object "$(req PUT /articles/bad -H 'Content-Type: application/json' --data-binary '[1,2]')" 400
expect serve-json-no-text "$(req PUT /articles/bad -H 'Content-Type: application/json' --data-binary '{"title": "x"}')" 400
expect serve-empty-body "$(req PUT /articles/bad -H 'Content-Type: text/plain' --data-binary '')" 400
expect serve-bad-id "$(req PUT '/articles/a%20b' --data-binary 'text')" 400
expect serve-no-path-escape "$(req PUT '/articles/..%2F..%2Fetc%2Fpasswd' --data-binary 'text')" 404
expect serve-dot-id "$(req PUT '/.hidden' --data-binary 'text')" 400
expect serve-unknown-route "$(req GET /nowhere/at/all)" 404
expect_match serve-unknown-route-json "$(cat "$TMP/body")" '^\{"error":"no route'
expect serve-wrong-method "$(req POST /stories)" 405
expect serve-bad-period "$(req GET '/stories?period=-5')" 400
expect serve-bad-limit "$(req GET '/events?limit=0')" 400
expect serve-bad-max-age "$(req PUT /articles/x -H 'Cache-Control: max-age=soon' --data-binary 'Some text here.')" 400
head -c 100000000 /dev/zero >"$D/big"
expect serve-100mb-413 "$(req PUT /articles/big -H 'Content-Type: text/plain' --data-binary @"$D/big")" 413
rm -f "$D/big"
expect_match serve-413-json "$(cat "$TMP/body")" '^\{"error":"the body is larger'
python3 -c 'print("x" * 40000)' >"$D/hdr"
expect serve-big-headers-431 "$(req GET /health -H "X-Filler: $(cat "$D/hdr")")" 431
python3 - "$PORT" >"$D/slow.out" <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"PUT /articles/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc")
s.settimeout(20)
t = time.time()
try:
    data = s.recv(100)
except Exception as e:
    data = b"timeout"
print("closed" if data == b"" or data.startswith(b"HTTP/1.1 408") else data[:40], round(time.time() - t))
PY
SLOW=$!
sleep 0.3
expect serve-serving-beside-slow-client "$(req GET /stories)" 200
expect serve-health-after-bad "$(req GET /health)" 200
stop_server
expect serve-clean-stop $? 0
wait "$SLOW"

# ---- restart: same events and stories, same ids ------------------------------------------

start_server "$D/s2.log" "$DB" --timeout 2 || fail serve-restarts "$(cat "$D/s2.log")"
wait_ready
wait_settled
req GET /events >/dev/null
expect serve-restart-same-events "$(events_sig)" "$events_before"
req GET '/stories?limit=10' >/dev/null
expect serve-restart-same-stories "$(stories_sig)" "$stories_before"
expect serve-restart-article "$(req GET /articles/antwerp-strike-en)" 200
expect_match serve-restart-log "$(cat "$D/s2.log")" 'restored 8 articles'
python3 - "$PORT" >"$D/slow.out" <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # the headers never end
s.settimeout(20)
t = time.time()
try:
    data = s.recv(100)
except Exception:
    data = b"timeout"
print("closed" if data == b"" else data[:40], round(time.time() - t))
PY
SLOW=$!
sleep 0.2
expect serve-others-served-while-slow "$(req GET /events)" 200
wait "$SLOW"
expect_match serve-slow-client-cut "$(cat "$D/slow.out")" '^closed [2-5]$'
expect serve-metrics "$(req GET /metrics)" 200
expect serve-metrics-fields "$(jq_py '"events" in j["requests"] and j["articles"] == 8 and "writes_per_commit" in j["store"]')" True
# a PUT is timed as a request and through each stage of its write, apart
req PUT /articles/ski-record-en -H 'Content-Type: text/plain' --data-binary @examples/text/ski-record-en.txt >/dev/null
req GET /metrics >/dev/null
expect serve-metrics-write-stages "$(jq_py 'j["requests"]["put"]["count"] == 1 and all(j["write_stages"][k]["count"] == 1 for k in ("check", "queue", "commit", "answer")) and "queue" not in j["requests"]')" True
expect serve-metrics-transaction "$(jq_py 'j["transaction"]["writes"]["count"] >= 1 and j["transaction"]["sync"]["count"] >= j["transaction"]["writes"]["count"] and "sync" not in j["write_stages"]')" True
stop_server

# ---- a token for writes; no public address without one ----------------------------------

printf 'sekrit-token-1234\n' >"$D/token"
start_server "$D/s3.log" "$DB" --token-file "$D/token"
wait_ready
expect serve-token-needed "$(req PUT /articles/t1 -H 'Content-Type: text/plain' --data-binary 'A short note about a harbour.')" 401
expect serve-token-wrong "$(req PUT /articles/t1 -H 'Authorization: Bearer nope' -H 'Content-Type: text/plain' --data-binary 'A short note about a harbour.')" 401
expect serve-token-ok "$(req PUT /articles/t1 -H 'Authorization: Bearer sekrit-token-1234' -H 'Content-Type: text/plain' --data-binary 'A short note about a harbour.')" 201
expect serve-token-reads-free "$(req GET /events)" 200
stop_server
"$STORYLINE" serve --db "$DB" --listen 0.0.0.0 --port 0 2>"$D/s4.log"
expect serve-public-needs-token $? 2
expect_match serve-public-needs-token-says "$(cat "$D/s4.log")" 'needs --token-file'
"$STORYLINE" serve --db "$D/no/such/dir/x.db" --port 0 2>"$D/s5.log"
expect serve-bad-db $? 1

# ---- a listing names a few articles per story, the story page all -----------------------

start_server "$D/s8.log" "$D/wire.db"
wait_ready
codes=""
for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
    codes="$codes $(req PUT "/articles/wire-$n" -H 'Content-Type: application/json' --data-binary \
        '{"site": "paper-'"$n"'", "date": "2026-05-04", "text": "The ferry between Harlingen and Terschelling stopped on Monday after a crack was found in its hull, the operator said. Repairs will take two weeks and a smaller boat will run twice a day."}')"
done
expect serve-wire-put "$codes" " 201 201 201 201 201 201 201 201 201 201 201 201"
wait_settled
req GET /stories >/dev/null
expect serve-listing-caps-articles "$(jq_py '[(s["article_count"], len(s["articles"]), len({a["id"] for a in s["articles"]})) for s in j["stories"]]')" "[(12, 10, 10)]"
story=$(jq_py 'j["stories"][0]["id"]')
req GET "/stories/$story" >/dev/null
expect serve-story-lists-all "$(jq_py '(j["article_count"], len(j["articles"]))')" "(12, 12)"
score_before=$(jq_py 'j["score"]')
stop_server
# a restart keeps the copy groups: the reposts still count once, and a
# repost that comes after it is still known as a copy
start_server "$D/s9.log" "$D/wire.db"
wait_ready
wait_settled
req GET "/stories/$story" >/dev/null
expect serve-restart-copies-count-once "$(jq_py 'j["score"]')" "$score_before"
req PUT /articles/wire-13 -H 'Content-Type: application/json' --data-binary \
    '{"site": "paper-13", "date": "2026-05-04", "text": "The ferry between Harlingen and Terschelling stopped on Monday after a crack was found in its hull, the operator said. Repairs will take two weeks and a smaller boat will run twice a day."}' >/dev/null
wait_settled
req GET /stories >/dev/null
expect serve-restart-repost-joins "$(jq_py '[(s["id"], s["article_count"]) for s in j["stories"]]')" "[('$story', 13)]"
stop_server

# ---- ingest, then serve what it stored ----------------------------------------------------

"$STORYLINE" ingest --db "$D/ingest.db" examples/ 2>"$D/ingest.log"
expect ingest-exit $? 0
expect_match ingest-progress "$(cat "$D/ingest.log")" 'ingest: 9 stored, 9 indexed, 0 skipped'
start_server "$D/s6.log" "$D/ingest.db"
wait_ready
wait_settled
expect ingest-served "$(req GET /events)" 200
expect ingest-events-all "$(jq_py 'sum(len(e["articles"]) for e in j["events"])')" 9
stop_server
printf '{"id": "x1"}\nnot json\n' >"$D/bad.jsonl"
"$STORYLINE" ingest --db "$D/ingest.db" "$D/bad.jsonl" 2>"$D/ingest2.log"
expect ingest-bad-input-exit $? 1
expect_match ingest-bad-input-says "$(cat "$D/ingest2.log")" 'bad.jsonl:2'

# ---- the seeds, when present --------------------------------------------------------------

if [ -d "$SL_SHARED/seeds" ]; then
    start_server "$D/s7.log" "$D/seeds.db"
    wait_ready
    codes=""
    for f in "$SL_SHARED"/seeds/*.txt; do
        codes="$codes $(req PUT "/articles/$(basename "$f" .txt)" -H 'Content-Type: text/plain' --data-binary @"$f")"
    done
    expect seeds-put "$codes" " 201 201 201 201 201"
    wait_settled
    req GET /events >/dev/null
    expect seeds-each-in-one-event "$(jq_py 'sorted(a for e in j["events"] for a in e["articles"]) == sorted(["000_e184e448936dc852", "001_00b5391e9eb45450", "002_f0d499858d5dfc96", "003_8984e7e67b871e4e", "004_cc0427c7cf8f5707"])')" True
    req GET /stories >/dev/null
    expect seeds-in-stories "$(jq_py 'sorted(a["id"] for s in j["stories"] for a in s["articles"])[0]')" 000_e184e448936dc852
    stop_server
else
    echo "skip seeds: $SL_SHARED/seeds not found"
fi
