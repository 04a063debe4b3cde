#!/usr/bin/env bash
# Boots a real systemd as PID 1 of a private PID + mount namespace with the units of an install tree, runs a test
# script against it, powers it off and reports.
#
#   scripts/systemd-sandbox/run.sh INSTALL_ROOT TEST_SCRIPT
#
# INSTALL_ROOT is a `make install DESTDIR=INSTALL_ROOT` tree. Its units (usr/lib/systemd/system, lib/systemd/system,
# etc/systemd/system) are copied to the sandbox's /run/systemd/system; its usr/bin, usr/sbin and usr/libexec are laid
# over the host's with a read-only overlay inside the namespace, so /usr/bin/accordd exists there and nowhere else.
# Users and groups in INSTALL_ROOT/usr/lib/sysusers.d are created on the host with systemd-sysusers (the sandbox
# shares /etc with the host; this is the one lasting change, as a package install would make).
#
# TEST_SCRIPT runs on the host with bash, with SANDBOX_PID (host pid of the sandbox's systemd), SANDBOX_DIR (a
# scratch folder) and INSTALL_ROOT in its environment and these functions exported (see lib.sh):
#   in_sandbox CMD...             run CMD inside the sandbox (its /run, its systemd), e.g. in_sandbox systemctl status
#   wait_until SECONDS CMD...     poll CMD until it succeeds or the deadline passes (returns 1)
#   unit_property UNIT PROPERTY   one property of a unit, as `systemctl show --value`
# Its exit code is this script's exit code; 77 means skipped.
#
# Settings (environment): SANDBOX_WANTS (units the boot target wants; default accordd.socket),
# SANDBOX_BOOT_TIMEOUT_SECONDS (60), SANDBOX_TEST_TIMEOUT_SECONDS (600), SANDBOX_POWEROFF_TIMEOUT_SECONDS (60),
# SANDBOX_KEEP=1 keeps SANDBOX_DIR (always kept when the test fails).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

skip() {
    echo "systemd-sandbox: SKIP: $*"
    exit 77
}

