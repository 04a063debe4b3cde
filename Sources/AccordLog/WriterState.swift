import AccordProof
/// What the writer's lock protects: the chain as enqueued, the chain as durable, and the queue between them.
struct WriterState {
    /// Position the next enqueued record gets.
    var nextPosition: UInt64
    /// Hash of the last enqueued record (the genesis hash for an empty log).
    var lastEnqueuedHash: [UInt8]
    /// Last record written and fdatasync'd.
    var durableHead: ChainHead
    var queue: [QueuedAppend] = []
    /// When the oldest append of the round being written was enqueued; nil when no round is in flight.
    var roundInFlightSince: ContinuousClock.Instant?
    var pendingAppends = 0
    var pendingRecords = 0
    var pendingBytes = 0
    var roundsCompleted: UInt64 = 0
    var recordsWritten: UInt64 = 0
    var bytesWritten: UInt64 = 0
    var failure: LogError?
    /// The Merkle tree over the durable records, as far as the writer thread has added them.
    var tree: CompactRange
    /// Set once writing the tree file failed (the tree in memory stays right).
    var treeFileFailure: LogError?
    /// Set when a write found the file system full; appends are refused until it is cleared (see
    /// `WriterCore.resumeIfSpaceReturned`).
    var diskFull: DiskFull?
    var isClosing = false
    /// True while a wake-up is on its way to the writer thread, so that a burst of appends signals it once.
    var writerSignalled = false

    struct QueuedAppend {
        var frames: [[UInt8]]
        var frameBytes: Int
        var pending: PendingAppend
        var enqueuedAt: ContinuousClock.Instant
    }

    enum Work {
        case round([QueuedAppend])
        case idle
        case exit
    }
}
