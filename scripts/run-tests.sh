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
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
swift_status=${PIPESTATUS[0]}
summary=$(grep -E "^\s*Executed [0-9]+ tests?" "$log" | tail -n 1)
executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
failures=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
skipped=$(grep -oE "[0-9]+ tests? skipped" <<<"$summary" | grep -oE "^[0-9]+" || echo 0)
executed=${executed:-0}; failures=${failures:-0}; skipped=${skipped:-0}
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
echo "accord: $passed passed, $failed failed, $((skipped + systemd_skipped + openapi_skipped)) skipped"
[ "$failed" -eq 0 ] && [ "$executed" -gt 0 ]
