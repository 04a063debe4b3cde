#!/usr/bin/env python3
"""make bench: Accord beside its peers on this machine, in one run, written into docs/performance.md.

Interleaved rounds (so drift hits every contender alike) of: the raw limit (300-byte write + fdatasync, and 100 x 300
bytes per fdatasync), SQLite (WAL, synchronous=FULL, 1 and 100 rows per transaction), PostgreSQL 15 (pgbench -M
prepared inserting one ~330-byte JSON event per transaction, synchronous_commit=on, 1/16/64 clients) and accord-bench
(same event size and clients, and 100 per batch). Then start time (without and with a snapshot), replay rate and
resident memory for a large log,
and query latency while 16 clients append. Medians of the rounds go into the table between the bench markers of
docs/performance.md; the rest of that file is left as written.

Environment: BENCH_ROUNDS (3), BENCH_SECONDS per measurement (5), BENCH_EVENTS for the start measurements
(1000000), BENCH_BIN (.build-release/release).
"""
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
BIN = os.environ.get("BENCH_BIN", os.path.join(ROOT, ".build-release", "release"))
CLIENTS = [1, 16, 64]
EVENT = json.dumps({"institutionID": "bench-000000000", "name": "Benchmark institution 000000000",
                    "country": "FR", "kind": "other", "padding": "x" * 200})[:330]
WORK = tempfile.mkdtemp(prefix="accord-bench-")
cleanups = []


def say(text):
    print(f"bench: {text}", file=sys.stderr, flush=True)


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1) + 0.5))] if ordered else 0.0


def raw_fdatasync(per_sync):
    """Rate of 300-byte records when every `per_sync` of them share one write and one fdatasync; p50 ms per sync."""
    path = os.path.join(WORK, "raw.bin")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    record = b"x" * 300
    latencies, written, started = [], 0, time.monotonic()
    while time.monotonic() - started < SECONDS:
        begun = time.monotonic()
        os.write(fd, record * per_sync)
        os.fdatasync(fd)
        latencies.append((time.monotonic() - begun) * 1000)
        written += per_sync
    os.close(fd)
    os.unlink(path)
    return written / (time.monotonic() - started), percentile(latencies, 0.5)


