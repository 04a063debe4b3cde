#!/bin/bash
# Says what holds accordd's memory once it is ready (docs/performance.md, "What the memory at 1,000,000 events is"):
#   accord-bench generate --data-dir DATA --events 1000000
#   scripts/measure-memory-owners.sh .build-release/release/accordd DATA [ROWS]
# Removes DATA/ledger.snapshot, starts accordd under heaptrack (apt install heaptrack) until GET /v1/status answers,
# prints its RSS, and kills it with SIGKILL, so that the clean stop's snapshot is not counted. Then prints the heap
# still live, by the deepest Accord frame that allocated it, largest first (ROWS of them, 16 by default).
set -eu
daemon_binary=$1
data=$2
rows=${3:-16}
command -v heaptrack >/dev/null || { echo "heaptrack is missing: apt-get install -y heaptrack" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$data/ledger.snapshot"
socket=$work/accord.sock
heaptrack -o "$work/profile" "$daemon_binary" --socket "$socket" --data-dir "$data" --log-target stderr \
    --log-level error >"$work/heaptrack.out" 2>&1 &
for _ in $(seq 1 2400); do
    curl -sf --unix-socket "$socket" http://accordd/v1/status >/dev/null 2>&1 && break
    sleep 0.2
done
pid=$(pgrep -f -n -- "^$daemon_binary --socket $socket")
echo "RSS once ready: $(grep VmRSS /proc/"$pid"/status)"
kill -KILL "$pid"
wait
heaptrack_print -f "$work"/profile*.zst -F "$work/stacks.txt" --flamegraph-cost-type leaked >/dev/null 2>&1
python3 - "$work/stacks.txt" "$rows" <<'PY'
import collections, subprocess, sys

owners = collections.Counter()
for line in open(sys.argv[1]):
    stack, _, cost = line.rstrip().rpartition(" ")
    frames = stack.split(";")
    accord = [frame for frame in frames if "Accord" in frame]
    owners[(accord or frames)[-1].split(" ")[0]] += int(cost)
total = sum(owners.values())
print(f"live heap: {total / 1e6:.1f} MB")
top = owners.most_common(int(sys.argv[2]))
names = [name for name, _ in top]
try:
    demangled = subprocess.run(
        ["swift", "demangle"], input="\n".join(names), capture_output=True, text=True
    ).stdout.splitlines()
    names = demangled if len(demangled) == len(names) else names
except FileNotFoundError:
    pass
for (_, cost), readable in zip(top, names):
    print(f"{cost / 1e6:8.1f} MB  {readable[:200]}")
PY
