/// The stable codes of a PostgreSQL store's own failures, carried by `LogError.code` (damage to the records
/// themselves keeps the log's codes, `LogErrorCode`, since the frames are the log file's).
public enum PostgresErrorCode {
    /// The `--store` address is not a `postgresql://` URL this build reads, or it carries a password.
    public static let badAddress = "store_bad_address"
    /// The password file or systemd credential cannot be read.
    public static let passwordUnreadable = "store_password_unreadable"
    /// The server cannot be reached, refused the login, or a statement failed.
    public static let unavailable = "store_unavailable"
    /// Another accordd holds the ledger's writer lock in this database, or appended past this writer's head.
    public static let fenced = "store_fenced"
    /// A standby's table holds fewer records than it already served: its server is no longer a copy of the
    /// primary it followed.
    public static let rewound = "store_rewound"
    /// A read-only open found no ledger table: the database is not (yet) an Accord ledger.
    public static let noLedger = "store_no_ledger"
    /// The checkpoint table lacks a row between two others: checkpoints were deleted.
    public static let checkpointsDamaged = "store_checkpoints_damaged"
}
