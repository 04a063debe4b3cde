/// Where the checkpoint issuer keeps every entry it stored, in order: the data folder's `checkpoints` file, or a
/// table beside a PostgreSQL ledger. An entry is durable when `append` returns; `append` may block, so the issuer
/// calls it on a queue of its own.
public protocol CheckpointArchive: Sendable {
    /// Where the entries are, for messages (a path, a table and its database).
    var location: String { get }

    /// Stores the entry numbered `number` (1 for the first) and makes it durable.
    func append(_ note: String, number: Int) throws(TransparencyError)
}
