import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started with posix_spawn and reaped with waitpid, for programs Foundation's Process misreads:
/// systemd-socket-activate closes every descriptor but the sockets before it execs, which Process takes for
/// the child's death and then blocks on.
final class SpawnedProcess {
    let processIdentifier: pid_t
    private(set) var exitStatus: Int32?

    /// Starts `arguments[0]` (a path) with its output and errors appended to `outputPath`.
    init(_ arguments: [String], outputPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = TestEnvironment.withoutSystemd
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environ.forEach { free($0) } }
        // Its own process group, as Foundation's Process gives its children: a signal sent to the child's group
        // (kill(0, …) by the child, or by anyone to its group) never reaches the test process itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw DaemonFailure(message: "posix_spawn \(arguments[0]) failed: errno \(status)") }
        processIdentifier = pid
    }

    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        guard waitpid(processIdentifier, &status, WNOHANG) == processIdentifier else { return true }
        exitStatus = status
        return false
    }

    /// The exit code when the child exited normally, nil when a signal ended it or it still runs.
    var exitCode: Int32? {
        guard let status = exitStatus, status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    deinit {
        if isRunning {
            kill(processIdentifier, SIGKILL)
            var status: Int32 = 0
            waitpid(processIdentifier, &status, 0)
        }
    }
}
