#!/usr/bin/env bash
# Makes sure what the build needs is on this machine: the Swift toolchain, libsystemd's headers (pkg-config) and,
# for the proof tests, Python 3 with the cryptography package, and for the I/O-error test, strace; and, for the
# PostgreSQL store's tests, PostgreSQL's server programs (optional: without them those tests are skipped, saying why).
# As root it installs what is missing through apt; otherwise it prints the exact command to run and fails.
# For the browser and SSH tests it also installs, as root, Chromium and the OpenSSH server, and for the frozen-replica
# test iproute2's ss; without root it only says they are missing, and those tests skip saying why.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libsystemd 2>/dev/null; then missing+=(libsystemd-dev); fi
# The proof tests cross-check Ed25519 with a second implementation (Python's cryptography) and run docs/verify.py.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import cryptography' >/dev/null 2>&1 || missing+=(python3-cryptography)
# SyncFailureTests injects a real EIO into accordd's fdatasync with strace (it skips itself, saying so, without).
command -v strace >/dev/null 2>&1 || missing+=(strace)

# The report test renders the HTML report in headless Chromium; the remote-use test starts its own sshd; the
# frozen-replica test reads a socket's unread bytes with ss.
optional=()
command -v chromium >/dev/null 2>&1 || optional+=(chromium)
[ -x /usr/sbin/sshd ] || optional+=(openssh-server)
command -v ssh >/dev/null 2>&1 || optional+=(openssh-client)
[ -x /usr/bin/ss ] || optional+=(iproute2)
if ((${#optional[@]})); then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        missing+=("${optional[@]}")
    else
        echo "ensure-dependencies: ${optional[*]} not installed, so the browser, SSH or frozen-replica tests will skip; install with:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y ${optional[*]}" >&2
    fi
fi

# The PostgreSQL store's tests start their own server (initdb in a temporary folder); Debian 12 has PostgreSQL 15.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        missing+=(postgresql)
    else
        echo "ensure-dependencies: PostgreSQL is not installed: its tests will be skipped (sudo apt-get install -y postgresql)" >&2
    fi
fi

if ((${#missing[@]})); then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "ensure-dependencies: installing ${missing[*]} with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "ensure-dependencies: missing ${missing[*]}. Install with:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "ensure-dependencies: swift is at /opt/swift/usr/bin but not on PATH; run: export PATH=/opt/swift/usr/bin:\$PATH" >&2
    else
        echo "ensure-dependencies: no Swift toolchain found; install Swift 6 (https://www.swift.org/install/linux/) and put it on PATH" >&2
    fi
    exit 1
fi
