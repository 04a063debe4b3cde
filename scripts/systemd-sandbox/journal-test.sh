#!/usr/bin/env bash
# TEST_SCRIPT for run.sh: runs AccordSystemdTests inside the sandbox, where journald listens, so that the journal
# round trip of JournalLogHandler runs instead of skipping itself.
#
#   SANDBOX_WANTS=systemd-journald.socket ACCORD_TEST_BINARY=.build/debug/accordPackageTests.xctest \
#       scripts/systemd-sandbox/run.sh EMPTY_DIRECTORY scripts/systemd-sandbox/journal-test.sh
set -euo pipefail

binary=${ACCORD_TEST_BINARY:?set ACCORD_TEST_BINARY to the XCTest binary that holds AccordSystemdTests}
[ -x "$binary" ] || { echo "FAIL: $binary is not an executable"; exit 1; }

# The sandbox has its own /tmp and may not see the build folder: hand the binary over through a pipe.
inside=/tmp/accord-tests.xctest
in_sandbox sh -c "cat >$inside && chmod +x $inside" <"$binary"
output=$(in_sandbox timeout 300 "$inside" AccordSystemdTests.JournalLogHandlerTests 2>&1) || {
    echo "$output"
    echo "FAIL: JournalLogHandlerTests failed inside the sandbox"
    exit 1
}
echo "$output" | grep -E "^Test Case .*(passed|skipped|failed)"
if ! grep -q "testEntryRoundTripsThroughTheRealJournal' passed" <<<"$output"; then
    echo "FAIL: the journal round trip did not pass inside the sandbox"
    exit 1
fi
echo "journal round trip passed under systemd-journald"
