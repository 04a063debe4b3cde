/// The writer's state after a write found the file system full.
public struct DiskFull: Sendable, Equatable {
    /// When the write failed.
    public var since: ContinuousClock.Instant
    /// The refusal every append gets meanwhile.
    public var error: LogError
    /// Whether the log's owner has rolled back what it built on the appends that failed; only then may appends
    /// resume, or its state and the log would disagree.
    public var acknowledged: Bool
}
