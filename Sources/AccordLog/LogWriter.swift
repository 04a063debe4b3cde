import Synchronization
import SystemPackage

/// The one writer of a log file. `enqueue` frames and chains records synchronously, in the caller's order; a
/// dedicated thread writes everything queued since its previous round with one write and one fdatasync, then
/// completes the round's `PendingAppend`s. Open it with `LogWriter.open(path:options:)`.
public final class LogWriter: Sendable {
    public let path: FilePath
    private let core: WriterCore
    private let thread: WriterThread
    private let closeOutcome = Mutex<Result<Void, LogError>?>(nil)

    init(path: FilePath, core: WriterCore, thread: WriterThread) {
        self.path = path
        self.core = core
        self.thread = thread
    }

    deinit {
        _ = try? close()
    }

    /// The last durable record (written and fdatasync'd); position 0 and the genesis hash for an empty log.
    public var head: ChainHead { core.state.withLock { $0.durableHead } }

    /// Validates, positions, chains and frames `drafts` under the writer's lock and queues them; returns at
    /// once. The records are durable when the returned append's `wait()` returns. Nothing is queued if any
    /// draft is refused. Fails with `log_queue_full` (never blocks) when the queue is at its limit, and with
    /// `log_writer_failed` for good once a write or fdatasync failed.
    public func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> PendingAppend {
        try core.enqueue(drafts)
    }

    /// `enqueue` then `wait`.
    public func append(_ drafts: [RecordDraft]) async throws(LogError) -> [Record] {
        try await enqueue(drafts).wait()
    }

    /// The Merkle tree over the durable records (RFC 9162), with its subtrees for proofs. It may trail `head`
    /// by the round being added.
    public var tree: TreeSnapshot { core.tree }

    /// The writer's queue and progress, for a watchdog and metrics.
    public var status: WriterStatus { core.status }

    /// `status` with ages measured to `now` (which `status` reads before taking the writer's lock).
    func status(at now: ContinuousClock.Instant) -> WriterStatus { core.status(at: now) }

    /// After a `disk_full` refusal: the caller no longer counts the refused appends, so appends may resume once
    /// the file system has room again.
    public func acknowledgeDiskFull() {
        core.acknowledgeDiskFull()
    }

    /// True if an append has waited on the writer thread longer than `thresholdNanoseconds`.
    public func isStuck(thresholdNanoseconds: UInt64) -> Bool {
        core.status.isStuck(thresholdNanoseconds: thresholdNanoseconds)
    }

    /// Refuses new appends, writes and fdatasyncs everything already queued, joins the writer thread and
    /// closes the file. Throws the writer's failure if it failed. Calling it again returns the same outcome.
    public func close() throws(LogError) {
        try closeOutcome.withLock { outcome in
            if let outcome { return outcome }
            let first = core.beginClosing()
            precondition(first, "only close() begins closing")
            thread.join()
            let closed = Result { () throws(LogError) in
                if let failure = core.state.withLock({ $0.failure }) {
                    _ = try? core.file.close()
                    throw failure
                }
                try core.file.synchronize()
                try core.file.close()
            }
            outcome = closed
            return closed
        }.get()
    }
}
