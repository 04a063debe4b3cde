import AccordEngine
import AccordLog
import AccordPostgres
import AccordServer
import AccordTransparency
import Foundation
import Logging

extension DaemonService {
    /// How often a standby asks its replica for the records it applied since.
    static let catchUpInterval: Duration = .milliseconds(100)
    /// How long a standby waits for any one answer of its replica (a connect, a query of a catch-up) before it
    /// counts the replica as unavailable, closes the session and connects again at the next catch-up: 50 catch-up
    /// intervals, as long as the longest pause between catch-ups. Far above what a query of a catch-up takes.
    static let catchUpAnswerLimit: Duration = catchUpInterval * 50

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
                answerLimit: settings.readOnly ? Self.catchUpAnswerLimit : nil,
                logger: logger
            )
        } catch {
            throw EngineError(kind: .storage, code: error.code, message: error.message, cause: error)
        }
        logger.info(
            "ledger store opened",
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
    /// streams see them. Polling, since a standby cannot LISTEN (notifications are not replicated).
    ///
    /// A replica that cannot be read (`store_unavailable`: its server restarts, the connection dropped, a connect or
    /// query not answered within `catchUpAnswerLimit`) is retried with a backoff up to `maximumBackoff`, connecting
    /// again, while the standby serves the head it verified last and its health says it is behind and why: a routine
    /// restart of the replica's PostgreSQL must not turn into a restart loop of accordd, and the reads stay correct,
    /// only older. Anything else is damage or a replica that is no longer the chain it served (`store_rewound`, a
    /// record that does not link to the served head): the daemon stops (exit 65, which systemd does not restart),
    /// since a fresh start would serve another history unnoticed.
    func followReplica(
        engine: LedgerEngine,
        issuer: CheckpointIssuer,
        server: UnixSocketServer,
        interval: Duration = catchUpInterval,
        maximumBackoff: Duration = catchUpAnswerLimit
    ) async {
        guard let store = engine.store as? PostgresLedgerStore, store.readOnly else {
            preconditionFailure("only a standby follows a replica")
        }
        var delay = interval
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            let trouble = engine.catchUpTrouble
            do throws(EngineError) {
                try await engine.catchUp { () throws(LogError) in try await store.refreshHead() }
                // After the records: a checkpoint the replica applied is served once the tree reaches it.
                try await adoptCheckpoints(from: store, into: issuer)
                if let trouble {
                    logger.notice(
                        "caught up with the replica again after \(trouble.failedAttempts) failed attempts",
                        metadata: ["head_position": "\(engine.head.position)"]
                    )
                }
                delay = interval
            } catch where error.code == PostgresErrorCode.unavailable {
                // A stop cancels the wait for the replica's answer: nothing to report.
                guard !Task.isCancelled else { return }
                if trouble == nil {
                    logger.warning(
                        "cannot catch up with the replica; serving the last verified head and retrying: \(error.message)",
                        metadata: ["code": "\(error.code)", "head_position": "\(engine.head.position)"]
                    )
                }
                delay = min(delay * 2, maximumBackoff)
            } catch {
                let damage = error.meansUntrustedData || error.code == PostgresErrorCode.rewound
                stop(
                    because: "this standby stops: \(error.message) [\(error.code)]",
                    exitCode: damage ? DaemonError.dataExitCode : 1,
                    server: server
                )
                return
            }
        }
    }
}
