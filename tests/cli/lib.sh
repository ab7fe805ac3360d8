# tests/cli/lib.sh -- helpers for the end-to-end tests of the storyline CLI.
# Each check prints "ok NAME" or "FAIL NAME: why"; tests/run.sh counts them.
# $STORYLINE is the binary under test; $SL_SHARED the shared data folder.

STORYLINE=${STORYLINE:-build/storyline}
SL_SHARED=${SL_SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# expect NAME GOT WANT
expect() {
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got '$2', want '$3'"; fi
}

# expect_match NAME TEXT REGEX
expect_match() {
    if printf '%s' "$2" | grep -Eq -- "$3"; then ok "$1"; else fail "$1" "'$(printf '%s' "$2" | head -c 300)' does not match /$3/"; fi
}

# art FILE ID EXPR: evaluates the Python expression EXPR with `a` bound to the
# article with that id in FILE (JSON lines from `storyline inspect`).
art() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
path, want, expr = sys.argv[1:]
for line in open(path, encoding="utf-8"):
    a = json.loads(line)
    if a["id"] == want:
        print(eval(expr))
        break
else:
    print("<no article %s>" % want)
PY
}

# valid_jsonl FILE: prints the number of lines, or "invalid: ..." 
valid_jsonl() {
    python3 - "$1" <<'PY'
import json, sys
n = 0
try:
    for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
        json.loads(line)
    print(n)
except Exception as e:
    print("invalid: line %d: %s" % (n, e))
PY
}
