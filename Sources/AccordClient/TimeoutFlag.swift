import Synchronization

/// A flag set once from the event loop and read from the task that waits on the exchange.
final class TimeoutFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() {
        value.store(true, ordering: .releasing)
    }

    var isSet: Bool { value.load(ordering: .acquiring) }
}
