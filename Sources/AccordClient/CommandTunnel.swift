import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A way to a daemon on another machine: a program whose standard input and output carry the HTTP bytes, as
/// `ssh user@server accord dial-stdio` does. Each connection starts the program anew, on one end of a socket pair.
public struct CommandTunnel: Sendable {
    /// The program (looked up in PATH) and its arguments.
    public let arguments: [String]
    /// Where it leads, for messages: `ssh://user@server:2222`.
    public let place: String

    public init(arguments: [String], place: String) {
        precondition(!arguments.isEmpty, "a tunnel needs a program to run")
        self.arguments = arguments
        self.place = place
    }

    /// Starts the program on one end of a new socket pair and returns the other end, connected and close-on-exec.
    /// The program's errors (ssh's "Permission denied") go to this process's standard error, where the user sees them.
    func open() throws(ClientError) -> CInt {
        var ends: [CInt] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw failure("cannot create a socket pair (errno \(errno))")
        }
        let (own, child) = (ends[0], ends[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, child, 0)
        posix_spawn_file_actions_adddup2(&actions, child, 1)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(child)
        guard status == 0 else {
            close(own)
            throw failure(
                "cannot run \(arguments[0]) (\(String(cString: strerror(status)))); is it installed and on PATH?"
            )
        }
        // The program ends when the connection closes; a thread of its own reaps it, so no zombie stays and no
        // task of the cooperative pool blocks.
        let spawned = pid
        let reaper = Thread {
            var exitStatus: Int32 = 0
            waitpid(spawned, &exitStatus, 0)
        }
        reaper.start()
        return own
    }

    private func failure(_ reason: String) -> ClientError {
        ClientError(
            kind: .unreachable,
            code: "tunnel_failed",
            message: "cannot reach the daemon at \(place): \(reason)"
        )
    }
}
