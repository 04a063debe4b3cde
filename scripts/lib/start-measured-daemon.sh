# Sourced by the measuring scripts: starts "$daemon_binary" on "$daemon_data" with a socket of its own in "$work",
# waits until GET /v1/status answers (up to 8 minutes), and prints when it was ready and its RSS. Sets $socket and
# $pid, and stops the daemon and removes "$work" when the script exits.
socket=$work/accord.sock
started=$(date +%s.%N)
"$daemon_binary" --socket "$socket" --data-dir "$daemon_data" --log-target stderr --log-level error 2>"$work/daemon.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 2400); do
    curl -sf --unix-socket "$socket" http://accordd/v1/status >/dev/null 2>&1 && break
    sleep 0.2
done
echo "ready after $(echo "$(date +%s.%N) - $started" | bc) s"
echo "RSS $(grep VmRSS /proc/$pid/status)"
