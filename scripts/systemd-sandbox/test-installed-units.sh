#!/usr/bin/env bash
# The systemd part of `make test`: installs Accord into a scratch tree (debug build, as the other tests use), checks
# the units statically (verify, security score, sysusers), then boots systemd 252 in a private namespace
# and drives the installed units through socket activation, reload, restart and stop, then through freezes, crash
# signals, a write probe and reloads of good and broken files (recovery-test.sh); last, the journald log
# handler's round trip through a real journald (needs the test binary that `swift build --build-tests` made), and
# that `make uninstall` leaves no file in the tree.
# Exit 0 passed, 1 failed, 77 skipped (with the reason printed), like its parts.
set -uo pipefail
cd "$(dirname "$0")/../.."

root=$(mktemp -d /tmp/accord-install.XXXXXX)
trap 'rm -rf "$root"' EXIT
make --no-print-directory build-release CONFIGURATION=debug >"$root.install.log" 2>&1 \
    && make --no-print-directory install DESTDIR="$root" PREFIX=/usr CONFIGURATION=debug >>"$root.install.log" 2>&1 || {
    cat "$root.install.log"; rm -f "$root.install.log"
    echo "FAIL: make build-release && make install DESTDIR=$root"
    exit 1
}
rm -f "$root.install.log"

results=()
run_part() {
    local name=$1
    shift
    echo "=== $name"
    "$@"
    local status=$?
    case $status in
        0) results+=("passed") ;;
        77) results+=("skipped") ;;
        *) results+=("failed"); echo "FAIL: $name (exit $status)" ;;
    esac
}

run_part "unit files: verify, security score, sysusers" systemd/check.sh "$root"
run_part "accordd under systemd: socket activation, notify, watchdog, journal, reload, restart, stop" \
    scripts/systemd-sandbox/run.sh "$root" scripts/systemd-sandbox/accordd-test.sh
run_part "accordd recovers under systemd: watchdog, crash signals, write probe, reload that fails loudly" \
    scripts/systemd-sandbox/run.sh "$root" scripts/systemd-sandbox/recovery-test.sh
if [ -x .build/debug/accordPackageTests.xctest ]; then
    empty=$(mktemp -d /tmp/accord-empty.XXXXXX)
    run_part "JournalLogHandler round trip through a real systemd-journald" \
        env SANDBOX_WANTS=systemd-journald.socket ACCORD_TEST_BINARY=.build/debug/accordPackageTests.xctest \
        scripts/systemd-sandbox/run.sh "$empty" scripts/systemd-sandbox/journal-test.sh
    rmdir "$empty"
fi

# make uninstall removes every file make install put there.
run_part "make uninstall removes what make install installed" bash -c '
    make --no-print-directory uninstall DESTDIR="$1" PREFIX=/usr CONFIGURATION=debug >/dev/null || exit 1
    left=$(find "$1" -not -type d)
    [ -z "$left" ] || { echo "left behind: $left"; exit 1; }
    echo "ok: make uninstall left no file in $1"
' bash "$root"

passed=0; failed=0; skipped=0
for result in "${results[@]}"; do
    case $result in passed) passed=$((passed + 1)) ;; failed) failed=$((failed + 1)) ;; skipped) skipped=$((skipped + 1)) ;; esac
done
echo "systemd: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
[ "$passed" -gt 0 ] || exit 77
exit 0
