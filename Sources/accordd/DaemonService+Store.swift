import AccordEngine
import AccordLog
import AccordPostgres
import Foundation
import Logging

extension DaemonService {
    /// Opens the ledger in PostgreSQL (`--store`) and replays it; personal data stays in the data folder.
    func openPostgreSQLEngine(
        _ settings: StoreSettings,
        progress: @escaping @Sendable (ReplayProgress) -> Void
    ) async throws(EngineError) -> LedgerEngine {
        let store: PostgresLedgerStore
        do throws(LogError) {
            let address = try PostgresAddress(parsing: settings.address)
            let password = try PostgresPassword.load(
                file: settings.passwordFile,
                environment: ProcessInfo.processInfo.environment
            )
            store = try await PostgresLedgerStore.open(
                address: address,
                password: password,
                readOnly: settings.readOnly,
                logger: logger
            )
        } catch {
            throw EngineError(kind: .storage, code: error.code, message: error.message, cause: error)
        }
        logger.info(
            "ledger store opened: checkpoints and proofs are not served on a PostgreSQL store (docs/decisions/0011-postgresql-store.md)",
            metadata: [
                "store": "\(store.location)", "head_position": "\(store.durableHead.position)",
                "synchronous_commit": "\(store.synchronousCommit)", "read_only": "\(store.readOnly)",
                "primary": "\(store.primary ?? "")",
            ]
        )
        try LedgerEngine.prepareDataDirectory(dataDirectory)
        return try await LedgerEngine.open(
            store: store,
            dataDirectory: dataDirectory,
            clock: { Date() },
            progress: progress
        )
    }

    /// On a standby: follows the replica's table as it applies the primary's records, so that queries and follow
    /// streams see them. Polling, since a standby cannot LISTEN (notifications are not replicated). A failure is
    /// the engine's (`supervise` stops the daemon, to restart on a fresh read).
    func followReplica(engine: LedgerEngine, interval: Duration = .milliseconds(100)) async {
        guard let store = engine.store as? PostgresLedgerStore, store.readOnly else { return }
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                try await engine.catchUp { () throws(LogError) in try await store.refreshHead() }
            } catch {
                return
            }
        }
    }
}
