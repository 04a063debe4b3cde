# Sourced by the measuring scripts that append: copies "$data" (without its snapshot, so the start replays the whole
# log) into a fresh "$work" and starts the daemon on the copy (lib/start-measured-daemon.sh), leaving "$data" as it
# was.
work=$(mktemp -d)
cp -r "$data" "$work/data"
rm -f "$work/data/ledger.snapshot"
daemon_data="$work/data"
. "$(dirname "${BASH_SOURCE[0]}")/start-measured-daemon.sh"
