/// Where the ledger's records live when not in `<data-dir>/ledger.log`: a PostgreSQL database (`--store`, or the
/// configuration file's `store` and `storePasswordFile`, read at start only).
struct StoreSettings: Equatable, Sendable {
    /// `postgresql://USER@HOST:PORT/DATABASE` or `postgresql://USER@/DATABASE?host=/socket/folder`, no password.
    var address: String
    /// A file holding the password; else the systemd credential `accord-postgresql-password`, else none.
    var passwordFile: String?
    /// A standby (`--read-only`): serves queries and follow streams from a streaming replica, refuses commands.
    var readOnly = false
}