def sqlite(per_transaction):
    import sqlite3
    path = os.path.join(WORK, "bench.sqlite")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE events (position INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    written, started = 0, time.monotonic()
    while time.monotonic() - started < SECONDS:
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO events (body) VALUES (?)", [(EVENT,)] * per_transaction)
        connection.execute("COMMIT")
        written += per_transaction
    rate = written / (time.monotonic() - started)
    connection.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    return rate


class PostgreSQL:
    """A throwaway cluster in a temporary folder, Unix socket only, stopped at exit."""

    def __init__(self):
        self.bin = next((d for d in ("/usr/lib/postgresql/15/bin",) if os.path.isdir(d)), None)
        if self.bin is None and os.geteuid() == 0 and shutil.which("apt-get"):
            say("installing PostgreSQL 15 with apt-get")
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql-15", "postgresql-contrib"], check=True,
                           env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            self.bin = "/usr/lib/postgresql/15/bin"
        if self.bin is None:
            raise RuntimeError("PostgreSQL 15 is not installed and this is not root: apt-get install postgresql-15")
        self.folder = os.path.join(WORK, "pg")
        os.makedirs(self.folder)
        self.user = []
        if os.geteuid() == 0:
            shutil.chown(WORK, "postgres")
            shutil.chown(self.folder, "postgres")
            self.user = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.folder, "data")
        self.run("initdb", "-D", data, "-A", "trust", "-U", "bench", "--no-sync")
        with open(os.path.join(data, "postgresql.conf"), "a") as conf:
            conf.write(f"listen_addresses = ''\nunix_socket_directories = '{self.folder}'\n"
                       "synchronous_commit = on\nfsync = on\nmax_connections = 100\n")
        self.run("pg_ctl", "-D", data, "-w", "-l", os.path.join(self.folder, "log"), "start")
        cleanups.append(lambda: self.run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop"))
        subprocess.run(self.user + ["psql", "-h", self.folder, "-U", "bench", "-d", "postgres", "-qc",
                                    "CREATE TABLE events (position bigserial PRIMARY KEY, body jsonb NOT NULL)"],
                       check=True)
        self.script = os.path.join(self.folder, "insert.sql")
        with open(self.script, "w") as script:
            script.write("INSERT INTO events (body) VALUES ('" + EVENT.replace("'", "''") + "');\n")

    def run(self, tool, *arguments):
        subprocess.run(self.user + [os.path.join(self.bin, tool), *arguments], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def pgbench(self, clients):
        result = subprocess.run(
            self.user + ["pgbench", "-h", self.folder, "-U", "bench", "-n", "-M", "prepared", "-f", self.script,
                         "-c", str(clients), "-j", str(min(clients, os.cpu_count() or 1)), "-T", str(int(SECONDS)),
                         "postgres"], check=True, capture_output=True, text=True)
        for line in result.stdout.splitlines():
            if line.startswith("tps = "):
                return float(line.split()[2])
        raise RuntimeError("pgbench printed no tps: " + result.stdout)


class Daemon:
    """accordd on a temporary data folder and socket."""

    def __init__(self, data=None, arguments=()):
        self.folder = tempfile.mkdtemp(prefix="daemon-", dir=WORK)
        self.socket = os.path.join(self.folder, "accord.sock")
        self.data = data or os.path.join(self.folder, "data")
        # Every benchmark client is the same user: lift the per-user connection limit (64 by default) to the
        # daemon-wide one, or 64 clients plus a query client would be refused.
        configuration = os.path.join(self.folder, "accordd.json")
        with open(configuration, "w") as file:
            json.dump({"maximumConnectionsPerUser": 256}, file)
        self.started = time.monotonic()
        self.process = subprocess.Popen([os.path.join(BIN, "accordd"), "--socket", self.socket, "--data-dir",
                                         self.data, "--config", configuration, "--log-target", "stderr",
                                         "--log-level", "warning", *arguments],
                                        stderr=subprocess.DEVNULL)
        # accordd listens before its replay and answers 503 starting until it is ready: ready is the first 200.
        while not self.answers():
            if self.process.poll() is not None:
                raise RuntimeError("accordd stopped before it was ready")
            time.sleep(0.01)
        self.ready_seconds = time.monotonic() - self.started
        cleanups.append(self.stop)

    def answers(self):
        """Whether the daemon answers GET /v1/status with 200 (not 503 starting, not a missing socket)."""
        if not os.path.exists(self.socket):
            return False
        try:
            connection = UnixHTTPConnection(self.socket)
            connection.request("GET", "/v1/status")
            status = connection.getresponse().status
            connection.close()
            return status == 200
        except OSError:
            return False

    def resident_kilobytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

    def append(self, clients, batch=1):
        # About BENCH_SECONDS at the rates of a quiet 2-core machine (1,500 events/s at 1 client, 3,000 at 16 and
        # 64, 60 batches/s): a run of a few requests would measure nothing but their noise.
        events = (60 * batch if batch > 1 else 1500 if clients == 1 else 3000) * SECONDS
        commands = max(20, int(events) // clients // batch)
        result = subprocess.run([os.path.join(BIN, "accord-bench"), "append", "--socket", self.socket, "--clients",
                                 str(clients), "--commands", str(commands), "--batch", str(batch), "--json"],
                                check=True, capture_output=True, text=True)
        return json.loads(result.stdout)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait()


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def query_latency(daemon, seconds):
    """p50 and p99 in ms of list and show queries (a new connection each, as the CLI does) while 16 clients append."""
    appenders = subprocess.Popen([os.path.join(BIN, "accord-bench"), "append", "--socket", daemon.socket,
                                  "--clients", "16", "--commands", "100000"], stdout=subprocess.DEVNULL)
    latencies, started = [], time.monotonic()
    paths = ["/v1/sites", "/v1/institutions/generated-42", "/v1/agreements", "/v1/people"]
    while time.monotonic() - started < seconds:
        for path in paths:
            begun = time.monotonic()
            connection = UnixHTTPConnection(daemon.socket)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            latencies.append((time.monotonic() - begun) * 1000)
    appenders.terminate()
    appenders.wait()
    return percentile(latencies, 0.5), percentile(latencies, 0.99)


def postgresql_store_round(postgres, round_number, add):
    """accordd --store postgresql:// on the pgbench cluster (synchronous_commit=on, no standby: a commit is flushed
    on this disk), a fresh database each round as the file store gets a fresh folder; the same accord-bench appends."""
    database = f"accord_store_{round_number}"
    subprocess.run(postgres.user + ["psql", "-h", postgres.folder, "-U", "bench", "-d", "postgres", "-qc",
                                    f"CREATE DATABASE {database}"], check=True)
    daemon = Daemon(arguments=["--store", f"postgresql://bench@/{database}?host={postgres.folder}"])
    for clients in CLIENTS:
        result = daemon.append(clients)
        add(f"accord postgresql {clients}", result["events_per_second"])
        add(f"accord postgresql {clients} p50", result["latency_ms"]["p50"])
    daemon.stop()


def postgresql_store_lines(median, ratio):
    """The PostgreSQL store's rows: accordd on PostgreSQL beside pgbench's own inserts, the file store's figure said."""
    return [f"| {clients} client(s), 1 event per request, PostgreSQL store (file store "
            f"{median[f'accord {clients}']:,.0f}), events/s | {median[f'accord postgresql {clients}']:,.0f} "
            f"(p50 {median[f'accord postgresql {clients} p50']:.2f} ms) | PostgreSQL {median[f'pg {clients}']:,.0f} | "
            f"{ratio(f'accord postgresql {clients}', f'pg {clients}')} |" for clients in CLIENTS]


def main():
    machine = f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}, " + \
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') >> 30} GiB, load {os.getloadavg()[0]:.1f} at start"
    say(f"{ROUNDS} rounds of {SECONDS:.0f} s per measurement in {WORK}")
    postgres = PostgreSQL()
    rows = {}

    def add(name, value):
        rows.setdefault(name, []).append(value)

    for round_number in range(1, ROUNDS + 1):
        say(f"round {round_number}")
        rate, p50 = raw_fdatasync(1)
        add("raw 1", rate)
        add("raw 1 p50", p50)
        add("raw 100", raw_fdatasync(100)[0])
        add("sqlite 1", sqlite(1))
        add("sqlite 100", sqlite(100))
        for clients in CLIENTS:
            add(f"pg {clients}", postgres.pgbench(clients))
        daemon = Daemon()
        for clients in CLIENTS:
            result = daemon.append(clients)
            add(f"accord {clients}", result["events_per_second"])
            add(f"accord {clients} p50", result["latency_ms"]["p50"])
        add("accord batch 100", daemon.append(1, batch=100)["events_per_second"])
        daemon.stop()
        postgresql_store_round(postgres, round_number, add)

    median = {name: statistics.median(values) for name, values in rows.items()}
    say(f"generating {EVENTS} events")
    data = os.path.join(WORK, "large")
    subprocess.run([os.path.join(BIN, "accord-bench"), "generate", "--data-dir", data, "--events", str(EVENTS)],
                   check=True, stdout=subprocess.DEVNULL)
    replay = subprocess.run([os.path.join(BIN, "accord-bench"), "replay", "--data-dir", data], check=True,
                            capture_output=True, text=True).stdout.strip()
    # The replay's clean close wrote ledger.snapshot; without removing it the start below would not replay.
    snapshot = os.path.join(data, "ledger.snapshot")
    if os.path.exists(snapshot):
        os.remove(snapshot)
    large = Daemon(data)
    ready, resident = large.ready_seconds, large.resident_kilobytes()
    say("query latency while 16 clients append")
    query_p50, query_p99 = query_latency(large, 2 * SECONDS)
    large.stop()
    # The clean stop wrote ledger.snapshot: the same log again, from it.
    from_snapshot = Daemon(data)
    ready_snapshot = from_snapshot.ready_seconds
    from_snapshot.stop()

    def ratio(a, b):
        return f"{median[a] / median[b]:.2f}" if median.get(b) else "-"

    lines = [
        f"Machine: {machine}. Command: `make bench` ({ROUNDS} interleaved rounds, {SECONDS:.0f} s each, medians).",
        "",
        "| measurement | Accord | peer | Accord / peer |",
        "|---|---:|---:|---:|",
    ]
    for clients in CLIENTS:
        lines.append(f"| {clients} client(s), 1 event per request, events/s | {median[f'accord {clients}']:,.0f} "
                     f"(p50 {median[f'accord {clients} p50']:.2f} ms) | PostgreSQL {median[f'pg {clients}']:,.0f} | "
                     f"{ratio(f'accord {clients}', f'pg {clients}')} |")
    lines += [
        f"| 1 client, p50 vs raw write+fdatasync p50 | {median['accord 1 p50']:.2f} ms | raw "
        f"{median['raw 1 p50']:.2f} ms | {ratio('accord 1 p50', 'raw 1 p50')} |",
        f"| 1 client vs SQLite 1 per transaction, events/s | {median['accord 1']:,.0f} | SQLite "
        f"{median['sqlite 1']:,.0f} | {ratio('accord 1', 'sqlite 1')} |",
        f"| 100 events per batch, events/s | {median['accord batch 100']:,.0f} | raw 100 per fdatasync "
        f"{median['raw 100']:,.0f} | {ratio('accord batch 100', 'raw 100')} |",
        f"| 100 events per batch vs SQLite 100 per transaction | {median['accord batch 100']:,.0f} | SQLite "
        f"{median['sqlite 100']:,.0f} | {ratio('accord batch 100', 'sqlite 100')} |",
        f"| raw write(300 B)+fdatasync, records/s | | {median['raw 1']:,.0f} | |",
        *postgresql_store_lines(median, ratio),
        "",
        f"Start of a {EVENTS:,}-event log (no snapshot): ready (GET /v1/status answered 200) after {ready:.2f} s, resident "
        f"memory {resident / 1024:,.0f} MiB; `accord-bench replay`: {replay}. The same log (grown by the query "
        f"measurement) from the snapshot its clean stop wrote: ready after {ready_snapshot:.2f} s.",
        f"Queries (list and show, a connection each) while 16 clients append: p50 {query_p50:.2f} ms, "
        f"p99 {query_p99:.2f} ms.",
    ]
    path = os.path.join(ROOT, "docs", "performance.md")
    with open(path) as document:
        text = document.read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    before, rest = text.split(begin, 1)
    after = rest.split(end, 1)[1]
    with open(path, "w") as document:
        document.write(before + begin + "\n" + "\n".join(lines) + "\n" + end + after)
    print("\n".join(lines))


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that PostgreSQL and accordd are stopped
    try:
        main()
    finally:
        for cleanup in reversed(cleanups):
            try:
                cleanup()
            except Exception as error:  # a failed stop must not hide the others
                say(f"cleanup: {error}")
        shutil.rmtree(WORK, ignore_errors=True)
