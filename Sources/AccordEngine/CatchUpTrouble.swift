import AccordLog
import Foundation

/// Why a standby has not caught up with its replica: the catch-ups that failed in a row, since when, and the last
/// failure. The standby serves the head it last verified meanwhile, and says so in its health.
public struct CatchUpTrouble: Sendable {
    /// When the first of the failed catch-ups in a row began, on the engine's clock.
    public var since: Date
    public var failedAttempts: Int
    public var lastFailure: EngineError
    /// The head still served.
    public var servedHead: ChainHead

    /// "cannot read … since 2026-12-01T18:40:00Z (7 attempts; last: …); serving position 42 meanwhile".
    public func description(location: String) -> String {
        let since = ISO8601DateFormatter().string(from: since)
        return "this standby is behind: it cannot read \(location) since \(since) (\(failedAttempts) attempts, "
            + "last: \(lastFailure.message)); it serves position \(servedHead.position) meanwhile and retries by "
            + "itself: check that the replica's database server runs and accepts accordd's connection"
    }
}
