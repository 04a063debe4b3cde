import AccordProof
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The state shared by a `LogWriter` and its writer thread. Kept apart from `LogWriter` so that the thread does
/// not keep the writer alive and `LogWriter.deinit` can still close it.
final class WriterCore: Sendable {
    let file: LogFile
    let options: LogWriterOptions
    let treeFile: TreeFile
    let state: Mutex<WriterState>
    private let wakeUp = DispatchSemaphore(value: 0)

    init(file: LogFile, options: LogWriterOptions, head: Record?, treeFile: TreeFile, tree: CompactRange) {
        precondition(tree.size == head?.position ?? 0, "the tree covers exactly the verified records")
        self.file = file
        self.options = options
        self.treeFile = treeFile
        let lastHash = head?.hash ?? LogFormat.genesisHash
        state = Mutex(
            WriterState(
                nextPosition: (head?.position ?? 0) + 1,
                lastEnqueuedHash: lastHash,
                durableHead: head?.chainHead ?? .genesis,
                tree: tree
            )
        )
    }

    func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> PendingAppend {
        guard drafts.count <= options.maximumBatchRecords else {
            throw LogError(
                code: LogErrorCode.batchTooLarge,
                message: "One append carries \(drafts.count) records; the log takes at most "
                    + "\(options.maximumBatchRecords) at a time. Split the batch; nothing was written."
            )
        }
        for draft in drafts { try RecordFrame.validate(draft) }
        let frameLengths = drafts.map { RecordFrame.encodedLength($0) }
        let batchBytes = frameLengths.reduce(0, +)
        guard batchBytes <= options.maximumQueuedBytes, drafts.count <= options.maximumQueuedRecords else {
            throw LogError(
                code: LogErrorCode.batchTooLarge,
                message: "One append of \(drafts.count) records and \(batchBytes) bytes exceeds the writer's queue "
                    + "(\(options.maximumQueuedRecords) records, \(options.maximumQueuedBytes) bytes). Split the "
                    + "batch; nothing was written."
            )
        }
        try resumeIfSpaceReturned(needing: batchBytes)
        let (pending, shouldSignal) = try state.withLock { state throws(LogError) in
            if let failure = state.failure { throw failure }
            if let diskFull = state.diskFull { throw diskFull.error }
            guard !state.isClosing else { throw Self.closedError(file) }
            guard state.pendingRecords + drafts.count <= options.maximumQueuedRecords,
                state.pendingBytes + batchBytes <= options.maximumQueuedBytes
            else {
                throw LogError(
                    code: LogErrorCode.queueFull,
                    message: "The log writer is behind: \(state.pendingRecords) records (\(state.pendingBytes) "
                        + "bytes) wait to be written. Retry shortly; nothing was written."
                )
            }
            var frames: [[UInt8]] = []
            var records: [Record] = []
            frames.reserveCapacity(drafts.count)
            records.reserveCapacity(drafts.count)
            for (draft, length) in zip(drafts, frameLengths) {
                let (bytes, record) = RecordFrame.encode(
                    draft,
                    position: state.nextPosition,
                    previousHash: state.lastEnqueuedHash
                )
                precondition(bytes.count == length, "a frame has the length computed for it")
                frames.append(bytes)
                records.append(record)
                state.nextPosition += 1
                state.lastEnqueuedHash = record.hash
            }
            let pending = PendingAppend(records: records)
            if drafts.isEmpty {
                pending.complete(.success([]))
                return (pending, false)
            }
            state.queue.append(
                WriterState.QueuedAppend(
                    frames: frames,
                    frameBytes: batchBytes,
                    pending: pending,
                    enqueuedAt: .now
                )
            )
            state.pendingAppends += 1
            state.pendingRecords += drafts.count
            state.pendingBytes += batchBytes
            defer { state.writerSignalled = true }
            return (pending, !state.writerSignalled)
        }
        if shouldSignal { wakeUp.signal() }
        return pending
    }

    /// Asks the writer thread to drain the queue and exit. Returns false if closing had already begun.
    func beginClosing() -> Bool {
        let first = state.withLock { state in
            defer { state.isClosing = true }
            return !state.isClosing
        }
        wakeUp.signal()
        return first
    }

    var status: WriterStatus { status(at: .now) }

    /// The status with ages measured to `now`, a clock reading taken before the lock: an append queued after it
    /// is younger than `now`.
    func status(at now: ContinuousClock.Instant) -> WriterStatus {
        state.withLock { state in
            let oldest = state.roundInFlightSince ?? state.queue.first?.enqueuedAt
            return WriterStatus(
                pendingAppends: state.pendingAppends,
                pendingRecords: state.pendingRecords,
                pendingBytes: state.pendingBytes,
                oldestPendingAgeNanoseconds: oldest.map { Self.nanoseconds(now - $0) } ?? 0,
                roundsCompleted: state.roundsCompleted,
                recordsWritten: state.recordsWritten,
                bytesWritten: state.bytesWritten,
                failure: state.failure,
                diskFull: state.diskFull
            )
        }
    }

