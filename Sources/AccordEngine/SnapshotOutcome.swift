/// What the start did with `ledger.snapshot`, for the daemon's log.
public enum SnapshotOutcome: Sendable, Equatable {
    /// No snapshot: the read models were rebuilt from the whole log.
    case none
    /// The snapshot at `position` was verified against the log; only the records after it were replayed.
    case used(position: UInt64)
    /// The snapshot could not be used, for `reason`; it was moved to `path` and the models rebuilt from the log.
    case setAside(reason: String, path: String)
}
