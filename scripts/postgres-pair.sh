#!/usr/bin/env bash
# A PostgreSQL primary and its streaming standby on this machine, each with an accordd in front, and a failover
# between them: the runbook of docs/operations.md ("A primary and a standby on one machine") as one script.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/postgres-pair.sh --dir DIR start | walkthrough | failover | stop

A PostgreSQL primary and a streaming standby on this machine (two clusters, Unix sockets only, no TCP), each with
an accordd in front of it, then a failover. Everything lives in DIR (created if missing; as root, its parents must
be searchable by the postgres user, as /tmp is): the clusters in DIR/primary and DIR/standby (their sockets there
too), the daemons' sockets DIR/primary.sock and DIR/standby.sock, their data folders DIR/primary-accord and
DIR/standby-accord, the logs DIR/*.log and DIR/*/postgresql.log.

  start        initdb the primary (synchronous_standby_names='*', synchronous_commit=remote_apply: an event is
               acknowledged once the standby applied it), pg_basebackup the standby from it (streaming), create
               the database accord, start `accordd --store ...` on the primary, copy its checkpoint signing key to
               the standby's data folder (the pair signs as one log), start `accordd --store ... --read-only` on the
               standby, and wait until both answer.
  walkthrough  record the README walk-through on the primary, its proofs included (a checkpoint signed and kept
               in the database, an inclusion proof checked, `accord verify`), and keep its latest checkpoint in
               DIR/old-checkpoint.txt, for `accord verify --checkpoint` after the failover.
  failover     lose the primary (SIGKILL its accordd, stop its PostgreSQL at once, as a power cut), stop the
               standby's accordd, promote the standby, copy the personal data (as from a backup: it is not in
               PostgreSQL), and start a writing accordd on DIR/standby.sock.
  stop         stop every accordd and PostgreSQL of DIR (DIR stays; remove it with rm -r).

Options:
  --dir DIR    where everything lives (required)
  -h, --help   this help

Environment: ACCORD_BIN, the folder of accord and accordd (default: .build/debug of this checkout, after
`swift build`); PG_BIN, PostgreSQL's server programs (default: the newest /usr/lib/postgresql/*/bin).
As root, PostgreSQL runs as the postgres user (it refuses root); accordd runs as you.
Exit status: 0 done, 1 a step failed (its log is printed), 64 usage error.
EOF
}

dir=""
command=""
while [ $# -gt 0 ]; do
    case "$1" in
    -h | --help) usage; exit 0 ;;
    --dir) [ $# -ge 2 ] || { echo "postgres-pair.sh: --dir needs a folder" >&2; exit 64; }; dir="$2"; shift 2 ;;
    start | walkthrough | failover | stop)
        [ -z "$command" ] || { echo "postgres-pair.sh: one command at a time ($command, $1)" >&2; exit 64; }
        command="$1"; shift ;;
    *) echo "postgres-pair.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
    esac
done
[ -n "$command" ] || { usage >&2; exit 64; }
[ -n "$dir" ] || { echo "postgres-pair.sh: --dir DIR is required (see --help)" >&2; exit 64; }

checkout="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ACCORD_BIN:-$checkout/.build/debug}"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || {
    echo "postgres-pair.sh: PostgreSQL's server programs are not installed (as root: scripts/ensure-dependencies.sh, or apt-get install postgresql); or set PG_BIN" >&2
    exit 1
}
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
deadline_seconds=60

fail() {
    echo "postgres-pair.sh: $1" >&2
    [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 20 "$2" >&2
    exit 1
}

# Closes every descriptor past 2 (in a subshell about to exec a program): a server started from here must not
# hold the caller's pipes open.
close_inherited() {
    for fd in /proc/self/fd/*; do
        fd="${fd##*/}"
        [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null || true
    done
}

# PostgreSQL's programs, as the postgres user when root (PostgreSQL refuses root), from a folder it may enter.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        (close_inherited; exec /usr/sbin/runuser -u postgres -- env -C "$dir" "$@")
    else
        (close_inherited; exec "$@")
    fi
}

sql() { # sql CLUSTER DATABASE STATEMENT
    "$pg_bin/psql" -h "$dir/$1" -U accord -d "$2" -XAtq -v ON_ERROR_STOP=1 -c "$3"
}

standby_streams() { test "$(sql primary postgres "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1; }
standby_has_ledger() { test "$(sql standby accord "SELECT to_regclass('accord_ledger') IS NOT NULL")" = t; }
# A process that ended: no longer in /proc, or a zombie nobody reaped yet.
ended() { [ ! -e "/proc/$1" ] || grep -q ') Z ' "/proc/$1/stat"; }

wait_for() { # wait_for WHAT LOG COMMAND...: polls COMMAND every 0.2 s until it succeeds or the deadline passes
    local what="$1" log="$2" start=$SECONDS
    shift 2
    until "$@" >/dev/null 2>&1; do
        [ $((SECONDS - start)) -lt $deadline_seconds ] || fail "$what did not happen within $deadline_seconds s" "$log"
        sleep 0.2
    done
}

start_cluster() { # start_cluster NAME [SERVER OPTIONS]
    local name="$1"
    as_postgres "$pg_bin/pg_ctl" -D "$dir/$name/data" -l "$dir/$name/postgresql.log" -w -t $deadline_seconds \
        -o "-k $dir/$name -c listen_addresses='' ${2:-}" start </dev/null >"$dir/$name.pg_ctl.log" 2>&1 ||
        fail "PostgreSQL $name did not start" "$dir/$name/postgresql.log"
}

