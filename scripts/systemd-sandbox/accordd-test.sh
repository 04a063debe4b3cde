#!/usr/bin/env bash
# TEST_SCRIPT for run.sh: drives the installed accordd through its real units inside the sandbox.
#
#   scripts/systemd-sandbox/run.sh INSTALL_ROOT scripts/systemd-sandbox/accordd-test.sh
#
# It installs nothing: run.sh has booted systemd with INSTALL_ROOT's units and /usr/bin. The CLI invocations are
# gathered at the top so they are easy to adjust when the CLI changes.
set -euo pipefail

accord=/usr/bin/accord
status_command=("$accord" status)
list_command=("$accord" institution list --json)
institution_id=cnrs
institution_name="Centre national de la recherche scientifique"
socket_path=/run/accord/accord.sock
unit_timeout_seconds=60

property_is() {
    [ "$(unit_property "$1" "$2")" = "$3" ]
}

expect_property() {
    local value
    value=$(unit_property "$1" "$2")
    [ "$value" = "$3" ] || fail "$1 $2 is '$value', expected '$3'"
}

serving() {
    property_is accordd.service ActiveState active && property_is accordd.service SubState running \
        && [ -n "$(unit_property accordd.service StatusText)" ]
}

step "accordd.socket listens on $socket_path, open to every local user (accordd's policy decides)"
expect_property accordd.socket ActiveState active
in_sandbox test -S "$socket_path" || fail "$socket_path is not a socket"
ownership=$(in_sandbox stat -c '%U %G %a' "$socket_path")
[ "$ownership" = "accord accord 666" ] || fail "$socket_path is '$ownership'"
expect_property accordd.service ActiveState inactive

step "accord status starts accordd through the socket"
client "${status_command[@]}" || fail "${status_command[*]} failed"
wait_until "$unit_timeout_seconds" serving || fail "accordd.service is not active with a status text"
expect_property accordd.service NotifyAccess main
expect_property accordd.service Type notify
expect_property accordd.service WatchdogUSec 30s
main_pid=$(unit_property accordd.service MainPID)
[ "$main_pid" -gt 0 ] || fail "MainPID is $main_pid"
user=$(in_sandbox ps -o user= -p "$main_pid" | tr -d ' ')
[ "$user" = accord ] || fail "accordd runs as '$user', expected accord"
echo "accordd is pid $main_pid (in the sandbox), status: $(unit_property accordd.service StatusText)"

step "the state directory belongs to accord"
state=$(in_sandbox stat -c '%U %G %a' /var/lib/accord)
[ "$state" = "accord accord 750" ] || fail "/var/lib/accord is '$state'"

step "the README's walk-through, as written, through the socket"
readme=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/README.md
walkthrough=$(awk '/^## Walk-through/ { section = 1 } section && /^```sh$/ { inside = 1; next } inside && /^```$/ { exit } inside' "$readme")
[ -n "$walkthrough" ] || fail "no walk-through found in $readme"
in_sandbox timeout 300 sh -e -c "$walkthrough" || fail "the README walk-through failed under systemd"
listing=$(client "${list_command[@]}") || fail "${list_command[*]} failed"
grep -q "\"$institution_id\"" <<<"$listing" || fail "$institution_id missing from: $listing"
grep -q "$institution_name" <<<"$listing" || fail "'$institution_name' missing from: $listing"

step "a member of accord-recorders records through the system socket as themselves; others are told to join"
clients_gid=$(getent group accord-recorders | cut -d: -f3)
[ -n "$clients_gid" ] || fail "no accord-recorders group"
as_nobody() {
    in_sandbox setpriv --reuid=65534 --regid=65534 "$@"
}
as_nobody --groups="$clients_gid" env -i HOME=/nonexistent PATH=/usr/bin:/bin \
    "$accord" institution register --id member-check --name "Member check" --country FR --kind other \
    || fail "a member of accord-recorders cannot record through /run/accord/accord.sock"
client "$accord" log --author nobody --json | grep -q '"member-check"' || fail "the event is not recorded as nobody's"
if refusal=$(as_nobody --clear-groups env -i HOME=/nonexistent PATH=/usr/bin:/bin "$accord" status 2>&1); then
    fail "a user without a role used the daemon"
fi
grep -q "accord-readers" <<<"$refusal" || fail "the refusal does not say to join accord-readers: $refusal"

step "the journal has accordd's structured entries"
journal_has_entries() {
    in_sandbox journalctl --no-pager --output=export _SYSTEMD_UNIT=accordd.service SYSLOG_IDENTIFIER=accordd \
        | grep -q '^CODE_FUNC='
}
wait_until 20 journal_has_entries || fail "no structured accordd entries in the journal"
recorded_entry_has_fields() {
    in_sandbox journalctl --no-pager --output=export _SYSTEMD_UNIT=accordd.service \
        ACCORD_EVENT_TYPE=InstitutionRegistered | grep -q '^ACCORD_POSITION=1$'
}
wait_until 20 recorded_entry_has_fields || fail "no journal entry with ACCORD_EVENT_TYPE and ACCORD_POSITION for the recorded event"

step "systemctl reload keeps the process and returns to serving"
serving_status=$(unit_property accordd.service StatusText)
in_sandbox timeout "$unit_timeout_seconds" systemctl reload accordd.service || fail "reload failed"
wait_until "$unit_timeout_seconds" serving || fail "not serving after reload"
expect_property accordd.service MainPID "$main_pid"
reloaded_status=$(unit_property accordd.service StatusText)
echo "status before reload: $serving_status; after: $reloaded_status"

step "systemctl restart keeps the ledger"
in_sandbox timeout "$unit_timeout_seconds" systemctl restart accordd.service || fail "restart failed"
wait_until "$unit_timeout_seconds" serving || fail "not serving after restart"
restarted_pid=$(unit_property accordd.service MainPID)
[ "$restarted_pid" != "$main_pid" ] || fail "MainPID $main_pid unchanged by restart"
listing=$(client "${list_command[@]}") || fail "${list_command[*]} failed after restart"
grep -q "\"$institution_id\"" <<<"$listing" || fail "$institution_id lost in restart: $listing"

step "systemctl stop ends accordd cleanly and removes the socket"
in_sandbox timeout "$unit_timeout_seconds" systemctl stop accordd.service accordd.socket || fail "stop failed"
expect_property accordd.service ActiveState inactive
expect_property accordd.service Result success
expect_property accordd.service ExecMainCode 1
expect_property accordd.service ExecMainStatus 0
expect_property accordd.socket ActiveState inactive
if in_sandbox test -e "$socket_path"; then
    fail "$socket_path is still there after stop"
fi
echo "accordd passed under systemd"
