/// How far a start has come, for systemd's STATUS= and start-timeout extensions. A log file is verified and replayed
/// in one pass (bytes, with the events replayed so far); another store's records are replayed by count.
public struct ReplayProgress: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// `completed` and `total` count bytes of the log file; `events` were replayed so far.
        case verifying
        /// `completed` and `total` count events.
        case replaying
    }

    public var phase: Phase
    public var completed: UInt64
    public var total: UInt64
    public var events: UInt64

    public init(phase: Phase, completed: UInt64, total: UInt64, events: UInt64 = 0) {
        self.phase = phase
        self.completed = completed
        self.total = total
        self.events = events
    }

    /// "verifying the log: 41/120 MiB, 412000 events replayed" or "replaying 412000/1000000 events".
    public var description: String {
        switch phase {
        case .verifying: return "verifying the log: \(completed >> 20)/\(total >> 20) MiB, \(events) events replayed"
        case .replaying: return "replaying \(completed)/\(total) events"
        }
    }
}
