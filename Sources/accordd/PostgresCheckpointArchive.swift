import AccordLog
import AccordPostgres
import AccordTransparency

/// The checkpoint issuer's entries in the PostgreSQL ledger's own database (`accord_checkpoints`, decision 0011).
struct PostgresCheckpointArchive: CheckpointArchive {
    let store: PostgresLedgerStore

    var location: String { "accord_checkpoints in \(store.location)" }

    func append(_ note: String, number: Int) throws(TransparencyError) {
        do {
            try store.storeCheckpoint(note, number: number)
        } catch {
            throw TransparencyError(code: error.code, message: error.message, cause: error)
        }
    }
}
