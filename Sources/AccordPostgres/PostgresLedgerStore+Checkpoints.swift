import AccordLog
import Dispatch
import Logging
import PostgresNIO

/// The signed checkpoints in the table `accord_checkpoints` beside the records (decision 0011): one row per entry
/// of the daemon's checkpoint store, numbered from 1 in the order stored, holding the signed note as served. Written
/// only by the writer, in the session that holds the writer's lock, so a fenced writer stores none; replicated with
/// the records, so a standby serves them and a promoted standby's writer extends them.
extension PostgresLedgerStore {
    /// The notes stored after the first `count`, in order. A database whose writer predates the table has none.
    public func checkpointNotes(after count: Int) async throws(LogError) -> [String] {
        try await read("the query of its checkpoints") { [logger, location] connection throws(LogError) in
            try await Self.checkpointNotes(after: count, connection, logger, location)
        }
    }

    private static func checkpointNotes(
        after count: Int,
        _ connection: PostgresConnection,
        _ logger: Logger,
        _ location: String
    ) async throws(LogError) -> [String] {
        let exists = try await single(
            connection,
            "SELECT to_regclass(\(Self.checkpointTable)) IS NOT NULL",
            as: Bool.self,
            logger,
            location
        )
        guard exists == true else { return [] }
        var query = PostgresQuery(
            unsafeSQL: "SELECT number, note FROM \(checkpointTable) WHERE number > $1 ORDER BY number"
        )
        query.binds.append(Int64(count))
        var notes: [String] = []
        do {
            for try await (number, note) in try await connection.query(query, logger: logger).decode(
                (Int64, String).self
            ) {
                guard number == Int64(count + notes.count + 1) else {
                    throw LogError(
                        code: PostgresErrorCode.checkpointsDamaged,
                        message:
                            "\(checkpointTable) in \(location) holds no checkpoint \(count + notes.count + 1) "
                            + "(the next is \(number)): rows were deleted; restore the database from a backup"
                    )
                }
                notes.append(note)
            }
        } catch let error as LogError {
            throw error
        } catch {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "cannot read \(checkpointTable) from \(location): \(describe(error))"
            )
        }
        return notes
    }

    /// Stores `note` as checkpoint `number` and returns once PostgreSQL committed it (`synchronous_commit` as for
    /// the records). Blocks its caller, bounded by the close wait limit: call it from a thread of its own (the
    /// checkpoint issuer's queue), never from the event loop or Swift's cooperative pool.
    public func storeCheckpoint(_ note: String, number: Int) throws(LogError) {
        guard !readOnly else { throw readOnlyRefusal(of: "checkpoints to sign") }
        if let failure { throw failure }
        let connection = self.connection
        precondition(!connection.eventLoop.inEventLoop, "a checkpoint is stored off the event loop")
        var query = PostgresQuery(unsafeSQL: "INSERT INTO \(Self.checkpointTable) (number, note) VALUES ($1, $2)")
        query.binds.append(Int64(number))
        query.binds.append(note)
        let done = DispatchSemaphore(value: 0)
        let outcome = connection.query(query, logger: logger)
        nonisolated(unsafe) var failure: (any Error)?
        outcome.whenComplete { result in
            if case .failure(let error) = result { failure = error }
            done.signal()
        }
        guard done.wait(timeout: deadline(after: closeWaitLimit)) == .success else {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "\(location) did not commit checkpoint \(number) within \(closeWaitLimit): whether it was "
                    + "stored is known after a restart of accordd, which reads the checkpoints again"
            )
        }
        if let failure {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "cannot store checkpoint \(number) in \(location): \(Self.describe(failure)); restart "
                    + "accordd once the server answers"
            )
        }
    }
}
