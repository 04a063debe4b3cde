import Synchronization

/// The ids the daemon acknowledged, collected from concurrent writers.
final class AcknowledgedIDs: Sendable {
    private let ids = Mutex<[String]>([])

    func append(_ id: String) {
        ids.withLock { $0.append(id) }
    }

    var all: [String] { ids.withLock { $0 } }
}
