import Synchronization

/// Idle kept-alive connections of one transport, reused by the next exchange; each serves one exchange at a time,
/// so concurrent callers each get their own.
final class ConnectionPool: Sendable {
    private let idle = Mutex<[(connection: KeptConnection, since: ContinuousClock.Instant)]>([])
    /// Idle connections kept at most; one more is closed when its exchange ends.
    static let maximumIdle = 64
    /// A connection idle longer is not reused: well within the daemon's default idle timeout (60 s), so that a
    /// command is rarely sent on a connection the daemon is closing at that moment.
    static let maximumIdleTime = Duration.seconds(20)

    /// An idle connection the daemon has not closed, or nil.
    func take() -> KeptConnection? {
        let now = ContinuousClock.now
        return idle.withLock { idle in
            while let (connection, since) = idle.popLast() {
                if connection.isOpen, now - since < ConnectionPool.maximumIdleTime { return connection }
            }
            return nil
        }
    }

    func give(back connection: KeptConnection) {
        idle.withLock { idle in
            if idle.count < ConnectionPool.maximumIdle { idle.append((connection, .now)) }
        }
    }
}
