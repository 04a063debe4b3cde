#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A failure talking to systemd: a stable `code` for programs, a `message` for people, and the errno that caused
/// it when libsystemd reported one.
public struct SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    /// The positive errno value libsystemd returned (it returns `-errno`), if any.
    public let errorNumber: Int32?

    public init(code: String, message: String, errorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
    }

    public var description: String {
        guard let errorNumber else {
            return "\(self.code): \(self.message)"
        }
        return "\(self.code): \(self.message) (\(String(cString: strerror(errorNumber))), errno \(errorNumber))"
    }
}

extension SystemdError {
    static func notifyFailed(_ assignments: [String], result: Int32) -> SystemdError {
        let names = assignments.map { $0.prefix { $0 != "=" } }.joined(separator: ", ")
        return SystemdError(
            code: "notify-failed",
            message: "could not send \(names) to the service manager on NOTIFY_SOCKET; check that the socket "
                + "exists and that NotifyAccess= allows this process",
            errorNumber: -result
        )
    }

    static func invalidAssignment(_ assignment: String) -> SystemdError {
        SystemdError(
            code: "invalid-notify-assignment",
            message: "the notification \"\(assignment)\" must be one line of the form NAME=value"
        )
    }

    static func invalidWatchdogEnvironment(result: Int32) -> SystemdError {
        SystemdError(
            code: "invalid-watchdog-environment",
            message: "WATCHDOG_USEC or WATCHDOG_PID is malformed; unset them or let systemd set them (WatchdogSec=)",
            errorNumber: -result
        )
    }

    static func listenFileDescriptorsFailed(result: Int32) -> SystemdError {
        SystemdError(
            code: "listen-fds-failed",
            message: "the socket-activation variables LISTEN_FDS, LISTEN_PID or LISTEN_FDNAMES are malformed, or "
                + "the inherited descriptors are unusable; start the daemon through its socket unit or without them",
            errorNumber: -result
        )
    }

    static func notAListeningUnixStreamSocket(fileDescriptor: Int32, name: String, result: Int32) -> SystemdError {
        SystemdError(
            code: "inherited-socket-not-unix-stream-listener",
            message: "inherited file descriptor \(fileDescriptor) named \"\(name)\" is not a listening AF_UNIX "
                + "SOCK_STREAM socket; the socket unit must use ListenStream= with a file-system path",
            errorNumber: result < 0 ? -result : nil
        )
    }
}
