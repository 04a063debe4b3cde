import Foundation
import Synchronization

/// Idle kept-alive connections of one transport, reused by the next exchange; each serves one exchange at a time,
/// so concurrent callers each get their own.
final class ConnectionPool: Sendable {
    private let idle = Mutex<[(connection: KeptConnection, until: ContinuousClock.Instant)]>([])
    /// Idle connections kept at most; one more is closed when its exchange ends.
    static let maximumIdle = 64
    /// How long a connection is reused when the daemon does not say how long it keeps it (a daemon older than the
    /// `Keep-Alive` header): well within the default idle timeout (60 s).
    static let unannouncedIdleTime = Duration.seconds(20)
    /// Left between the end of the reuse window and the daemon's idle timeout: the daemon's clock started when it
    /// wrote the answer, a little before this client read it, and the next request takes a moment to arrive.
    static let margin = Duration.seconds(1)

    /// An idle connection the daemon has not closed and will not close before the next request arrives, or nil.
    func take() -> KeptConnection? {
        let now = ContinuousClock.now
        return idle.withLock { idle in
            while let (connection, until) = idle.popLast() {
                if connection.isOpen, now < until { return connection }
            }
            return nil
        }
    }

    /// Keeps `connection` for reuse within what the daemon announced in `keepAlive` (the `Keep-Alive` header's
    /// value): a daemon that keeps it less than the margin needs gets it closed instead.
    func give(back connection: KeptConnection, keepAlive: String?) {
        guard let window = ConnectionPool.reuseWindow(keepAlive: keepAlive) else { return }
        let until = ContinuousClock.now + window
        idle.withLock { idle in
            if idle.count < ConnectionPool.maximumIdle { idle.append((connection, until)) }
        }
    }

    /// How long a connection may be reused after an answer carrying `keepAlive`: less than the announced
    /// `timeout=N` seconds by the margin (by half of it when N is small), nil when nothing is left.
    static func reuseWindow(keepAlive: String?) -> Duration? {
        guard let timeout = keepAlive.flatMap(announcedTimeoutSeconds) else { return unannouncedIdleTime }
        let announced = Duration.seconds(timeout)
        let window = announced - min(margin, announced / 2)
        return window > .zero ? window : nil
    }

    /// The `timeout=N` parameter of a `Keep-Alive` value (`timeout=5, max=100`), or nil.
    private static func announcedTimeoutSeconds(_ keepAlive: String) -> Int64? {
        for parameter in keepAlive.split(separator: ",") {
            let parts: [String] = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if parts.count == 2, parts[0].lowercased() == "timeout", let seconds = Int64(parts[1]), seconds >= 0 {
                return seconds
            }
        }
        return nil
    }
}
