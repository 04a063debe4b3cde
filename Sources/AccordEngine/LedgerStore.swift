import AccordLog

/// Where the engine's records live: the handful of operations the engine needs, so that the file log, memory and a
/// database can hold a ledger alike (docs/decisions/0004-ledger-store.md).
///
/// The engine is the one writer. It calls `enqueue` under its own lock, in the order it decided, and gets the
/// records with their positions and hashes at once; it acknowledges nothing before their `wait()` returns. A store
/// that fails (a write, an fsync, a lost connection) fails every pending and later append with a `LogError`, and
/// the engine stops: whether a record it could not confirm is durable is only known after a fresh open, which
/// re-reads and verifies what the store holds.
public protocol LedgerStore: AnyObject, Sendable {
    /// Where the records are, for messages and the status (a file path, a database URL without its password).
    var location: String { get }

    /// The last durable record; position 0 and the genesis hash for an empty ledger.
    var durableHead: ChainHead { get }

    /// Validates, positions, chains and queues `drafts` in call order; returns at once (never waits for the disk
    /// or the network). Nothing is queued if any draft is refused.
    func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> any PendingRecords

    /// Up to `limit` verified records from `position` through `head` (a head this store reported durable).
    func records(from position: UInt64, through head: ChainHead, limit: Int) async throws(LogError) -> [Record]

    /// Records a replay read from this store and checked (their links to each other and to the head before them),
    /// in position order: a start's replay, a standby's catch-up. A store that keeps its Merkle tree in memory
    /// builds it from them, without reading the records a second time.
    func replayed(_ records: [Record])

    /// The store's queue and counters, for the watchdog and metrics; `diskFull` while it refuses appends for want
    /// of space.
    var status: WriterStatus { get }

    /// After a `disk_full` refusal: the engine rebuilt its state from the durable records and no longer counts the
    /// refused appends, so the store may take appends again once space returns.
    func acknowledgeDiskFull()

    /// Refuses new appends, makes everything queued durable, and releases the store. Throws the store's failure if
    /// it failed; calling it again returns the same outcome.
    func close() throws(LogError)
}

extension LedgerStore {
    /// Most stores build nothing from a replay: the log file keeps its tree in its own file.
    public func replayed(_ records: [Record]) {}
}

/// A store that keeps the Merkle tree over its durable records, for checkpoints and proofs.
public protocol MerkleTreeStore: LedgerStore {
    /// The tree over the durable records; it may trail `durableHead` by the round being added.
    var tree: TreeSnapshot { get }
}

/// Records a store positioned and chained, and their durability.
public protocol PendingRecords: Sendable {
    /// The records as they will be stored, available at once so that the engine evolves in position order.
    var records: [Record] { get }

    /// Returns once the records are durable, or throws if the store could not make them so.
    func wait() async throws(LogError) -> [Record]
}

extension PendingAppend: PendingRecords {}
