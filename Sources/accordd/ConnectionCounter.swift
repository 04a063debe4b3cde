import Synchronization

/// Lets the responder report the server's connection count although the server is built after the responder.
final class ConnectionCounter: Sendable {
    private let sourceStore = Mutex<(@Sendable () -> Int)?>(nil)

    var source: (@Sendable () -> Int)? {
        get { sourceStore.withLock { $0 } }
        set { sourceStore.withLock { $0 = newValue } }
    }

    var value: Int { source?() ?? 0 }
}
