#!/usr/bin/env bash
# `make test`'s check of docs/openapi.yaml against the real daemon, on a fresh socket and data folder:
#   1. every request example of the spec, in order, on an empty ledger: each answers as the spec says (status,
#      content type, body schema) (scripts/openapi/check-examples.py, Python with PyYAML);
#   2. schemathesis (from PyPI, installed in .build/openapi-venv) generating requests from the spec for a bounded
#      time, over a TCP bridge on loopback (socat, from Debian) to the Unix socket: no 5xx, every status, content
#      type and body as documented.
# Exits 0 when both passed, 77 when neither could run (saying why), 1 when a check failed. A step that cannot run
# (no network for PyPI, no socat) is skipped with the reason; the other still runs.
# ACCORD_BUILD_DIR: where accordd and accord are (default .build/debug); ACCORD_SCHEMATHESIS_SECONDS: the fuzzing
# budget (default 60).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

build=${ACCORD_BUILD_DIR:-.build/debug}
seconds=${ACCORD_SCHEMATHESIS_SECONDS:-60}
venv=.build/openapi-venv
spec=docs/openapi.yaml
work=$(mktemp -d /tmp/accord-openapi.XXXXXX)
daemon_pid=""
bridge_pid=""
finish() {
    [ -n "$bridge_pid" ] && kill "$bridge_pid" 2>/dev/null
    if [ -n "$daemon_pid" ]; then
        kill "$daemon_pid" 2>/dev/null
        wait "$daemon_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap finish EXIT

say() { echo "check-openapi: $*"; }

# The tools: schemathesis (which brings PyYAML) in a venv of the project's own, socat through apt as root.
if [ ! -x "$venv/bin/schemathesis" ]; then
    rm -rf "$venv"
    if python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install -q "schemathesis>=4,<5" >"$work/pip.log" 2>&1; then
        say "installed schemathesis $("$venv/bin/schemathesis" --version | awk '{print $NF}') in $venv"
    else
        say "cannot install schemathesis from PyPI (no network?): $(tail -n 1 "$work/pip.log" 2>/dev/null)"
        rm -rf "$venv"
    fi
fi
if ! command -v socat >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq --no-install-recommends socat || { apt-get update -qq && apt-get install -y -qq --no-install-recommends socat; }; } >/dev/null 2>&1
fi
python=python3
[ -x "$venv/bin/python" ] && python="$venv/bin/python"
if ! "$python" -c 'import yaml' 2>/dev/null; then
    say "skipped: neither schemathesis nor PyYAML is installed, so the spec cannot be read (pip install pyyaml)"
    exit 77
fi

socket="$work/accord.sock"
"$build/accordd" --socket "$socket" --data-dir "$work/data" --log-target stderr 2>"$work/accordd.log" &
daemon_pid=$!
deadline=$((SECONDS + 60))
until "$build/accord" --socket "$socket" status --timeout 30 >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$daemon_pid" 2>/dev/null; then
        say "accordd did not start:"; cat "$work/accordd.log"; exit 1
    fi
    sleep 0.1
done

failed=0
if "$python" scripts/openapi/check-examples.py "$spec" "$socket"; then
    say "every example answered as the spec says"
else
    failed=1
fi

if [ ! -x "$venv/bin/schemathesis" ]; then
    say "schemathesis skipped: it could not be installed from PyPI (see above)"
elif ! command -v socat >/dev/null 2>&1; then
    say "schemathesis skipped: socat is missing (apt-get install socat, as root), so no TCP bridge to the socket"
else
    port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$socket" &
    bridge_pid=$!
    deadline=$((SECONDS + 10))
    until "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 1).close()" 2>/dev/null; do
        [ $SECONDS -ge $deadline ] && { say "socat did not listen on 127.0.0.1:$port"; exit 1; }
        sleep 0.1
    done
    # From the scratch folder, where schemathesis leaves its example database. The hooks keep out the one request
    # whose answer never ends (a follower's stream: see the file).
    if (cd "$work" && SCHEMATHESIS_HOOKS="$root/scripts/openapi/schemathesis-hooks.py" \
        "$root/$venv/bin/schemathesis" run "$root/$spec" --url "http://127.0.0.1:$port" --no-color --workers 1 \
        --phases examples,coverage,fuzzing --max-time "$seconds" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        >"$work/schemathesis.log" 2>&1); then
        say "schemathesis: $(grep -E '[0-9]+ generated' "$work/schemathesis.log" | tr -s ' ')"
    else
        cat "$work/schemathesis.log"
        summary=$(grep -E '[0-9]+ generated' "$work/schemathesis.log" | tr -s ' ')
        if grep -qE '[0-9]+ failed' <<<"$summary"; then
            say "schemathesis found answers that differ from the spec (above):$summary"
        else
            # An error is a request that got no answer to check (a network error, a timeout), not a mismatch.
            say "schemathesis could not check some requests (errors above: no answer, or no whole one):$summary"
        fi
        failed=1
    fi
fi
if ! kill -0 "$daemon_pid" 2>/dev/null; then
    say "accordd exited during the checks:"; cat "$work/accordd.log"; failed=1
fi
exit $failed