if [ $# -ne 2 ]; then
    echo "usage: $0 INSTALL_ROOT TEST_SCRIPT" >&2
    exit 2
fi
[ -d "$1" ] || { echo "systemd-sandbox: INSTALL_ROOT $1 is not a directory" >&2; exit 2; }
[ -f "$2" ] || { echo "systemd-sandbox: TEST_SCRIPT $2 is not a file" >&2; exit 2; }
INSTALL_ROOT=$(realpath "$1")
test_script=$(realpath "$2")

[ "$(id -u)" -eq 0 ] || skip "needs root to boot systemd as PID 1 of a private PID and mount namespace"
for tool in unshare nsenter mount realpath timeout; do
    command -v "$tool" >/dev/null || skip "$tool is missing (Debian package util-linux or coreutils)"
done
systemd_binary=/lib/systemd/systemd
[ -x "$systemd_binary" ] || skip "$systemd_binary is missing (Debian package systemd)"
unshare --pid --fork --mount --propagation private true 2>/dev/null \
    || skip "unshare --pid --mount is refused here (no CAP_SYS_ADMIN in this container?)"
grep -qw overlay /proc/filesystems || skip "the kernel has no overlay file system, needed to show /usr/bin/accordd"
[ -s /etc/machine-id ] || skip "/etc/machine-id is missing or empty: systemd would write one into the host's /etc"

wants=${SANDBOX_WANTS:-accordd.socket}
boot_timeout_seconds=${SANDBOX_BOOT_TIMEOUT_SECONDS:-60}
test_timeout_seconds=${SANDBOX_TEST_TIMEOUT_SECONDS:-600}
poweroff_timeout_seconds=${SANDBOX_POWEROFF_TIMEOUT_SECONDS:-60}

SANDBOX_DIR=$(mktemp -d /tmp/accord-sandbox.XXXXXX)
units="$SANDBOX_DIR/units"
mkdir -p "$units"
unshare_pid=""
test_pid=""
SANDBOX_PID=""
# Mount points for the sandbox's own tmpfs: the state and the configuration folder (the host's stay untouched).
accord_directories=(/var/lib/accord /etc/accord)
created_directories=()
cgroup_name="accord-sandbox-$$"
cgroup_base=""
created_cgroup_ancestors=()
test_status=1

log() {
    echo "systemd-sandbox: $*"
}

# --- Cleanup: runs on every exit path, bounded in time, touches only what this run started or created. ---

power_off() {
    [ -n "$unshare_pid" ] || return 0
    if [ -n "$SANDBOX_PID" ] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
        kill -s SIGRTMIN+4 "$SANDBOX_PID" 2>/dev/null || true
        if ! wait_until "$poweroff_timeout_seconds" process_gone "$unshare_pid"; then
            log "systemd did not power off within ${poweroff_timeout_seconds}s; killing the namespace's PID 1"
            kill -s KILL "$SANDBOX_PID" 2>/dev/null || true
        fi
    fi
    if ! wait_until 10 process_gone "$unshare_pid"; then
        kill -s KILL "$unshare_pid" 2>/dev/null || true
    fi
    wait "$unshare_pid" 2>/dev/null || true
    unshare_pid=""
}

remove_cgroups() {
    [ -n "$cgroup_base" ] || return 0
    local hierarchy
    for hierarchy in /sys/fs/cgroup /sys/fs/cgroup/*; do
        [ -d "$hierarchy$cgroup_base/$cgroup_name" ] || continue
        find "$hierarchy$cgroup_base/$cgroup_name" -depth -type d -exec rmdir {} + 2>/dev/null || true
    done
    # systemd creates the base path in hierarchies where it did not exist; remove those, deepest first.
    local directory
    for directory in "${created_cgroup_ancestors[@]}"; do
        rmdir "$directory" 2>/dev/null || true
    done
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    set +e
    if [ -n "$test_pid" ]; then
        kill -s TERM "$test_pid" 2>/dev/null
        wait_until 15 process_gone "$test_pid" || kill -s KILL "$test_pid" 2>/dev/null
    fi
    if [ -n "$SANDBOX_PID" ] && [ "$test_status" -ne 0 ] && [ "$test_status" -ne 77 ]; then
        # The sandbox's journald also reads the host's kernel log; leave that out.
        log "journal of the sandbox without kernel messages (last 150 lines):"
        timeout 20 nsenter -t "$SANDBOX_PID" -m -p journalctl --no-pager -n 150 \
            _TRANSPORT=journal + _TRANSPORT=stdout + _TRANSPORT=syslog 2>&1 | sed 's/^/    /'
    fi
    power_off
    remove_cgroups
    local directory
    for directory in "${created_directories[@]}"; do
        rmdir "$directory" 2>/dev/null || true
    done
    if { [ "$status" -eq 0 ] || [ "$status" -eq 77 ]; } && [ "${SANDBOX_KEEP:-0}" != 1 ]; then
        rm -rf "$SANDBOX_DIR"
    else
        log "kept $SANDBOX_DIR (systemd's log is in console.log, boot.sh's output in boot.log)"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

process_gone() {
    ! kill -0 "$1" 2>/dev/null
}

# --- Users: the sandbox shares /etc with the host. ---

shopt -s nullglob
sysusers=("$INSTALL_ROOT"/usr/lib/sysusers.d/*.conf)
if [ ${#sysusers[@]} -gt 0 ]; then
    command -v systemd-sysusers >/dev/null || skip "systemd-sysusers is missing, needed for ${sysusers[*]}"
    systemd-sysusers "${sysusers[@]}"
fi

# --- Units: everything the install tree ships, our boot target, and masks for what would touch the host. ---

for directory in usr/lib/systemd/system lib/systemd/system etc/systemd/system; do
    if [ -d "$INSTALL_ROOT/$directory" ]; then
        cp -a "$INSTALL_ROOT/$directory/." "$units/"
    fi
done
cat >"$units/accord-test.target" <<EOF
[Unit]
Description=Accord sandbox boot target
DefaultDependencies=no
Wants=$wants
After=$wants
EOF
masked=(
    systemd-sysctl.service systemd-modules-load.service systemd-binfmt.service proc-sys-fs-binfmt_misc.automount
    proc-sys-fs-binfmt_misc.mount systemd-sysusers.service systemd-tmpfiles-setup.service
    systemd-tmpfiles-setup-dev.service systemd-tmpfiles-clean.timer systemd-tmpfiles-clean.service
    systemd-update-utmp.service systemd-update-utmp-runlevel.service systemd-journal-flush.service
    systemd-random-seed.service systemd-remount-fs.service systemd-udevd.service systemd-udev-trigger.service
    systemd-udev-settle.service systemd-timesyncd.service systemd-pstore.service systemd-firstboot.service
    systemd-machine-id-commit.service systemd-repart.service systemd-pcrphase.service
    systemd-pcrphase-sysinit.service systemd-hwdb-update.service systemd-journal-catalog-update.service
    systemd-update-done.service ldconfig.service kmod-static-nodes.service systemd-boot-update.service
    systemd-hibernate-resume@.service systemd-fsck-root.service systemd-quotacheck.service
)
for timer in /lib/systemd/system/*.timer /etc/systemd/system/*.timer; do
    case $timer in *@.timer) ;; *) masked+=("$(basename "$timer")") ;; esac
done
for unit in "${masked[@]}"; do
    ln -sfn /dev/null "$units/$unit"
done
mkdir -p "$SANDBOX_DIR/system.conf.d"
# PID 1 logs to the sandbox's journal, else to /dev/console, which boot.sh replaces with SANDBOX_DIR/console.log:
# never to the host's console, nor to the host's kernel log (journal-or-kmsg, the default). journald likewise logs
# about itself to kmsg by default.
mkdir -p "$units/systemd-journald.service.d"
cat >"$units/systemd-journald.service.d/sandbox.conf" <<EOF
[Service]
Environment=SYSTEMD_LOG_TARGET=console
EOF
cat >"$SANDBOX_DIR/system.conf.d/sandbox.conf" <<EOF
[Manager]
ShowStatus=no
LogTarget=journal
LogColor=no
DefaultTimeoutStartSec=30s
DefaultTimeoutStopSec=30s
EOF

overlays=()
for directory in usr/bin usr/sbin usr/libexec; do
    if [ -d "$INSTALL_ROOT/$directory" ] && [ -d "/$directory" ]; then
        overlays+=("$directory")
    fi
done

# --- Control groups: systemd takes the cgroup it starts in as its root. A fresh one per run keeps concurrent
# sandboxes apart and nests it under this process's own (so memory limits still apply). ---

for path in $(cut -d: -f3 /proc/self/cgroup); do
    [ ${#path} -gt ${#cgroup_base} ] && cgroup_base=$path
done
[ "$cgroup_base" = / ] && cgroup_base=""
cgroup_hierarchies=()
if [ "$(stat -f -c %T /sys/fs/cgroup)" = cgroup2fs ]; then
    cgroup_hierarchies=(/sys/fs/cgroup)
else
    for hierarchy in /sys/fs/cgroup/systemd /sys/fs/cgroup/unified; do
        [ -d "$hierarchy" ] && cgroup_hierarchies+=("$hierarchy")
    done
fi
for hierarchy in /sys/fs/cgroup /sys/fs/cgroup/*; do
    [ -f "$hierarchy/cgroup.procs" ] || continue
    ancestor=$cgroup_base
    while [ -n "$ancestor" ] && [ ! -d "$hierarchy$ancestor" ]; do
        created_cgroup_ancestors+=("$hierarchy$ancestor")
        ancestor=${ancestor%/*}
    done
done
for hierarchy in "${cgroup_hierarchies[@]}"; do
    mkdir -p "$hierarchy$cgroup_base/$cgroup_name"
done

# --- State and configuration: the sandbox's /var/lib/accord and /etc/accord are tmpfs, so nothing lands on the host. ---

for directory in "${accord_directories[@]}"; do
    if [ ! -d "$directory" ]; then
        mkdir "$directory"
        created_directories+=("$directory")
    fi
done

# --- Boot. ---

cat >"$SANDBOX_DIR/boot.sh" <<'EOF'
#!/bin/sh
# PID 1 of the new PID namespace, in a private mount namespace, until it becomes systemd.
set -eu
for hierarchy in $CGROUP_HIERARCHIES; do
    echo 0 >"$hierarchy$CGROUP_BASE/$CGROUP_NAME/cgroup.procs"
done
mount -t proc -o nosuid,nodev,noexec proc /proc
mount --bind "$SANDBOX_DIR/console.log" /dev/console
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mkdir -p /run/systemd/system /run/systemd/system.conf.d
cp -a "$SANDBOX_DIR/units/." /run/systemd/system/
cp "$SANDBOX_DIR/system.conf.d/sandbox.conf" /run/systemd/system.conf.d/
for directory in $OVERLAYS; do
    mount -t overlay overlay -o "ro,lowerdir=$INSTALL_ROOT/$directory:/$directory" "/$directory"
done
# Hide what the host enabled and its Accord configuration, and keep state, logs and temporary files off the host.
for directory in /etc/systemd/system /etc/accord /var/lib/accord /var/log/journal /tmp /var/tmp; do
    if [ -d "$directory" ]; then
        mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$directory"
    fi
done
chmod 1777 /tmp /var/tmp
exec env container=accord-sandbox "$SYSTEMD_BINARY" --system --unit=accord-test.target
EOF
chmod +x "$SANDBOX_DIR/boot.sh"
: >"$SANDBOX_DIR/console.log"

log "booting $systemd_binary with the units of $INSTALL_ROOT (the boot target wants: $wants)"
env SANDBOX_DIR="$SANDBOX_DIR" INSTALL_ROOT="$INSTALL_ROOT" OVERLAYS="${overlays[*]}" SYSTEMD_BINARY="$systemd_binary" \
    CGROUP_HIERARCHIES="${cgroup_hierarchies[*]}" CGROUP_BASE="$cgroup_base" CGROUP_NAME="$cgroup_name" \
    unshare --pid --fork --mount --propagation private "$SANDBOX_DIR/boot.sh" \
    </dev/null >"$SANDBOX_DIR/boot.log" 2>&1 &
unshare_pid=$!

namespace_child() {
    SANDBOX_PID=$(ps -o pid= --ppid "$unshare_pid" | tr -d ' ')
    [ -n "$SANDBOX_PID" ]
}
wait_until 10 namespace_child || { log "unshare started no child"; cat "$SANDBOX_DIR/boot.log"; exit 1; }
export SANDBOX_PID SANDBOX_DIR INSTALL_ROOT

manager_listening() {
    [ "$(readlink "/proc/$SANDBOX_PID/exe")" = "$(realpath "$systemd_binary")" ] \
        && in_sandbox test -S /run/systemd/private
}
if ! wait_until "$boot_timeout_seconds" manager_listening; then
    log "systemd did not come up within ${boot_timeout_seconds}s; its output:"
    sed 's/^/    /' "$SANDBOX_DIR/boot.log" "$SANDBOX_DIR/console.log"
    exit 1
fi
state=$(timeout "$boot_timeout_seconds" nsenter -t "$SANDBOX_PID" -m -p systemctl is-system-running --wait || true)
log "systemd is up as host pid $SANDBOX_PID; system state: ${state:-unknown}"
if [ "$state" != running ]; then
    in_sandbox systemctl --no-pager --failed | sed 's/^/    /'
fi

for unit in $wants; do
    load_state=$(unit_property "$unit" LoadState)
    if [ "$load_state" != loaded ]; then
        log "FAIL: the boot target wants $unit, whose load state is '$load_state': is it in $INSTALL_ROOT?"
        exit 1
    fi
done

# --- Test. ---

log "running $test_script (limit ${test_timeout_seconds}s)"
# In the background so that a signal to this script is handled at once (bash defers traps while a foreground
# child runs); the cleanup ends it.
set +e
timeout --kill-after=10 "$test_timeout_seconds" bash "$test_script" &
test_pid=$!
wait "$test_pid"
test_status=$?
test_pid=""
set -e
case $test_status in
    0) log "PASS: $test_script" ;;
    77) log "SKIP: $test_script skipped itself" ;;
    124) log "FAIL: $test_script timed out after ${test_timeout_seconds}s" ;;
    *) log "FAIL: $test_script exited with $test_status" ;;
esac
exit "$test_status"
