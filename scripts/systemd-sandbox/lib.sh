# Helpers for run.sh and for the test scripts it runs (exported to them). Sourced, not executed.

# Runs a command inside the sandbox: its mount namespace (private /run, the overlaid /usr/bin) and PID namespace.
in_sandbox() {
    nsenter -t "$SANDBOX_PID" -m -p -- "$@"
}

# Polls a command (a function or a program) every 0.1 s until it succeeds; returns 1 once SECONDS have passed.
wait_until() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            return 1
        fi
        sleep 0.1
    done
}

# One property of a unit inside the sandbox, e.g. unit_property accordd.service ActiveState.
unit_property() {
    in_sandbox systemctl show --value --property "$2" "$1"
}

# For the accordd test scripts: a heading, a failure that shows the units' state and exits 1, and a client command
# run in the sandbox with a deadline.
step() {
    echo "--- $*"
}

fail() {
    echo "FAIL: $*" >&2
    in_sandbox systemctl --no-pager status accordd.service accordd.socket >&2 || true
    exit 1
}

client() {
    in_sandbox timeout 60 "$@"
}

export -f in_sandbox wait_until unit_property step fail client
