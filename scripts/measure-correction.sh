#!/bin/bash
# Measures corrections against a generated log (docs/performance.md, "Corrections"):
#   accord-bench generate --data-dir DATA --events 200000
#   scripts/measure-correction.sh .build-release/release/accordd .build-release/release/accord DATA
# Copies DATA (a correction appends to the log), starts accordd on the copy with a socket of its own, prints when
# it was ready and its RSS, then times 5 `accord correct` runs (each renames a generated institution at a spread
# position), prints their median, and stops the daemon it started.
set -u
daemon_binary=$1
client_binary=$2
data=$3
. "$(dirname "$0")/lib/start-on-a-copy.sh"
head=$(curl -sf --unix-socket "$socket" http://accordd/v1/status | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"]["position"])')
# The CLI's own cost (a process, a connection, a query), for scale.
begun=$(date +%s.%N)
for _ in 1 2 3 4 5; do "$client_binary" --socket "$socket" status >/dev/null; done
printf 'accord status: %.0f ms each\n' "$(echo "($(date +%s.%N) - $begun) * 200" | bc)"
times=()
for fraction in 1 3 5 7 9; do
    position=$((head * fraction / 10))
    event="{\"type\":\"InstitutionRegistered\",\"payload\":{\"institutionID\":\"generated-$((position - 1))\",\"name\":\"Renamed $position\",\"country\":\"FR\",\"kind\":\"other\"}}"
    begun=$(date +%s.%N)
    "$client_binary" --socket "$socket" correct --position "$position" --reason "measured" --event "$event" >/dev/null \
        || { echo "correction of $position failed"; cat "$work/daemon.err"; exit 1; }
    elapsed=$(echo "($(date +%s.%N) - $begun) * 1000" | bc)
    times+=("$elapsed")
    printf 'correction of position %s: %.0f ms\n' "$position" "$elapsed"
done
printf 'median %.0f ms\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
echo "RSS after $(grep VmRSS /proc/$pid/status)"
