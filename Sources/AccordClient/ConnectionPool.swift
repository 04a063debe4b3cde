import Synchronization

/// Idle kept-alive connections of one transport, reused by the next exchange; each serves one exchange at a time,
/// so concurrent callers each get their own.
final class ConnectionPool: Sendable {
    private let idle = Mutex<[KeptConnection]>([])
    /// Idle connections kept at most; one more is closed when its exchange ends.
    static let maximumIdle = 64

    /// An idle connection the daemon has not closed, or nil.
    func take() -> KeptConnection? {
        idle.withLock { idle in
            while let connection = idle.popLast() {
                if connection.isOpen { return connection }
            }
            return nil
        }
    }

    func give(back connection: KeptConnection) {
        idle.withLock { idle in
            if idle.count < ConnectionPool.maximumIdle { idle.append(connection) }
        }
    }
}