    /// The tree over the durable records, with the tree file for its proofs.
    var tree: TreeSnapshot {
        let (range, failure) = state.withLock { ($0.tree, $0.treeFileFailure) }
        return TreeSnapshot(range: range, nodes: treeFile, fileFailure: failure)
    }

    /// The writer thread: one round at a time, each round one write and one fdatasync for everything queued
    /// since the previous round.
    func run(durableEnd: UInt64, durableHash: [UInt8]) {
        var end = durableEnd
        var lastHash = durableHash
        var tree = state.withLock { $0.tree }
        while true {
            switch takeWork() {
            case .exit:
                return
            case .idle:
                wakeUp.wait()
            case .round(let round):
                options.beforeWriteRound?()
                if write(round, end: &end, lastHash: &lastHash) { grow(&tree, by: round) }
            }
        }
    }

    private func takeWork() -> WriterState.Work {
        state.withLock { state in
            state.writerSignalled = false
            guard state.failure == nil, !state.queue.isEmpty else { return state.isClosing ? .exit : .idle }
            let round = state.queue
            state.queue = []
            state.roundInFlightSince = round[0].enqueuedAt
            return .round(round)
        }
    }

    /// Returns true once the round is durable.
    private func write(_ round: [WriterState.QueuedAppend], end: inout UInt64, lastHash: inout [UInt8]) -> Bool {
        let durablePosition = state.withLock { $0.durableHead.position }
        let durableHash = lastHash
        var bytes: [UInt8] = []
        bytes.reserveCapacity(round.reduce(0) { $0 + $1.frameBytes })
        var position = durablePosition + 1
        for queued in round {
            for (frame, record) in zip(queued.frames, queued.pending.records) {
                selfCheck(frame, record: record, offset: end + UInt64(bytes.count), position: position, lastHash)
                bytes.append(contentsOf: frame)
                position += 1
                lastHash = record.hash
            }
        }
        do throws(LogError) {
            try file.writeAll(bytes, at: end)
        } catch {
            if error.errno == ENOSPC || error.errno == EDQUOT,
                cutBack(round, cause: error, end: end, durableHash: durableHash)
            {
                lastHash = durableHash
                return false
            }
            fail(round, cause: error, position: durablePosition + 1, offset: end)
            return false
        }
        let synchronizationStart = ContinuousClock.now
        do throws(LogError) {
            try file.synchronizeData()
        } catch {
            fail(round, cause: error, position: durablePosition + 1, offset: end)
            return false
        }
        LogMetrics.recordRound(
            records: Int(position - 1 - durablePosition),
            synchronization: ContinuousClock.now - synchronizationStart
        )
        end += UInt64(bytes.count)
        let head = round.last!.pending.records.last!.chainHead
        state.withLock { state in
            precondition(head.position == position - 1, "the durable head is the last record written")
            state.durableHead = head
            state.roundInFlightSince = nil
            state.pendingAppends -= round.count
            state.pendingRecords -= Int(position - 1 - durablePosition)
            state.pendingBytes -= bytes.count
            state.roundsCompleted += 1
            state.recordsWritten += position - 1 - durablePosition
            state.bytesWritten += UInt64(bytes.count)
        }
        for queued in round { queued.pending.complete(.success(queued.pending.records)) }
        return true
    }

    /// Adds a durable round to the Merkle tree, and its completed subtrees to the tree file. Only records that are
    /// durable enter the tree, so no checkpoint can cover a record that a failed or cut-back write lost. The file
    /// is derived data rebuilt at every start, so it is not synchronised; a failure to write it only pauses proofs.
    private func grow(_ tree: inout CompactRange, by round: [WriterState.QueuedAppend]) {
        let sizeBefore = tree.size
        var nodes: [CompletedNode] = []
        for queued in round {
            for record in queued.pending.records {
                precondition(record.position == tree.size + 1, "the tree's leaves are the records in order")
                nodes.append(contentsOf: tree.append(leafHash: MerkleTree.leafHash(entry: record.hash)))
            }
        }
        var fileFailure: LogError?
        if state.withLock({ $0.treeFileFailure == nil }) {
            do throws(LogError) {
                try treeFile.append(nodes, leafCountBefore: sizeBefore)
            } catch {
                fileFailure = error
            }
        }
        state.withLock { state in
            state.tree = tree
            if let fileFailure { state.treeFileFailure = fileFailure }
        }
    }

