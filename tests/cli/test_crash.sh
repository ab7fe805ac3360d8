# Crash safety of `storyline serve`: SIGKILL at a random moment during a
# PUT load, restart, and every acknowledged article must be there (0 lost).
# ROUNDS rounds (default 20) on one store, so each restart also recovers
# what the rounds before it left (rows stored but never analysed, events
# half saved).  The load is build/bench/serve_load (16 connections as
# fast as they go, small bodies so the rounds stay short); the check reads
# the store itself (Python's sqlite3) after the restart, and fetches the
# last acknowledged articles through the API.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../server/serve_lib.sh"

LOAD=$(dirname "$STORYLINE")/bench/serve_load
[ -x "$LOAD" ] || { echo "skip crash: $LOAD not built"; exit 0; }
command -v curl >/dev/null || { echo "skip crash: curl not installed"; exit 0; }
ROUNDS=${SL_CRASH_ROUNDS:-20}
case "$STORYLINE" in *asan*) ROUNDS=${SL_CRASH_ROUNDS_ASAN:-3} ;; esac
D=$TMP/crash; mkdir -p "$D"
DB=$D/crash.db
lost_total=0 acked_total=0

# missing DB ACKED: the acknowledged ids that are not in the store
missing() {
    python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
have = {r[0] for r in db.execute("SELECT id FROM articles")}
acked = [l.strip() for l in open(sys.argv[2]) if l.strip()]
print(len([a for a in acked if a not in have]), len(acked))
PY
}

for r in $(seq 1 "$ROUNDS"); do
    start_server "$D/s$r.log" "$DB" --quiet || { fail "crash-start-$r" "$(cat "$D/s$r.log")"; break; }
    wait_ready || { fail "crash-ready-$r" "$(tail -3 "$D/s$r.log")"; break; }
    "$LOAD" --port "$PORT" --seconds 8 --rate 3000 --connections 16 --size 400 --prefix "r$r-" \
        --acked "$D/acked$r" --stop-on-error >"$D/load$r.out" 2>&1 &
    LPID=$!
    sleep "$(python3 -c 'import random; print(round(random.uniform(0.3, 1.5), 2))')"
    kill -KILL "$SPID"
    wait "$SPID" 2>/dev/null
    wait "$LPID"
    # restart on the same store: it must come back with everything acknowledged
    start_server "$D/r$r.log" "$DB" --quiet || { fail "crash-restart-$r" "$(cat "$D/r$r.log")"; break; }
    wait_ready || { fail "crash-restart-ready-$r" "$(tail -3 "$D/r$r.log")"; break; }
    read -r lost acked <<<"$(missing "$DB" "$D/acked$r")"
    lost_total=$((lost_total + lost)); acked_total=$((acked_total + acked))
    [ "$acked" -gt 0 ] || fail "crash-load-$r" "no PUT was acknowledged: $(cat "$D/load$r.out")"
    last=$(tail -1 "$D/acked$r")
    [ -z "$last" ] || [ "$(req GET "/articles/$last")" = 200 ] || fail "crash-api-$r" "GET /articles/$last: $(cat "$TMP/body")"
    stop_server
done
expect "crash-none-lost ($ROUNDS rounds, $acked_total acknowledged)" "$lost_total" 0
