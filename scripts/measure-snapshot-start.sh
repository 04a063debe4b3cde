#!/bin/bash
# Measures a start from ledger.snapshot beside a full replay of the same log (docs/performance.md, "Start from a
# snapshot"):
#   accord-bench generate --data-dir DATA --events 1000000
#   scripts/measure-snapshot-start.sh .build-release/release/accordd DATA
# Removes DATA/ledger.snapshot and starts accordd (a full replay), prints when it was ready and its RSS, and stops
# it cleanly, which writes ledger.snapshot (its size is printed); then starts it again, from that snapshot, prints
# the same and stops it. A snapshot set aside instead of used fails the run.
set -eu
daemon_binary=$1
data=$2
rm -f "$data/ledger.snapshot"
for run in "full replay" "from the snapshot"; do
    echo "$run:"
    (
        work=$(mktemp -d)
        daemon_data="$data"
        . "$(dirname "$0")/lib/start-measured-daemon.sh"
    )
    echo "ledger.snapshot: $(stat -c %s "$data/ledger.snapshot") bytes"
    if compgen -G "$data/ledger.snapshot.set-aside-*" >/dev/null; then
        echo "the snapshot was set aside (see the daemon's log): not a start from it" >&2
        exit 1
    fi
done
