import CSystemd

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Tells the service manager about the daemon's state through `sd_notify`: readiness, reloads, shutdown,
/// watchdog pings and a free-text status line for `systemctl status`.
///
/// Every call is a no-op that succeeds when `NOTIFY_SOCKET` is unset, so the daemon runs unchanged outside
/// systemd. The environment is left in place (`unset_environment` is 0) because the daemon notifies many times.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Whether a service manager listens: `NOTIFY_SOCKET` is set.
    public var isSupervised: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Start-up is complete: the log is open, replayed and checked, and the socket serves.
    public func ready() throws(SystemdError) {
        try self.send(["READY=1"])
    }

    /// A reload begins; send `ready()` when it is done. systemd 253 and later require `MONOTONIC_USEC` with
    /// `RELOADING=1` for `Type=notify-reload`; 252 ignores it.
    public func reloading() throws(SystemdError) {
        try self.send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// Shutdown begins.
    public func stopping() throws(SystemdError) {
        try self.send(["STOPPING=1"])
    }

    /// One line for `systemctl status`. Line breaks become spaces: each line of a notification is an assignment,
    /// so a multi-line status would smuggle in other assignments.
    public func status(_ text: String) throws(SystemdError) {
        try self.send([Self.statusAssignment(text)])
    }

    /// A status line and more time to start, in one datagram: a long start sends both at each step of its progress.
    public func status(_ text: String, extendingTimeoutByMicroseconds microseconds: UInt64) throws(SystemdError) {
        try self.send([Self.statusAssignment(text), "EXTEND_TIMEOUT_USEC=\(microseconds)"])
    }

    private static func statusAssignment(_ text: String) -> String {
        "STATUS=" + String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Asks for more time than `TimeoutStartSec=` (or `TimeoutStopSec=`) from now on, for a long replay.
    public func extendTimeout(microseconds: UInt64) throws(SystemdError) {
        try self.send(["EXTEND_TIMEOUT_USEC=\(microseconds)"])
    }

    /// Keeps the service alive under `WatchdogSec=`; send it every `WatchdogConfiguration.pingIntervalMicroseconds`.
    public func watchdogPing() throws(SystemdError) {
        try self.send(["WATCHDOG=1"])
    }

    /// Sends several `NAME=value` assignments in one datagram, so systemd sees them together.
    public func send(_ assignments: [String]) throws(SystemdError) {
        for assignment in assignments where !Self.isValidAssignment(assignment) {
            throw SystemdError.invalidAssignment(assignment)
        }
        let result = sd_notify(0, assignments.joined(separator: "\n"))
        if result < 0 {
            throw SystemdError.notifyFailed(assignments, result: result)
        }
    }

    static func isValidAssignment(_ assignment: String) -> Bool {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            return false
        }
        return !assignment.contains(where: \.isNewline)
    }

    static func monotonicMicroseconds() -> UInt64 {
        var time = timespec()
        let result = clock_gettime(CLOCK_MONOTONIC, &time)
        precondition(result == 0, "CLOCK_MONOTONIC is always available on Linux")
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000
    }
}
