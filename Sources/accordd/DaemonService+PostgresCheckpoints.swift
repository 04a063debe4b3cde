import AccordEngine
import AccordLog
import AccordPostgres
import AccordTransparency
import Crypto
import Logging

extension DaemonService {
    /// The checkpoints of a PostgreSQL ledger, read from its database after the replay built the Merkle tree and
    /// checked against it as the log file checks its own at start: a checkpoint whose root the records no longer
    /// have, or that covers more records than the table holds, stops the start (exit 65). A standby's replica may
    /// hold a checkpoint before all its records: it takes the checkpoints its tree reaches, and the others as it
    /// catches up (`adoptCheckpoints`).
    func openPostgreSQLCheckpoints(
        _ engine: LedgerEngine,
        _ settings: CheckpointSettings,
        key: Curve25519.Signing.PrivateKey
    ) async throws(EngineError) -> CheckpointIssuer {
        guard let store = engine.store as? PostgresLedgerStore else {
            preconditionFailure("a PostgreSQL engine runs on a PostgreSQL store")
        }
        let issuer: CheckpointIssuer
        do {
            issuer = try CheckpointIssuer(
                archive: PostgresCheckpointArchive(store: store),
                origin: settings.origin,
                privateKey: key
            )
        } catch {
            throw EngineError(kind: .storage, code: error.code, message: error.message, cause: error)
        }
        try await adoptCheckpoints(from: store, into: issuer)
        logger.info(
            "checkpoints read from the database",
            metadata: [
                "store": "\(store.location)", "verifier_key": "\(issuer.verifierKey)",
                "checkpoints": "\(issuer.storedCount)",
                "latest_checkpoint_size": "\(issuer.latest.map { String($0.size) } ?? "none")",
                "tree_root": "\(store.tree.root().base64)",
            ]
        )
        return issuer
    }

    /// Takes the checkpoints stored after those `issuer` holds, each checked against the store's tree. A writer's
    /// table cannot grow under it, so a checkpoint larger than its tree means records are missing; a standby waits
    /// for its replica to apply them.
    func adoptCheckpoints(from store: PostgresLedgerStore, into issuer: CheckpointIssuer) async throws(EngineError) {
        let notes: [String]
        do throws(LogError) {
            notes = try await store.checkpointNotes(after: issuer.storedCount)
        } catch {
            throw EngineError(
                kind: .storage,
                code: error.code,
                message: "cannot read the checkpoints of \(store.location): \(error.message)",
                cause: error,
                meansUntrustedData: error.meansUntrustedData || error.code == PostgresErrorCode.checkpointsDamaged
            )
        }
        guard !notes.isEmpty else { return }
        let tree = store.tree
        do {
            try issuer.adopt(notes) { checkpoint throws(TransparencyError) in
                let expectation = TreeExpectation(
                    size: checkpoint.size,
                    root: checkpoint.root,
                    name: "checkpoint \(issuer.storedCount + 1) of accord_checkpoints (tree size \(checkpoint.size), "
                        + "root \(checkpoint.root.base64))"
                )
                do throws(LogError) {
                    if try tree.reaches(expectation, in: store.location) { return true }
                    guard store.readOnly else { throw tree.shorter(than: expectation, in: store.location) }
                    return false
                } catch {
                    throw TransparencyError(code: error.code, message: error.message, cause: error)
                }
            }
        } catch {
            throw EngineError(
                kind: .storage,
                code: error.code,
                message: error.message,
                cause: error.cause ?? error,
                meansUntrustedData: true
            )
        }
    }
}
