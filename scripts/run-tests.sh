#!/usr/bin/env bash
# `make test`: every test, in one run, with one closing line that counts them.
#   1. swift test (XCTest): domain, log, systemd module, engine, and end-to-end tests of the real binaries;
#   2. the units and the daemon under a real systemd 252 booted in a private namespace (skipped, saying why,
#      where that cannot run);
#   3. docs/openapi.yaml against the running daemon: its examples, then schemathesis (scripts/check-openapi.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp /tmp/accord-tests.XXXXXX.log)
trap 'rm -f "$log"' EXIT

swift build --build-tests || { echo "accord: 0 passed, 1 failed"; exit 1; }
# The common default limit of 1,024 descriptors: a descriptor the test process forgets to close fails here first.
(ulimit -Sn 1024 2>/dev/null; exec swift test --skip-build --disable-swift-testing) 2>&1 | tee "$log"
swift_status=${PIPESTATUS[0]}
# Counted from each test case's own line, not from XCTest's closing summary: a test process that dies on a signal
# never prints that summary, and the counts must still say how far it got.
executed=$(grep -cE "^Test Case '.*' (passed|failed|skipped) " "$log")
failures=$(grep -cE "^Test Case '.*' failed " "$log")
skipped=$(grep -cE "^Test Case '.*' skipped " "$log")
# The test that was running when the process died is the last one started and never ended.
last_started=$(grep -oE "^Test Case '[^']*' started" "$log" | tail -n 1 | sed -E "s/^Test Case '([^']*)' started/\1/")
crashed=""
if [ "$swift_status" -ne 0 ] && ! grep -qE "^Test Suite 'All tests' (passed|failed)" "$log"; then
    crashed="$last_started"
    failures=$((failures + 1)); executed=$((executed + 1))
fi
if [ "$swift_status" -ne 0 ] && [ "$failures" -eq 0 ]; then failures=1; fi

scripts/systemd-sandbox/test-installed-units.sh
case $? in
    0) systemd_passed=1; systemd_failed=0; systemd_skipped=0 ;;
    77) systemd_passed=0; systemd_failed=0; systemd_skipped=1 ;;
    *) systemd_passed=0; systemd_failed=1; systemd_skipped=0 ;;
esac

scripts/check-openapi.sh
case $? in
    0) openapi_passed=1; openapi_failed=0; openapi_skipped=0 ;;
    77) openapi_passed=0; openapi_failed=0; openapi_skipped=1 ;;
    *) openapi_passed=0; openapi_failed=1; openapi_skipped=0 ;;
esac

passed=$((executed - failures - skipped + systemd_passed + openapi_passed))
failed=$((failures + systemd_failed + openapi_failed))
echo
# Repeated at the end, where a CI log's tail shows it: which tests failed, and where the test process died.
grep -E "^Test Case '.*' failed |: error: " "$log" | sed 's/^/failed: /' | head -n 40
if [ -n "$crashed" ]; then
    echo "crashed: the test process ended (status $swift_status) during $crashed:"
    grep -E "Fatal error|Precondition failed|Exited with|signal" "$log" | tail -n 5 | sed 's/^/    /'
    tail -n 15 "$log" | sed 's/^/    | /'
fi
[ "$systemd_failed" -eq 0 ] || echo "failed: the systemd sandbox test (its output is above)"
[ "$openapi_failed" -eq 0 ] || echo "failed: the OpenAPI check (its output is above)"
echo "accord: $passed passed, $failed failed, $((skipped + systemd_skipped + openapi_skipped)) skipped"
[ "$failed" -eq 0 ] && [ "$executed" -gt 0 ]
