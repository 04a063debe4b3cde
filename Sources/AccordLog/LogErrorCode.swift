/// The stable codes carried by `LogError.code`.
public enum LogErrorCode {
    /// The last record of the file is incomplete or fails its checksum (reported by readers, which never
    /// repair; the writer sets such a tail aside when it opens the log).
    public static let tornTail = "log_torn_tail"
    /// A record's hash or its link to the previous record does not match: the content was changed.
    public static let chainBroken = "log_chain_broken"
    /// A record fails its CRC-32C and valid records follow it: damage in the middle of the file.
    public static let checksumMismatch = "log_checksum_mismatch"
    /// The last record is whole but fails its checks: damage, not a torn write; open refuses unless told.
    public static let tailDamaged = "log_tail_damaged"
    /// A frame's marker or length is impossible and valid records follow it.
    public static let badFrame = "log_bad_frame"
    /// A record's position is not the one after the previous record's.
    public static let positionGap = "log_position_gap"
    /// A record passes its checksum but its fields are malformed (lengths, flags, UTF-8, extensions).
    public static let invalidRecord = "log_invalid_record"
    /// The file header is missing, damaged, or of a format version this build does not read.
    public static let badHeader = "log_bad_header"
    /// A system call failed.
    public static let ioError = "log_io_error"
    /// Another process holds the log open for writing.
    public static let locked = "log_locked"
    /// The writer or reader was closed.
    public static let closed = "log_closed"
    /// A write or fdatasync failed earlier; the log accepts no more appends in this process.
    public static let writerFailed = "log_writer_failed"
    /// A write found the file system full (ENOSPC, EDQUOT): the log was cut back to its last durable record and
    /// appends are refused until space returns; nothing else is lost.
    public static let diskFull = "disk_full"
    /// A payload is larger than `LogLimits.maximumPayloadBytes`.
    public static let recordTooLarge = "log_record_too_large"
    /// A text field is longer than `LogLimits.maximumTextFieldBytes`.
    public static let fieldTooLong = "log_field_too_long"
    /// A draft field has an impossible value (e.g. a request digest that is not 32 bytes).
    public static let invalidDraft = "log_invalid_draft"
    /// One `enqueue` call carries more records or bytes than the writer ever queues.
    public static let batchTooLarge = "log_batch_too_large"
    /// The writer's queue is full; retry shortly.
    public static let queueFull = "log_queue_full"
    /// The store was opened read-only (a standby of another writer): it takes no appends.
    public static let readOnly = "store_read_only"
    /// A reader was asked to read through a head that the file does not contain.
    public static let headNotFound = "log_head_not_found"
    /// The Merkle tree file cannot answer (it could not be written, or a subtree lies past the tree).
    public static let treeUnavailable = "log_tree_unavailable"
    /// The log's first N records do not have the root of a checkpoint of size N that the daemon signed: a record
    /// was changed, even if every hash of the chain was recomputed.
    public static let checkpointContradicted = "log_checkpoint_contradicted"
    /// The log holds fewer records than a checkpoint the daemon signed: acknowledged records were removed.
    public static let shorterThanCheckpoint = "log_shorter_than_checkpoint"
    /// A torn record at the tail is covered by a checkpoint, so it was acknowledged: damage, not a torn write.
    public static let checkpointedTailDamaged = "log_checkpointed_tail_damaged"

    /// The codes that say the log's content cannot be trusted as it is (damaged, changed, shortened, or a file the
    /// log cannot answer for), as opposed to a failed system call, a lock or a limit: restarting cannot help, an
    /// operator must look. `LogError.meansUntrustedData` reads it.
    static let untrustedData: Set<String> = [
        tornTail, chainBroken, checksumMismatch, tailDamaged, badFrame, positionGap, invalidRecord, badHeader,
        headNotFound, treeUnavailable, checkpointContradicted, shorterThanCheckpoint, checkpointedTailDamaged,
    ]
}
