import Synchronization

/// Counts the log's followers, each of which holds a connection and a reader for as long as it listens.
final class FollowerSlots: Sendable {
    private let count = Mutex(0)

    /// Takes a slot, or returns false when `limit` are taken. The limit is given each time: a reload may change it.
    func enter(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        count.withLock { $0 -= 1 }
    }
}
