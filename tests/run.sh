#!/usr/bin/env bash
# tests/run.sh -- runs every test and prints "N passed, N failed" last.
#
#   1. the unit-test programs (build/tests/*/test_*), plain and under
#      AddressSanitizer + UndefinedBehaviorSanitizer (build/asan);
#   2. the end-to-end CLI tests (tests/cli/test_*.sh) on both builds;
#   3. valgrind on the CLI over the examples (no leak, no error);
#   4. each libFuzzer target for a few seconds (when clang-14 is there).
#
# A test program that crashes counts as a failure even if it printed none.
# Real data under ../shared is used when present; tests that need it say
# "skip" otherwise.  SL_FUZZ_SECONDS (default 10) bounds each fuzz run.
set -u
cd "$(dirname "$0")/.."
export SL_SHARED=${SL_SHARED:-$(cd .. && pwd)/shared}
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a command that prints "ok NAME" / "FAIL NAME" lines; tallies them.
tally() {
    local label=$1; shift
    "$@" >"$log" 2>&1
    local rc=$? p f s
    p=$(grep -c '^ok ' "$log"); f=$(grep -c '^FAIL ' "$log"); s=$(grep -c '^skip ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1; echo "FAIL $label: exited with status $rc" >>"$log"
    fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$f" -ne 0 ]; then
        echo "--- $label"; grep -v '^ok ' "$log"
    else
        printf '%-48s %3d ok%s\n' "$label" "$p" "$( [ "$s" -gt 0 ] && echo ", $s skipped")"
    fi
}

for build in build build/asan; do
    [ -x "$build/storyline" ] || { echo "FAIL: $build/storyline not built (run make test)"; failed=$((failed + 1)); continue; }
    for t in $(find "$build/tests" -type f -name 'test_*' -perm -u+x 2>/dev/null | sort); do
        tally "$t" "$t"
    done
    for t in tests/cli/test_*.sh; do
        tally "$t ($build)" env STORYLINE="$build/storyline" bash "$t"
    done
done

if command -v valgrind >/dev/null && [ "${SL_VALGRIND:-1}" != 0 ]; then
    # Each verb once over the examples: no leak, no invalid access.
    for verb in "inspect examples/" "stories examples/ --format text" "events examples/" \
                "dedup examples/" "similarity examples/text/antwerp-strike-en.txt examples/text/antwerp-strike-nl.txt"; do
        tally "valgrind storyline $verb" bash -c '
            valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
                build/storyline '"$verb"' >/dev/null 2>vg.log; rc=$?
            if [ $rc -eq 9 ]; then cat vg.log; echo "FAIL valgrind"; else echo "ok valgrind-clean (exit $rc)"; fi
            rm -f vg.log'
    done
else
    echo "skip valgrind: not installed"; skipped=$((skipped + 1))
fi

if [ -d build/fuzz ] || command -v clang-14 >/dev/null; then
    if make -s fuzz >"$log" 2>&1; then
        for f in build/fuzz/fuzz_*; do
            [ -x "$f" ] || continue
            n=$(basename "$f")
            tally "fuzz $n (${SL_FUZZ_SECONDS:-10}s)" bash -c "
                mkdir -p build/fuzz/corpus-$n
                '$f' -max_total_time=${SL_FUZZ_SECONDS:-10} -max_len=65536 -timeout=10 \
                    build/fuzz/corpus-$n examples/text examples/html examples >build/fuzz/$n.log 2>&1 \
                    && echo 'ok $n' || { tail -40 build/fuzz/$n.log; echo 'FAIL $n'; }"
        done
    else
        cat "$log"; echo "FAIL make fuzz"; failed=$((failed + 1))
    fi
else
    echo "skip fuzz: clang-14 not installed"; skipped=$((skipped + 1))
fi

echo
echo "$passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ]
