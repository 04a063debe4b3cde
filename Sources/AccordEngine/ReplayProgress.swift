/// How far a start has come, for systemd's STATUS= and start-timeout extensions: first the log's bytes are
/// verified, then its events replayed into the read models.
public struct ReplayProgress: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// `completed` and `total` count bytes of the log file.
        case verifying
        /// `completed` and `total` count events.
        case replaying
    }

    public var phase: Phase
    public var completed: UInt64
    public var total: UInt64

    public init(phase: Phase, completed: UInt64, total: UInt64) {
        self.phase = phase
        self.completed = completed
        self.total = total
    }

    /// "verifying the log: 41/120 MiB" or "replaying 412000/1000000 events".
    public var description: String {
        switch phase {
        case .verifying: return "verifying the log: \(completed >> 20)/\(total >> 20) MiB"
        case .replaying: return "replaying \(completed)/\(total) events"
        }
    }
}
