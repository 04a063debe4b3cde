import SystemPackage

/// Limits and callbacks of a `LogWriter`.
public struct LogWriterOptions: Sendable {
    /// Records enqueued but not yet durable, at most. Past it `enqueue` fails at once with `log_queue_full`
    /// (it never blocks: the caller holds its own lock and should answer "busy, retry").
    public var maximumQueuedRecords = 65_536
    /// Frame bytes enqueued but not yet durable, at most (same behaviour as `maximumQueuedRecords`).
    public var maximumQueuedBytes = 64 * 1_048_576
    /// Records in one `enqueue` call, at most; more fails with `log_batch_too_large`.
    public var maximumBatchRecords = 10_000
    /// `progress` is called every this many records while `open` verifies the log (never if 0), and once at the end.
    public var progressIntervalRecords: UInt64 = 10_000
    /// Called on the opening thread while `open` verifies the log.
    public var progress: (@Sendable (VerificationProgress) -> Void)?
    /// Whether `open` may set aside a last record that is whole but fails its checks. Off by default: such a
    /// record looks like damage to an acknowledged record rather than a write cut by a crash (which leaves an
    /// incomplete frame or zeros), so the operator decides (`accordd --set-aside-damaged-tail`).
    public var setAsideDamagedTail = false
    /// Tree heads the log must extend (the checkpoints the daemon signed). `open` stops with
    /// `log_checkpoint_contradicted` or `log_shorter_than_checkpoint` if the log does not, and a torn tail at or
    /// below the largest size is damage (`log_checkpointed_tail_damaged`), never set aside.
    public var treeExpectations: [TreeExpectation] = []
    /// Permissions of a log file created by `open` and of set-aside torn tails.
    public var filePermissions: FilePermissions = [.ownerReadWrite, .groupRead]
    /// Called by the writer thread before each round's write; lets tests hold the writer to observe grouping
    /// and a wedged writer.
    var beforeWriteRound: (@Sendable () -> Void)?

    public init() {}
}
