# The page in a real browser: headless Chromium (Debian's chromium) over
# a server that holds the examples; tests/browser/page_test.py drives it and
# saves screenshots in build/browser/.  Skipped without chromium, and for
# the sanitizer build (the page is the same bytes in both builds).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../server/serve_lib.sh"

case "$STORYLINE" in *asan*) echo "skip browser: run on the plain build only"; exit 0 ;; esac
[ -x "${SL_CHROMIUM:-/usr/bin/chromium}" ] || { echo "skip browser: chromium not installed"; exit 0; }
command -v curl >/dev/null || { echo "skip browser: curl not installed"; exit 0; }
"$STORYLINE" ingest --quiet --db "$TMP/page.db" examples/ 2>"$TMP/ingest.log" || { fail browser-ingest "$(cat "$TMP/ingest.log")"; exit 0; }
start_server "$TMP/serve.log" "$TMP/page.db" --quiet || { fail browser-serve "$(cat "$TMP/serve.log")"; exit 0; }
wait_ready && wait_settled
timeout 120 python3 "$(dirname "$0")/../browser/page_test.py" "$BASE" "$(dirname "$STORYLINE")/browser"
stop_server