    /// Reads each frame back with the readers' own parser before it reaches the disk: the write path and the
    /// read path check the same properties.
    private func selfCheck(_ frame: [UInt8], record: Record, offset: UInt64, position: UInt64, _ lastHash: [UInt8]) {
        precondition(record.position == position, "positions strictly increase by one")
        precondition(record.previousHash == lastHash, "each record links to the one before")
        do throws(LogError) {
            let parsed = try RecordFrame.parse(
                frame[...],
                offset: offset,
                expectedPosition: position,
                expectedPreviousHash: lastHash
            )
            precondition(parsed == .success(record), "a framed record reads back as itself")
        } catch {
            preconditionFailure("the writer framed a record that its own reader refuses: \(error)")
        }
    }

    private func fail(_ round: [WriterState.QueuedAppend], cause: LogError, position: UInt64, offset: UInt64) {
        let failure = LogError(
            code: LogErrorCode.writerFailed,
            message: "The log \(file.path) is no longer writable: \(cause.message) Appends not acknowledged may or "
                + "may not be on disk, and after a failed write or fdatasync nothing can be assumed about the page "
                + "cache, so this process will not retry. Restart accordd: it verifies the log and sets aside any "
                + "torn record before it accepts appends again.",
            position: position,
            offset: offset,
            errno: cause.errno
        )
        refuse(round, with: failure) { $0.failure = failure }
    }

    /// Completes the round and everything queued behind it with `error`, after `change` marks why, and empties
    /// the queue.
    private func refuse(
        _ round: [WriterState.QueuedAppend],
        with error: LogError,
        _ change: (inout WriterState) -> Void
    ) {
        let queued = state.withLock { state in
            change(&state)
            state.roundInFlightSince = nil
            state.pendingAppends = 0
            state.pendingRecords = 0
            state.pendingBytes = 0
            defer { state.queue = [] }
            return state.queue
        }
        for entry in round + queued { entry.pending.complete(.failure(error)) }
    }

    /// A write refused for want of space reached no stable storage, so the log is cut back to its last durable
    /// record (which fdatasync covered) and every append queued after it is refused; the chain continues from the
    /// durable head once space returns. False when even the cut-back fails: then the writer stops like on EIO.
    private func cutBack(
        _ round: [WriterState.QueuedAppend],
        cause: LogError,
        end: UInt64,
        durableHash: [UInt8]
    ) -> Bool {
        do throws(LogError) {
            try file.truncate(to: end)
        } catch {
            return false
        }
        let refusal = LogError(
            code: LogErrorCode.diskFull,
            message: "The file system holding \(file.path) is full: nothing was written. Free space there; appends "
                + "resume by themselves once there is room, and reads go on meanwhile.",
            offset: end,
            errno: cause.errno
        )
        refuse(round, with: refusal) { state in
            state.diskFull = DiskFull(since: .now, error: refusal, acknowledged: false)
            state.nextPosition = state.durableHead.position + 1
            state.lastEnqueuedHash = durableHash
        }
        return true
    }

    /// Called by the log's owner once its own state no longer counts the refused appends.
    func acknowledgeDiskFull() {
        state.withLock { state in state.diskFull?.acknowledged = true }
    }

    /// Clears a disk-full refusal once it is acknowledged and the file system has room for the append and a margin,
    /// so appends resume without a restart. The free space is asked outside the lock.
    private func resumeIfSpaceReturned(needing bytes: Int) throws(LogError) {
        guard let diskFull = state.withLock({ $0.diskFull }) else { return }
        guard diskFull.acknowledged else { throw diskFull.error }
        var statistics = statvfs()
        guard fstatvfs(file.descriptor.rawValue, &statistics) == 0 else { throw diskFull.error }
        let free = UInt64(statistics.f_bavail) * UInt64(statistics.f_frsize)
        guard free >= UInt64(bytes) + WriterCore.resumeMarginBytes else { throw diskFull.error }
        state.withLock { state in
            if state.diskFull?.acknowledged == true { state.diskFull = nil }
        }
    }

    /// Room kept free beyond an append before appends resume, so that a file system at the brink is not retried
    /// on every request.
    static let resumeMarginBytes: UInt64 = 1024 * 1024

    static func closedError(_ file: LogFile) -> LogError {
        LogError(
            code: LogErrorCode.closed,
            message: "The log \(file.path) was closed; nothing was written. This happens while accordd stops."
        )
    }

    /// A negative duration counts as 0: `now` is read before the lock, so an append queued meanwhile is "younger"
    /// than now, and -0.4 µs is (0 s, a negative attosecond count), which no unsigned count represents.
    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
