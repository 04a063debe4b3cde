#!/usr/bin/env bash
# Static checks of the units and snippets in this folder, as CI runs them:
#   - systemd-analyze verify prints nothing;
#   - systemd-analyze security --offline=yes rates accordd.service at most 1.5;
#   - systemd-sysusers accepts accord.sysusers (applied to a scratch root, not to this machine).
# verify needs ExecStart='s /usr/bin/accordd to exist: it runs in a private mount namespace where a stub (or the
# real binary, given an install tree) is laid over /usr/bin, so nothing is installed on the host.
#
#   systemd/check.sh [INSTALL_ROOT]     exit 0 pass, 1 fail, 77 skipped (not root, no unshare)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
maximum_exposure=1.5

[ "$(id -u)" -eq 0 ] || { echo "systemd/check.sh: SKIP: needs root for a private mount namespace"; exit 77; }
command -v unshare >/dev/null || { echo "systemd/check.sh: SKIP: unshare is missing"; exit 77; }

scratch=$(mktemp -d /tmp/accord-unit-check.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
status=0

if [ $# -ge 1 ]; then
    binaries=$(realpath "$1")/usr/bin
else
    binaries=$scratch/bin
    mkdir -p "$binaries"
    printf '#!/bin/sh\nexit 0\n' >"$binaries/accordd"
    chmod +x "$binaries/accordd"
fi

verify_output=$(unshare --mount --propagation private sh -c '
    mount -t overlay overlay -o "ro,lowerdir=$1:/usr/bin" /usr/bin
    systemd-analyze verify --man=no "$2/accordd.socket" "$2/accordd.service" 2>&1
' sh "$binaries" "$here") || status=1
if [ -n "$verify_output" ] || [ "$status" -ne 0 ]; then
    echo "FAIL: systemd-analyze verify:"
    echo "$verify_output"
    status=1
else
    echo "ok: systemd-analyze verify --man=no accordd.socket accordd.service printed nothing"
fi

exposure=$(systemd-analyze security --offline=yes "$here/accordd.service" 2>&1 \
    | sed -n 's/.*Overall exposure level for accordd.service: \([0-9.]*\).*/\1/p')
if [ -z "$exposure" ] || ! awk -v e="$exposure" -v m="$maximum_exposure" 'BEGIN { exit !(e <= m) }'; then
    echo "FAIL: systemd-analyze security: accordd.service exposure ${exposure:-unknown} > $maximum_exposure"
    systemd-analyze security --offline=yes "$here/accordd.service" | grep -v '^✓' || true
    status=1
else
    echo "ok: systemd-analyze security --offline=yes accordd.service: exposure $exposure (at most $maximum_exposure)"
fi

mkdir -p "$scratch/root/etc"
if sysusers_output=$(systemd-sysusers --root="$scratch/root" "$here/accord.sysusers" 2>&1) \
    && grep -q '^accord:' "$scratch/root/etc/passwd" && grep -q '^accord-recorders:' "$scratch/root/etc/group"; then
    echo "ok: systemd-sysusers accord.sysusers creates user accord and the role groups"
else
    echo "FAIL: systemd-sysusers accord.sysusers:"
    echo "$sysusers_output"
    status=1
fi
exit "$status"
