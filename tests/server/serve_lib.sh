# tests/server/serve_lib.sh -- helpers for the tests that run `storyline
# serve` (tests/cli/test_serve.sh, test_crash.sh).  Source tests/cli/lib.sh
# first.  Every server listens on 127.0.0.1 on a port the kernel picks.
#
#   start_server LOG DB [ARGS...]   sets SPID, PORT, BASE; 1 if it did not start
#   wait_ready                      until GET /health is 200 (at most 60 s)
#   wait_settled                    until every write is indexed and answers are fresh
#   stop_server                     SIGTERM and wait (its exit status)
#   req METHOD PATH [CURL ARGS...]  prints the status; the body is in $TMP/body
#   jq_py EXPR                      evaluates a Python expression on $TMP/body as j

start_server() {
    local log=$1 db=$2
    shift 2
    : >"$log"
    "$STORYLINE" serve --db "$db" --port 0 "$@" 2>"$log" &
    SPID=$!
    PORT=""
    for _ in $(seq 1 400); do
        PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
        [ -n "$PORT" ] && break
        kill -0 "$SPID" 2>/dev/null || return 1
        sleep 0.05
    done
    [ -n "$PORT" ] || return 1
    BASE=http://127.0.0.1:$PORT
}

wait_ready() {
    for _ in $(seq 1 1200); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] && return 0
        sleep 0.05
    done
    return 1
}

wait_settled() {
    for _ in $(seq 1 600); do
        curl -s "$BASE/health" | grep -q '"settled":true' && return 0
        sleep 0.05
    done
    return 1
}

stop_server() {
    kill -TERM "$SPID" 2>/dev/null
    wait "$SPID"
}

req() {
    local method=$1 path=$2
    shift 2
    curl -s -o "$TMP/body" -w '%{http_code}' -X "$method" "$BASE$path" "$@"
}

jq_py() {
    python3 - "$TMP/body" "$1" <<'PY'
import json, sys
try:
    j = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("<not JSON: %s>" % e)
    sys.exit(0)
print(eval(sys.argv[2]))
PY
}
