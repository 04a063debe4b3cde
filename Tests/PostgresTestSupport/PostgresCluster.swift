import Foundation

/// A real PostgreSQL server for tests: `initdb` in a temporary folder, listening on a Unix socket only (no TCP),
/// trust authentication for its one superuser `accord`, stopped when the test process exits. Run as the
/// `postgres` system user when the tests run as root (PostgreSQL refuses root). `unavailableReason` says why
/// none can start here (PostgreSQL is not installed: `scripts/ensure-dependencies.sh` installs it as root).
public final class PostgresCluster: @unchecked Sendable {
    public let folder: String
    /// The folder holding the socket `.s.PGSQL.5432`.
    public let socketDirectory: String
    public let binaries: String
    private let runAs: String?
    private var databaseCount = 0
    private let lock = NSLock()
    /// The server's processes that `pause()` stopped, for `resume()`.
    private var paused: [pid_t] = []

    /// The cluster the whole test process shares, started on first use; nil (with `unavailableReason`) where
    /// PostgreSQL cannot run.
    public static let shared: PostgresCluster? = {
        do {
            let cluster = try PostgresCluster()
            atexit { PostgresCluster.shared?.stop() }
            return cluster
        } catch {
            sharedFailure = "\(error)"
            return nil
        }
    }()

    nonisolated(unsafe) private static var sharedFailure: String?

    /// Why `shared` is nil, for a skip message.
    public static var unavailableReason: String {
        _ = shared
        return sharedFailure ?? "PostgreSQL is available"
    }

    /// Creates and starts a new cluster; with `primary`, a streaming standby of it (`pg_basebackup -R`), which
    /// applies the primary's WAL as it comes and answers read-only queries (hot standby).
    public init(standbyOf primary: PostgresCluster? = nil) throws {
        guard let binaries = PostgresCluster.findBinaries() else {
            throw ClusterFailure(
                "PostgreSQL's server programs (initdb, pg_ctl) are not installed; as root, "
                    + "scripts/ensure-dependencies.sh installs them (apt-get install postgresql)"
            )
        }
        self.binaries = binaries
        runAs = geteuid() == 0 ? "postgres" : nil
        if let runAs, getpwnam(runAs) == nil {
            throw ClusterFailure("running as root, but there is no \(runAs) user to run PostgreSQL as")
        }
        var template = Array("/tmp/accord-pg-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw ClusterFailure("cannot create a temporary folder") }
        folder = String(cString: created)
        socketDirectory = folder
        if let runAs, let account = getpwnam(runAs) {
            chown(folder, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        if let primary {
            try run(
                "pg_basebackup",
                ["-h", primary.socketDirectory, "-U", "accord", "-D", "\(folder)/data", "-R", "-X", "stream", "--no-sync"]
            )
        } else {
            try run("initdb", ["-D", "\(folder)/data", "-U", "accord", "--auth=trust", "-E", "UTF8", "--no-sync"])
        }
        try start()
    }

    /// Sets a server parameter (`ALTER SYSTEM`) and reloads the configuration.
    public func set(_ parameter: String, _ value: String) throws {
        try sql("ALTER SYSTEM SET \(parameter) = '\(value)'")
        try sql("SELECT pg_reload_conf()")
    }

    /// Promotes a standby to a primary and waits until it takes writes.
    public func promote() throws {
        try run("pg_ctl", ["-D", "\(folder)/data", "-w", "-t", "60", "promote"])
    }

    /// Starts the server (again, after `stopImmediately`): Unix socket in `socketDirectory`, no TCP.
    public func start() throws {
        try run(
            "pg_ctl",
            [
                "-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "60",
                "-o", "-k \(socketDirectory) -c listen_addresses='' ", "start",
            ]
        )
    }

    /// A new, empty database for one test; its URL for `accordd --store`.
    public func createDatabase() throws -> String {
        let name = lock.withLock {
            databaseCount += 1
            return "accord_test_\(getpid())_\(databaseCount)"
        }
        try sql("CREATE DATABASE \(name)")
        return url(database: name)
    }

    public func url(database: String) -> String {
        "postgresql://accord@/\(database)?host=\(socketDirectory)"
    }

    /// Runs `statement` with psql in `database`; returns what it printed (unaligned, tuples only).
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres") throws -> String {
        try run("psql", ["-h", socketDirectory, "-U", "accord", "-d", database, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// Stops the server at once, as a crash would (no checkpoint); `start()` recovers it from its WAL.
    public func stopImmediately() throws {
        try run("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
    }

    /// Freezes the server (SIGSTOP to its postmaster and every process it started): connections stay open and
    /// connects are taken by the kernel, but nothing is answered, as of a host that froze or a network that drops
    /// packets. `resume()` lets it go on.
    public func pause() throws {
        let pidFile = try String(contentsOfFile: "\(folder)/data/postmaster.pid", encoding: .utf8)
        guard let postmaster = pidFile.split(separator: "\n").first.flatMap({ pid_t($0) }) else {
            throw ClusterFailure("no postmaster pid in \(folder)/data/postmaster.pid")
        }
        let processes = [postmaster] + PostgresCluster.children(of: postmaster)
        lock.withLock { paused += processes }
        // The postmaster first, so that it starts no process meanwhile.
        for process in processes { kill(process, SIGSTOP) }
    }

    /// Lets the processes `pause()` stopped go on.
    public func resume() {
        let processes = lock.withLock {
            defer { paused = [] }
            return paused
        }
        for process in processes { kill(process, SIGCONT) }
    }

    /// The processes whose parent is `parent`, from /proc.
    private static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { process in
            guard let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8),
                let afterName = stat.range(of: ") ", options: .backwards)
            else { return false }
            // After "pid (name) ": the state, then the parent's pid.
            let fields = stat[afterName.upperBound...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent
        }
    }

    /// Stops the server and removes its folder (letting it go on first, if it was paused).
    public func stop() {
        resume()
        _ = try? run("pg_ctl", ["-D", "\(folder)/data", "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a program and waits for it with waitpid. Not Foundation's Process: the server `pg_ctl start` leaves
    /// behind inherits Process's termination watch and would keep it from ever seeing the exit.
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        // From the cluster's folder: the server's user may not enter the caller's working folder.
        let command =
            ["/usr/bin/env", "-C", folder] + (runAs.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? [])
            + ["\(binaries)/\(program)"] + arguments
        let outputPath = "\(folder)/command-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process: the server counts inherited descriptors against its
        // max_files_per_process and refuses to start when a long test run holds hundreds open.
        _ = PostgresCluster.closeFrom?(&actions, 3)
        var arguments = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &arguments, environ)
        guard spawned == 0 else { throw ClusterFailure("cannot start \(command[0]): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, which Swift does not import).
        guard status & 0xffff == 0 else {
            throw ClusterFailure("\(program) \(arguments.dropLast().compactMap { $0.map { String(cString: $0) } }.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not
    /// import; nil without it.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np").map {
            unsafeBitCast(
                $0,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self
            )
        }

    /// The newest /usr/lib/postgresql/N/bin that has initdb (Debian's layout).
    private static func findBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }
}

/// Why a test cluster could not be set up or a command on it failed.
public struct ClusterFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
