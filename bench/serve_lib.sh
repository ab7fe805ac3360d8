# bench/serve_lib.sh -- sourced by the service benchmarks (serve_bench.sh,
# serve_restart.sh): starts `storyline serve` on a free port and waits until
# it is ready.
#
#   serve_start BIN DB LOG [ARGS...]
#
# Starts BIN serve --db DB --port 0 ARGS, its stderr in LOG; sets $pid and
# $port; returns once GET /health answers 200 (the index restored).
serve_start() {
    local bin=$1 db=$2 log=$3
    shift 3
    : >"$log"
    "$bin" serve --db "$db" --port 0 "$@" 2>"$log" &
    pid=$!
    port=""
    while [ -z "$port" ]; do
        port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
        sleep 0.01
    done
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do
        sleep 0.05
    done
}
