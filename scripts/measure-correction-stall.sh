#!/bin/bash
# Measures what corrections cost the other writers (docs/performance.md, "Corrections decided outside the lock"):
#   accord-bench generate --data-dir DATA --events 200000
#   scripts/measure-correction-stall.sh .build-release/release/accordd .build-release/release/accord \
#       .build-release/release/accord-bench DATA [APPENDS]
# Copies DATA (the run appends to the log), starts accordd on the copy with a socket of its own, then runs one
# `accord-bench append` client (APPENDS requests, default 3000) and, while it runs, one `accord correct` after
# another (each renames a generated institution at a spread position). Prints the appender's latencies (a
# correction decided under the engine's lock holds every append up for its whole replay), the corrections' count
# and median, and stops the daemon it started.
set -u
daemon_binary=$1
client_binary=$2
bench_binary=$3
data=$4
appends=${5:-3000}
. "$(dirname "$0")/lib/start-on-a-copy.sh"
head=$(curl -sf --unix-socket "$socket" http://accordd/v1/status | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"]["position"])')
"$bench_binary" append --socket "$socket" --clients 1 --commands "$appends" --json >"$work/append.json" &
appender=$!
run_begun=$(date +%s.%N)
times=()
fraction=1
while kill -0 "$appender" 2>/dev/null; do
    position=$((head * fraction / 10))
    event="{\"type\":\"InstitutionRegistered\",\"payload\":{\"institutionID\":\"generated-$((position - 1))\",\"name\":\"Renamed ${#times[@]}\",\"country\":\"FR\",\"kind\":\"other\"}}"
    begun=$(date +%s.%N)
    "$client_binary" --socket "$socket" correct --position "$position" --reason "measured" --event "$event" >/dev/null \
        || { echo "correction of $position failed"; cat "$work/daemon.err"; exit 1; }
    times+=("$(echo "($(date +%s.%N) - $begun) * 1000" | bc)")
    fraction=$((fraction % 9 + 2))
done
wait "$appender" || { echo "accord-bench append failed"; exit 1; }
python3 - "$work/append.json" <<'PYTHON'
import json, sys
result = json.load(open(sys.argv[1]))
latency = result["latency_ms"]
print(f"appends: {result['events_per_second']:,.0f} events/s, p50 {latency['p50']:.2f} ms, "
      f"p99 {latency['p99']:.2f} ms, p99.9 {latency['p99_9']:.2f} ms, max {latency['max']:.2f} ms")
PYTHON
printf 'corrections meanwhile: %s in %.1f s, median %.0f ms\n' "${#times[@]}" "$(echo "$(date +%s.%N) - $run_begun" | bc)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((${#times[@]} + 1) / 2))p")"
echo "RSS after $(grep VmRSS /proc/$pid/status)"
