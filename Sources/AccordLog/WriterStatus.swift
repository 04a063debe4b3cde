/// A snapshot of the writer, for a watchdog and for metrics.
public struct WriterStatus: Sendable, Equatable {
    /// `PendingAppend`s enqueued and not yet completed (queued or being written).
    public var pendingAppends: Int
    public var pendingRecords: Int
    public var pendingBytes: Int
    /// How long the oldest pending append has waited for the writer, or 0 if none is pending.
    public var oldestPendingAgeNanoseconds: UInt64
    /// Write rounds completed: each is one write and one fdatasync.
    public var roundsCompleted: UInt64
    public var recordsWritten: UInt64
    public var bytesWritten: UInt64
    /// Set once a write or fdatasync failed; the writer then accepts nothing more.
    public var failure: LogError?
    /// Set while appends are refused because the file system is full.
    public var diskFull: DiskFull?

    public init(
        pendingAppends: Int = 0,
        pendingRecords: Int = 0,
        pendingBytes: Int = 0,
        oldestPendingAgeNanoseconds: UInt64 = 0,
        roundsCompleted: UInt64 = 0,
        recordsWritten: UInt64 = 0,
        bytesWritten: UInt64 = 0,
        failure: LogError? = nil,
        diskFull: DiskFull? = nil
    ) {
        self.pendingAppends = pendingAppends
        self.pendingRecords = pendingRecords
        self.pendingBytes = pendingBytes
        self.oldestPendingAgeNanoseconds = oldestPendingAgeNanoseconds
        self.roundsCompleted = roundsCompleted
        self.recordsWritten = recordsWritten
        self.bytesWritten = bytesWritten
        self.failure = failure
        self.diskFull = diskFull
    }

    /// True if an append has waited on the writer longer than `thresholdNanoseconds`: the writer is wedged
    /// (e.g. a storage device that stopped answering) and a watchdog should stop pinging.
    public func isStuck(thresholdNanoseconds: UInt64) -> Bool {
        pendingAppends > 0 && oldestPendingAgeNanoseconds > thresholdNanoseconds
    }
}
