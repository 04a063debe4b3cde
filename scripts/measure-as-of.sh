#!/bin/bash
# Measures as-of queries against a generated log (docs/performance.md, "As-of queries"):
#   accord-bench generate --data-dir DATA --events 200000
#   scripts/measure-as-of.sh .build/debug/accordd DATA
# Starts accordd on DATA with a socket of its own, prints when it was ready and its RSS, then times 100
# `institution show` requests at the head and 100 as of random positions, and stops the daemon it started.
# It removes DATA/ledger.snapshot first (the daemon's clean stop writes one), so every run replays the whole log
# and keeps the as-of versions a replay keeps: a start from a snapshot keeps none before it.
set -u
daemon_binary=$1
data=$2
work=$(mktemp -d)
rm -f "$data/ledger.snapshot"
daemon_data="$data"
. "$(dirname "$0")/lib/start-measured-daemon.sh"
python3 - "$socket" <<'PY'
import json, random, socket, sys, time

path = sys.argv[1]

def get(target):
    connection = socket.socket(socket.AF_UNIX)
    connection.connect(path)
    connection.sendall(f"GET {target} HTTP/1.1\r\nHost: accordd\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(1 << 20)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += connection.recv(1 << 20)
    connection.close()
    assert b" 200 " in head.split(b"\r\n")[0], head
    return body

head = json.loads(get("/v1/status"))["head"]["position"]
print(f"head {head}")
random.seed(1)
for label, target in [
    ("head: institution show", "/v1/institutions/generated-5"),
    ("as-of: institution show", "/v1/institutions/generated-5?asOfPosition={position}"),
]:
    times = []
    for _ in range(100):
        started = time.perf_counter()
        get(target.format(position=random.randint(6, head)))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"{label}: p50 {times[49]:.1f} ms, p99 {times[98]:.1f} ms, max {times[-1]:.1f} ms")
PY
echo "RSS after $(grep VmRSS /proc/$pid/status)"