start_accordd() { # start_accordd NAME CLUSTER [--read-only]
    local name="$1" cluster="$2"
    shift 2
    (
        close_inherited
        exec "$bin/accordd" --socket "$dir/$name.sock" --data-dir "$dir/$name-accord" --log-target stderr \
            --store "postgresql://accord@/accord?host=$dir/$cluster" "$@"
    ) </dev/null >>"$dir/$name.accordd.log" 2>&1 &
    echo $! >"$dir/$name.accordd.pid"
    wait_for "accordd $name answering on $dir/$name.sock" "$dir/$name.accordd.log" \
        "$bin/accord" --socket "$dir/$name.sock" status
}

is_our_accordd() { # is_our_accordd PID SOCKET: whether PID runs accordd with --socket SOCKET
    local arguments
    arguments="$(tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [ "$(basename -- "$(printf '%s\n' "$arguments" | head -n 1)")" = accordd ] &&
        printf '%s\n' "$arguments" | grep -qxF -- "$2"
}

stop_accordd() { # stop_accordd NAME SIGNAL
    local pid_file="$dir/$1.accordd.pid"
    [ -f "$pid_file" ] || return 0
    local pid
    pid="$(cat "$pid_file")"
    # The pid file may be an earlier run's and the pid another process's now: signal it only if it is still this
    # pair's accordd, on this socket.
    if is_our_accordd "$pid" "$dir/$1.sock" && kill "-$2" "$pid" 2>/dev/null; then
        wait_for "accordd $1 (pid $pid) ending" "$dir/$1.accordd.log" ended "$pid"
    fi
    rm -f "$pid_file"
}

stop_cluster() { # stop_cluster NAME MODE
    [ -f "$dir/$1/data/postmaster.pid" ] || return 0
    as_postgres "$pg_bin/pg_ctl" -D "$dir/$1/data" -m "$2" -w stop </dev/null >>"$dir/$1.pg_ctl.log" 2>&1 || true
}

case "$command" in
start)
    [ ! -e "$dir/primary" ] || fail "$dir already holds a pair; \`--dir $dir stop\` and remove it, or choose another"
    [ -x "$bin/accordd" ] || fail "no accordd in $bin: run \`swift build\` in $checkout, or set ACCORD_BIN"
    mkdir -p "$dir/primary" "$dir/standby"
    if [ "$(id -u)" -eq 0 ]; then
        /usr/sbin/runuser -u postgres -- test -x "$dir" ||
            fail "the postgres user cannot enter $dir: choose a folder whose parents it may search (chmod o+x), e.g. under /tmp"
        chown postgres: "$dir/primary" "$dir/standby"
    fi
    as_postgres "$pg_bin/initdb" -D "$dir/primary/data" -U accord --auth=trust -E UTF8 </dev/null \
        >"$dir/primary.initdb.log" 2>&1 || fail "initdb failed" "$dir/primary.initdb.log"
    # Given at the primary's start, not in its data folder: the standby's copy of the folder must not wait for a
    # synchronous standby of its own once it is promoted.
    start_cluster primary "-c synchronous_standby_names='*' -c synchronous_commit=remote_apply"
    as_postgres "$pg_bin/pg_basebackup" -h "$dir/primary" -U accord -D "$dir/standby/data" -R -X stream </dev/null \
        >"$dir/standby.basebackup.log" 2>&1 || fail "pg_basebackup failed" "$dir/standby.basebackup.log"
    start_cluster standby
    wait_for "the standby streaming from the primary" "$dir/standby/postgresql.log" standby_streams
    sql primary postgres "CREATE DATABASE accord"
    start_accordd primary primary
    mkdir -m 700 "$dir/standby-accord"
    cp -p "$dir/primary-accord/checkpoint-signing.key" "$dir/standby-accord/"
    wait_for "the ledger table on the standby" "$dir/standby/postgresql.log" standby_has_ledger
    start_accordd standby standby --read-only
    echo "primary: accord --socket $dir/primary.sock ...   standby (read-only): accord --socket $dir/standby.sock ..."
    ;;
walkthrough)
    # The README's walk-through block.
    script="$(awk '/^## Walk-through/ { section = 1 } section && /^```sh$/ { inside = 1; next }
        inside && /^```$/ { exit } inside { print }' "$checkout/README.md")"
    [ -n "$script" ] || fail "no walk-through found in $checkout/README.md"
    (cd "$(mktemp -d)" && PATH="$bin:$PATH" ACCORD_SOCKET="$dir/primary.sock" sh -e -c "$script")
    "$bin/accord" --socket "$dir/primary.sock" checkpoint >"$dir/old-checkpoint.txt"
    ;;
failover)
    [ -f "$dir/primary.accordd.pid" ] || fail "no primary accordd in $dir: \`--dir $dir start\` first"
    stop_accordd primary KILL
    stop_cluster primary immediate
    stop_accordd standby TERM
    as_postgres "$pg_bin/pg_ctl" -D "$dir/standby/data" -w -t $deadline_seconds promote </dev/null \
        >>"$dir/standby.pg_ctl.log" 2>&1 || fail "the standby was not promoted" "$dir/standby/postgresql.log"
    if [ -d "$dir/primary-accord/personal-data" ]; then
        rm -rf "$dir/standby-accord/personal-data"
        cp -a "$dir/primary-accord/personal-data" "$dir/standby-accord/"
    fi
    start_accordd standby standby
    echo "the new primary: accord --socket $dir/standby.sock ..."
    ;;
stop)
    stop_accordd primary TERM
    stop_accordd standby TERM
    stop_cluster primary fast
    stop_cluster standby fast
    ;;
esac
