import AccordAPI
import Foundation
import Synchronization

extension AccordClient {
    /// How long a follower waits before connecting again after the daemon went away.
    static let reconnectDelay = Duration.milliseconds(250)

    /// Follows the log from `start`: hands each event to `onEvent` once, in position order, as it becomes durable,
    /// and never returns unless the daemon refuses the follow or `onEvent` throws. When the daemon goes away
    /// (a restart, a follower found too slow) it connects again and resumes after the last event it handed over;
    /// `onReconnecting` runs once per interruption with the position it resumes from.
    public func follow(
        from start: UInt64,
        filter: [(String, String?)] = [],
        onReconnecting: @Sendable (UInt64, ClientError) -> Void = { _, _ in },
        onEvent: @escaping @Sendable (LoggedEvent) async throws(ClientError) -> Void
    ) async throws(ClientError) -> Never {
        let next = Mutex(max(start, 1))
        var interrupted = false
        while true {
            let from = next.withLock { $0 }
            let exchange = HTTPExchange(
                method: "GET",
                path: "/v1/events" + AccordClient.queryString([("from", String(from)), ("follow", "true")] + filter)
            )
            do {
                try await transport.streamLines(exchange) { line throws(ClientError) in
                    if let event = try? JSONCoding.decoder.decode(LoggedEvent.self, from: Data(line)) {
                        // A resumed stream starts where this one stopped; a position already handed over is skipped.
                        guard event.position >= next.withLock({ $0 }) else { return }
                        try await onEvent(event)
                        next.withLock { $0 = event.position + 1 }
                    } else {
                        let notice = try decode(FollowNotice.self, from: line)
                        next.withLock { $0 = max($0, notice.resumeFrom) }
                    }
                }
                interrupted = false
            } catch let error where error.kind == .unreachable {
                if !interrupted { onReconnecting(next.withLock { $0 }, error) }
                interrupted = true
                try? await Task.sleep(for: AccordClient.reconnectDelay)
            }
        }
    }
}
