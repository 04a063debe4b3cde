/// How far a starting daemon has come: the `progress` of its `503 starting` answers, sent until the log is verified
/// and replayed. A log file is verified and replayed in one pass counted in bytes; another store's records are
/// replayed and counted in events.
public struct StartProgress: Codable, Sendable, Equatable {
    public enum Phase: String, Codable, Sendable {
        /// The log is being opened; nothing is counted yet.
        case opening
        /// The log file is read, checked and replayed in one pass (`unit` is bytes).
        case verifying
        /// A store's records are replayed (`unit` is events).
        case replaying
    }

    public enum Unit: String, Codable, Sendable {
        case bytes
        case events
    }

    public var phase: Phase
    /// What `completed` and `total` count.
    public var unit: Unit
    public var completed: UInt64
    public var total: UInt64
    public var eventsReplayed: UInt64
    /// `completed` of `total`, rounded down, 0 to 100.
    public var percent: Int
    public var elapsedSeconds: Double

    public init(
        phase: Phase,
        unit: Unit,
        completed: UInt64,
        total: UInt64,
        eventsReplayed: UInt64,
        elapsedSeconds: Double
    ) {
        self.phase = phase
        self.unit = unit
        self.completed = completed
        self.total = total
        self.eventsReplayed = eventsReplayed
        self.percent = total == 0 ? 0 : completed >= total ? 100 : Int(completed * 100 / total)
        self.elapsedSeconds = elapsedSeconds
    }

    /// The error code of every answer while the daemon starts (HTTP 503).
    public static let code = "starting"

    /// "accordd is starting: replaying 41% (412000 events so far)", in the words the CLI shows.
    public var summary: String {
        switch phase {
        case .opening: return "accordd is starting: opening its log"
        case .verifying, .replaying:
            return "accordd is starting: replaying \(percent)% (\(eventsReplayed) events so far)"
        }
    }
}
