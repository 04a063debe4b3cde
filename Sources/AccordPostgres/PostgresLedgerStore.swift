import AccordEngine
import AccordLog
import Dispatch
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// The ledger in a PostgreSQL table, one row per record holding the log file's own frame (docs/log-format.md),
/// so that the same verifier, hash chain and Merkle tree apply (decision 0011).
///
/// One connection does everything, and the writer's lock is a session advisory lock on that same connection:
/// an append can only run in the session that holds the lock, and when the session ends (the connection is lost,
/// the backend is terminated) the lock goes with it and every later append of this store fails. Appends are
/// group-committed: while one INSERT is in flight, new records gather and go together in the next, each one
/// statement and so one transaction, acknowledged when PostgreSQL answered its commit (`synchronous_commit` as
/// configured on the server).
public final class PostgresLedgerStore: MerkleTreeStore {
    /// The advisory-lock key of the ledger's writer: "accord" in ASCII; advisory locks are per database.
    static let writerLockKey: Int64 = 0x61_63_63_6f_72_64
    static let table = "accord_ledger"
    /// The signed checkpoints, beside the records, so that a standby serves them and a promoted one extends them.
    static let checkpointTable = "accord_checkpoints"
    /// How long a writer's open waits for the lock of a writer that is going away.
    static let lockWaitLimit: Duration = .seconds(5)
    /// An INSERT carries at most this many records; a larger queue goes in several rounds.
    static let maximumRecordsPerRound = 4_096
    /// How long `close()` waits for the round in flight, and then for each statement of the goodbye, by default.
    public static let defaultCloseWaitLimit: Duration = .seconds(10)

    private struct Waiting {
        let records: [Record]
        let frames: [ByteBuffer]
        let bytes: Int
        let promise: EventLoopPromise<[Record]>
        let enqueuedAtNanoseconds: UInt64
    }

    private struct State {
        /// The last record queued (durable or not): where the next draft is chained.
        var queuedHead: (position: UInt64, hash: [UInt8])
        var durableHead: ChainHead
        var queue: [Waiting] = []
        var inFlight: [Waiting] = []
        var writing = false
        var closed = false
        /// `close()` waits on `idle` for the round in flight.
        var closeWaiting = false
        var failure: LogError?
        var rounds: UInt64 = 0
        var recordsWritten: UInt64 = 0
        var bytesWritten: UInt64 = 0
    }

    public let location: String
    /// True for a standby: it reads and never appends.
    public let readOnly: Bool
    /// The server's `synchronous_commit` for this session: what an acknowledgement means (docs/operations.md).
    public let synchronousCommit: String
    /// On a standby: the primary its server streams from (`pg_stat_wal_receiver`), to send commands to.
    public let primary: String?
    /// The session: a writer's is fixed (its lock is in it); a standby's is replaced when it was lost (`refreshHead`).
    private let session: Mutex<PostgresConnection>
    var connection: PostgresConnection { session.withLock { $0 } }
    /// How a standby connects again.
    private let configuration: PostgresConnection.Configuration
    let closeWaitLimit: Duration
    /// How long a standby waits for any one answer of its server (a connect, a read) before it counts the server as
    /// unavailable and closes the session; nil: as long as it takes (a writer, whose appends `close()` bounds).
    let answerLimit: Duration?
    let logger: Logger
    private let state: Mutex<State>
    private let idle = DispatchSemaphore(value: 0)
    /// The Merkle tree over the durable records: built by the start's replay, extended by every round and catch-up.
    private let merkleTree = MemoryTree()

    private init(
        location: String,
        readOnly: Bool,
        synchronousCommit: String,
        primary: String?,
        connection: PostgresConnection,
        configuration: PostgresConnection.Configuration,
        closeWaitLimit: Duration,
        answerLimit: Duration?,
        head: Record?,
        logger: Logger
    ) {
        self.location = location
        self.readOnly = readOnly
        self.synchronousCommit = synchronousCommit
        self.primary = primary
        session = Mutex(connection)
        self.configuration = configuration
        self.closeWaitLimit = closeWaitLimit
        self.answerLimit = answerLimit
        self.logger = logger
        state = Mutex(
            State(
                queuedHead: (head?.position ?? 0, head?.hash ?? LogFormat.genesisHash),
                durableHead: head?.chainHead ?? .genesis
            )
        )
        connection.closeFuture.whenComplete { [weak self] _ in self?.connectionClosed() }
    }

    /// The session ended without `close()`. A writer's lock went with it, so nothing more may be appended: the rounds
    /// waiting fail now rather than when their next statement would. A standby holds no lock and connects again at
    /// its next `refreshHead`.
    private func connectionClosed() {
        guard !state.withLock({ $0.closed }) else { return }
        guard !readOnly else {
            logger.warning("the connection to \(location) was lost: this standby connects again at its next catch-up")
            return
        }
        fail(
            LogError(
                code: LogErrorCode.writerFailed,
                message: "the connection to \(location) was lost, and the writer's lock with it: this accordd appends "
                    + "nothing more (whether the appends in flight were committed is known after a restart, which "
                    + "re-reads the ledger)"
            )
        )
    }

    /// Connects, takes the writer's lock (unless `readOnly`), creates the table if it is missing (writer only) and
    /// reads the head. The records themselves are verified when they are read (`records`), as a replay reads all.
    /// With `answerLimit` (a standby's), the connect and each read, now and later, wait at most that long.
    public static func open(
        address: PostgresAddress,
        password: String?,
        readOnly: Bool,
        closeWaitLimit: Duration = defaultCloseWaitLimit,
        answerLimit: Duration? = nil,
        logger: Logger
    ) async throws(LogError) -> PostgresLedgerStore {
        let location = address.description
        var configuration = try makeConfiguration(address, password: password)
        // PostgresNIO's own limit on the connect and the login, so that it gives up on an abandoned one: twice ours,
        // so that ours always expires first and says the server did not answer (with the same limit, PostgresNIO's
        // won the race at times and said only "connectionError").
        if let answerLimit { configuration.options.connectTimeout = TimeAmount(answerLimit * 2) }
        let connection = try await connect(configuration, within: answerLimit, location: location, logger: logger)
        do throws(LogError) {
            let (synchronousCommit, primary, head) = try await bounded(
                "the first reads of the ledger",
                within: answerLimit,
                on: connection,
                location: location,
                logger: logger
            ) { () throws(LogError) in
                try await readAtOpen(connection, readOnly: readOnly, location: location, logger: logger)
            }
            return PostgresLedgerStore(
                location: location,
                readOnly: readOnly,
                synchronousCommit: synchronousCommit,
                primary: primary,
                connection: connection,
                configuration: configuration,
                closeWaitLimit: closeWaitLimit,
                answerLimit: answerLimit,
                head: head,
                logger: logger
            )
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// What `open` reads (and a writer takes and creates) in a new session: `synchronous_commit`, the primary a
    /// standby's server streams from, the last record.
    private static func readAtOpen(
        _ connection: PostgresConnection,
        readOnly: Bool,
        location: String,
        logger: Logger
    ) async throws(LogError) -> (synchronousCommit: String, primary: String?, head: Record?) {
        if !readOnly {
            // A writer that just stopped or died may hold the lock a moment longer, until its backend exits.
            let deadline = ContinuousClock.now + lockWaitLimit
            var locked = false
            while true {
                locked =
                    try await single(
                        connection,
                        "SELECT pg_try_advisory_lock(\(writerLockKey))",
                        as: Bool.self,
                        logger,
                        location
                    ) == true
                guard !locked, ContinuousClock.now < deadline else { break }
                try? await Task.sleep(for: .milliseconds(100))
            }
            guard locked else {
                throw LogError(
                    code: PostgresErrorCode.fenced,
                    message: "another accordd writes the ledger in \(location) (it holds the writer's lock): "
                        + "stop it first, or start this one with --read-only"
                )
            }
            try await run(
                connection,
                PostgresQuery(
                    unsafeSQL: "CREATE TABLE IF NOT EXISTS \(table) "
                        + "(position bigint PRIMARY KEY CHECK (position > 0), frame bytea NOT NULL)"
                ),
                logger,
                location
            )
            try await run(
                connection,
                PostgresQuery(
                    unsafeSQL: "CREATE TABLE IF NOT EXISTS \(checkpointTable) "
                        + "(number bigint PRIMARY KEY CHECK (number > 0), note text NOT NULL)"
                ),
                logger,
                location
            )
        }
        let exists = try await single(
            connection,
            "SELECT to_regclass(\(table)) IS NOT NULL",
            as: Bool.self,
            logger,
            location
        )
        guard exists == true else {
            throw LogError(
                code: PostgresErrorCode.noLedger,
                message: "\(location) holds no ledger (no table \(table)): start a writer on the primary first"
            )
        }
        let synchronousCommit =
            try await single(connection, "SHOW synchronous_commit", as: String.self, logger, location) ?? "on"
        let primary =
            readOnly
            ? try await single(
                connection,
                "SELECT sender_host || ':' || sender_port FROM pg_stat_wal_receiver",
                as: String.self,
                logger,
                location
            ) : nil
        return (synchronousCommit, primary, try await lastRecord(connection, logger, location))
    }

    /// Connects and logs in, waiting at most `limit`: a connection that succeeds after it is closed at once.
    private static func connect(
        _ configuration: PostgresConnection.Configuration,
        within limit: Duration?,
        location: String,
        logger: Logger
    ) async throws(LogError) -> PostgresConnection {
        let attempt = { @Sendable () async throws(LogError) -> PostgresConnection in
            do {
                return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            } catch {
                throw LogError(
                    code: PostgresErrorCode.unavailable,
                    message: "cannot connect to \(location): \(describe(error)); check that PostgreSQL runs there, "
                        + "that the user may log in to the database, and the password"
                )
            }
        }
        guard let limit else { return try await attempt() }
        return try await AnswerDeadline.run(
            within: limit,
            expired: {
                logger.warning("\(location) did not answer a connect within \(limit): counted as unavailable")
                return LogError(
                    code: PostgresErrorCode.unavailable,
                    message: "\(location) did not answer a connect within \(limit): check that PostgreSQL runs "
                        + "there and answers (a stopped or overloaded server, a network that drops packets)"
                )
            },
            cancelled: { stoppedWaiting(for: "a connect", location) },
            discard: { late in
                // Kept until closed: a connection must not be released open.
                late.close().whenComplete { _ in withExtendedLifetime(late) {} }
            },
            attempt
        )
    }

    /// Runs one read of `connection` (a query and its rows), waiting at most `limit` for it: a server that does not
    /// answer in time is unavailable, and the session is closed (which fails the query, if it reached the session)
    /// so that a standby connects again at its next catch-up.
    static func bounded<Value: Sendable>(
        _ what: String,
        within limit: Duration?,
        on connection: PostgresConnection,
        location: String,
        logger: Logger,
        _ read: @escaping @Sendable () async throws(LogError) -> Value
    ) async throws(LogError) -> Value {
        guard let limit else { return try await read() }
        return try await AnswerDeadline.run(
            within: limit,
            expired: {
                logger.warning(
                    "\(location) did not answer \(what) within \(limit): counted as unavailable; closing the session"
                )
                let _: EventLoopFuture<Void> = connection.close()
                return LogError(
                    code: PostgresErrorCode.unavailable,
                    message: "\(location) did not answer \(what) within \(limit): check that PostgreSQL runs there "
                        + "and answers (a stopped or overloaded server, a network that drops packets)"
                )
            },
            cancelled: { stoppedWaiting(for: what, location) },
            read
        )
    }

    private static func stoppedWaiting(for what: String, _ location: String) -> LogError {
        LogError(
            code: PostgresErrorCode.unavailable,
            message: "stopped waiting for \(what) of \(location): accordd is stopping"
        )
    }

    /// A read of the current session, bounded by `answerLimit`. A standby's session lost meanwhile fails the read
    /// at once: a query written to its closed channel would never be answered.
    func read<Value: Sendable>(
        _ what: String,
        _ body: @escaping @Sendable (PostgresConnection) async throws(LogError) -> Value
    ) async throws(LogError) -> Value {
        let connection = self.connection
        if readOnly, connection.isClosed {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "the connection to \(location) was lost before \(what): this standby connects again at its "
                    + "next catch-up"
            )
        }
        return try await Self.bounded(what, within: answerLimit, on: connection, location: location, logger: logger) {
            () throws(LogError) in try await body(connection)
        }
    }

    public var durableHead: ChainHead { state.withLock { $0.durableHead } }

    /// Why a standby takes no `what` (commands, checkpoints to sign): where to send them instead.
    func readOnlyRefusal(of what: String) -> LogError {
        LogError(
            code: LogErrorCode.readOnly,
            message: "this accordd is a read-only standby of \(location) and records nothing: send \(what) to the "
                + "accordd of the primary\(primary.map { " (PostgreSQL at \($0))" } ?? "")"
        )
    }

    /// The failure that ended this writer, if any: nothing more is written, checkpoints included.
    var failure: LogError? { state.withLock { $0.failure } }

    /// On a standby: the head as the replica has it now (it applied more of the primary's WAL), which becomes the
    /// durable head; connects again first if the session was lost. A replica whose table shrank or changed under a
    /// standby is no longer the primary's copy.
    public func refreshHead() async throws(LogError) -> ChainHead {
        precondition(readOnly, "only a read-only store's table grows under it")
        let known = durableHead
        if self.connection.isClosed {
            let connection = try await Self.connect(
                configuration,
                within: answerLimit,
                location: location,
                logger: logger
            )
            connection.closeFuture.whenComplete { [weak self] _ in self?.connectionClosed() }
            // The lost session is closed already: replacing it lets it go.
            session.withLock { $0 = connection }
            logger.notice("connected to \(location) again")
        }
        let last = try await read("the query of its last record") { [logger, location] connection throws(LogError) in
            try await Self.lastRecord(connection, logger, location)
        }
        guard let last else {
            guard known.position == 0 else { throw rewound(known, to: .genesis) }
            return known
        }
        guard last.position >= known.position else { throw rewound(known, to: last.chainHead) }
        if last.position == known.position {
            guard last.hashHex == known.hash else { throw rewound(known, to: last.chainHead) }
            return known
        }
        state.withLock { state in
            state.durableHead = last.chainHead
            state.queuedHead = (last.position, last.hash)
        }
        return last.chainHead
    }

    private func rewound(_ known: ChainHead, to found: ChainHead) -> LogError {
        LogError(
            code: PostgresErrorCode.rewound,
            message: "the ledger in \(location) now ends at \(found), but this standby already served \(known): the "
                + "server is no longer a copy of the primary it followed; point the standby at the current primary",
            position: known.position
        )
    }

    private static func lastRecord(
        _ connection: PostgresConnection,
        _ logger: Logger,
        _ location: String
    ) async throws(LogError) -> Record? {
        let last = try await single(
            connection,
            PostgresQuery(unsafeSQL: "SELECT frame FROM \(table) ORDER BY position DESC LIMIT 1"),
            as: ByteBuffer.self,
            logger,
            location
        )
        return try last.map { buffer throws(LogError) in try Record(frame: Array(buffer.readableBytesView)) }
    }

    public func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> any PendingRecords {
        let promise = connection.eventLoop.makePromise(of: [Record].self)
        let records: [Record]
        let startRound: Bool
        do throws(LogError) {
            (records, startRound) = try queue(drafts, promise: promise)
        } catch {
            promise.fail(error)
            throw error
        }
        if startRound { writeRound() }
        return PostgresPendingRecords(records: records, committed: promise.futureResult, location: location)
    }

    /// Frames, chains and queues `drafts` under the lock; true when no round is in flight to pick them up.
    private func queue(
        _ drafts: [RecordDraft],
        promise: EventLoopPromise<[Record]>
    ) throws(LogError) -> ([Record], Bool) {
        try state.withLock { state throws(LogError) -> ([Record], Bool) in
            if let failure = state.failure { throw failure }
            guard !readOnly else { throw readOnlyRefusal(of: "commands") }
            guard !state.closed else {
                throw LogError(
                    code: LogErrorCode.closed,
                    message: "The ledger in \(location) was closed; nothing was written."
                )
            }
            var (position, previousHash) = state.queuedHead
            var records: [Record] = []
            var frames: [ByteBuffer] = []
            var bytes = 0
            for draft in drafts {
                position += 1
                let framed = try Record.chained(draft, position: position, previousHash: previousHash)
                previousHash = framed.record.hash
                records.append(framed.record)
                frames.append(ByteBuffer(bytes: framed.bytes))
                bytes += framed.bytes.count
            }
            state.queuedHead = (position, previousHash)
            state.queue.append(
                Waiting(
                    records: records,
                    frames: frames,
                    bytes: bytes,
                    promise: promise,
                    enqueuedAtNanoseconds: DispatchTime.now().uptimeNanoseconds
                )
            )
            defer { state.writing = true }
            return (records, !state.writing)
        }
    }

    /// Sends everything queued in one INSERT; when PostgreSQL answered, acknowledges it and starts the next round if
    /// more arrived meanwhile. Runs on the connection's event loop, never on Swift's cooperative pool.
    private func writeRound() {
        let batch = state.withLock { state -> [Waiting] in
            var count = 0
            var taken = 0
            for waiting in state.queue {
                guard taken == 0 || count + waiting.records.count <= Self.maximumRecordsPerRound else { break }
                count += waiting.records.count
                taken += 1
            }
            state.inFlight = Array(state.queue.prefix(taken))
            state.queue.removeFirst(taken)
            return state.inFlight
        }
        let positions = batch.flatMap(\.records).map { Int64($0.position) }
        let frames = batch.flatMap(\.frames)
        let expectedHead = Int64(positions[0] - 1)
        var query = PostgresQuery(
            unsafeSQL: "INSERT INTO \(Self.table) (position, frame) "
                + "SELECT * FROM unnest($1::bigint[], $2::bytea[]) "
                + "WHERE (SELECT coalesce(max(position), 0) FROM \(Self.table)) = $3 RETURNING position"
        )
        query.binds.append(positions)
        query.binds.append(frames)
        query.binds.append(expectedHead)
        connection.query(query, logger: logger).whenComplete { [self] result in
            switch result {
            case .success(let answer) where answer.rows.count == positions.count:
                finishRound(batch, bytes: frames.reduce(0) { $0 + $1.readableBytes })
            case .success:
                fail(
                    LogError(
                        code: PostgresErrorCode.fenced,
                        message: "the ledger in \(location) no longer ends at position \(expectedHead): another "
                            + "writer appended to it; this accordd stops appending (restart it to re-read the ledger)",
                        position: UInt64(expectedHead)
                    )
                )
            case .failure(let error):
                fail(
                    LogError(
                        code: LogErrorCode.writerFailed,
                        message: "an append to \(location) failed (\(Self.describe(error))); whether its records "
                            + "were committed is known only after a restart, which re-reads the ledger",
                        position: positions.first.map(UInt64.init)
                    )
                )
            }
        }
    }

    private func finishRound(_ batch: [Waiting], bytes: Int) {
        let (finished, more, wake) = state.withLock { state -> (Bool, Bool, Bool) in
            // The store failed meanwhile (the connection closed): those appends were failed with it.
            guard state.failure == nil else { return (false, false, false) }
            if let last = batch.last?.records.last { state.durableHead = last.chainHead }
            // Under the lock, so that rounds extend it in position order; before the appends are acknowledged.
            for waiting in batch { merkleTree.append(waiting.records) }
            state.inFlight = []
            state.rounds += 1
            state.recordsWritten += UInt64(batch.reduce(0) { $0 + $1.records.count })
            state.bytesWritten += UInt64(bytes)
            if state.queue.isEmpty { state.writing = false }
            return (true, state.writing, !state.writing && state.closeWaiting)
        }
        guard finished else { return }
        for waiting in batch { waiting.promise.succeed(waiting.records) }
        if more { writeRound() }
        if wake { idle.signal() }
    }

    /// A failure is final: every record in flight or queued fails, and so does every later append.
    private func fail(_ failure: LogError) {
        let taken = state.withLock { state -> (failed: [Waiting], wake: Bool)? in
            // Only the first failure counts; a later one (the statement in flight failing after the connection
            // closed) finds nothing left to fail.
            guard state.failure == nil else { return nil }
            state.failure = failure
            state.writing = false
            defer {
                state.queue = []
                state.inFlight = []
            }
            return (state.inFlight + state.queue, state.closeWaiting)
        }
        guard let taken else { return }
        logger.critical("\(failure.message)", metadata: ["code": "\(failure.code)"])
        for waiting in taken.failed { waiting.promise.fail(failure) }
        if taken.wake { idle.signal() }
    }

    public func records(from position: UInt64, through head: ChainHead, limit: Int) async throws(LogError)
        -> [Record]
    {
        let start = max(position, 1)
        guard start <= head.position else { return [] }
        let end = start - 1 + min(UInt64(max(limit, 1)), head.position - start + 1)
        // The record before the page too, to check the page's first link.
        var query = PostgresQuery(
            unsafeSQL: "SELECT position, frame FROM \(Self.table) WHERE position BETWEEN $1 AND $2 ORDER BY position"
        )
        query.binds.append(Int64(start - 1))
        query.binds.append(Int64(end))
        let rows = try await read("the query of records \(start) to \(end)") {
            [logger, location, query] connection throws(LogError) -> [(Int64, ByteBuffer)] in
            var rows: [(Int64, ByteBuffer)] = []
            do {
                for try await row in try await connection.query(query, logger: logger).decode(
                    (Int64, ByteBuffer).self
                ) {
                    rows.append(row)
                }
            } catch {
                throw LogError(
                    code: PostgresErrorCode.unavailable,
                    message: "cannot read records \(start) to \(end) from \(location): \(Self.describe(error))"
                )
            }
            return rows
        }
        var previousHash = start == 1 ? LogFormat.genesisHash : nil
        var expected = start == 1 ? start : start - 1
        var records: [Record] = []
        for (rowPosition, frame) in rows {
            guard rowPosition == Int64(expected) else {
                throw LogError(
                    code: LogErrorCode.positionGap,
                    message: "\(location) holds no record \(expected) (the next is \(rowPosition)): records were "
                        + "deleted; restore the database from a backup",
                    position: expected
                )
            }
            let record = try Record(frame: Array(frame.readableBytesView))
            guard record.position == expected else {
                throw LogError(
                    code: LogErrorCode.positionGap,
                    message: "the row at position \(expected) of \(location) holds the frame of record "
                        + "\(record.position): rows were moved",
                    position: expected
                )
            }
            if let previousHash, record.previousHash != previousHash {
                throw LogError(
                    code: LogErrorCode.chainBroken,
                    message: "record \(expected) of \(location) does not follow the record before it (hash chain "
                        + "broken): the table was changed; restore the database from a backup",
                    position: expected
                )
            }
            previousHash = record.hash
            if record.position >= start { records.append(record) }
            expected += 1
        }
        guard expected == end + 1 else {
            throw LogError(
                code: LogErrorCode.headNotFound,
                message: "\(location) ends before position \(end), inside the head \(head) to read through",
                position: head.position
            )
        }
        if end == head.position, records.last?.hashHex != head.hash {
            throw LogError(
                code: LogErrorCode.headNotFound,
                message: "\(location) does not hold the head \(head) to read through",
                position: head.position
            )
        }
        return records
    }

    /// The tree over the durable records, for checkpoints and proofs.
    public var tree: TreeSnapshot { merkleTree.snapshot }

    public func replayed(_ records: [Record]) {
        merkleTree.append(records)
    }

    public var status: WriterStatus {
        state.withLock { state in
            let pending = state.inFlight + state.queue
            let now = DispatchTime.now().uptimeNanoseconds
            return WriterStatus(
                pendingAppends: pending.count,
                pendingRecords: pending.reduce(0) { $0 + $1.records.count },
                pendingBytes: pending.reduce(0) { $0 + $1.bytes },
                oldestPendingAgeNanoseconds: pending.first.map { now - min(now, $0.enqueuedAtNanoseconds) } ?? 0,
                roundsCompleted: state.rounds,
                recordsWritten: state.recordsWritten,
                bytesWritten: state.bytesWritten,
                failure: state.failure
            )
        }
    }

    /// A lost connection fails the store (it cannot tell what reached the server), so there is no disk-full state.
    public func acknowledgeDiskFull() {}

    /// Waits for the round in flight and the queue (on a thread outside the event loop), then closes the session,
    /// which releases the writer's lock. Each wait is bounded by `closeWaitLimit`: a server that stopped answering
    /// (a synchronous standby that never confirms) fails the appends still waiting, unknown whether committed, and
    /// the session is closed anyway, so that a stop never hangs on the database.
    public func close() throws(LogError) {
        let wait = state.withLock { state -> Bool in
            state.closeWaiting = !state.closed && state.writing
            state.closed = true
            return state.closeWaiting
        }
        if wait, idle.wait(timeout: deadline(after: closeWaitLimit)) == .timedOut {
            fail(
                LogError(
                    code: LogErrorCode.writerFailed,
                    message: "\(location) did not answer the appends in flight within \(closeWaitLimit) of the stop: "
                        + "whether they were committed is known only after a restart, which re-reads the ledger; "
                        + "check the server (and its synchronous standby, if `synchronous_standby_names` is set)"
                )
            )
        }
        if !readOnly, state.withLock({ $0.failure == nil }) {
            // Released before the session ends, so that the next writer (a restart) finds it free at once.
            awaitBounded(connection.query("SELECT pg_advisory_unlock(\(Self.writerLockKey))", logger: logger))
        }
        awaitBounded(connection.close())
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Waits for `future` at most `closeWaitLimit`, for `close()`; its outcome does not matter there.
    private func awaitBounded<Value: Sendable>(_ future: EventLoopFuture<Value>) {
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { _ in done.signal() }
        if done.wait(timeout: deadline(after: closeWaitLimit)) == .timedOut {
            logger.warning("\(location) did not answer within \(closeWaitLimit) while closing; closing anyway")
        }
    }

    func deadline(after limit: Duration) -> DispatchTime {
        let (seconds, attoseconds) = limit.components
        return .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }

    private static func makeConfiguration(
        _ address: PostgresAddress,
        password: String?
    ) throws(LogError) -> PostgresConnection.Configuration {
        switch address.endpoint {
        case .unixSocket(let path):
            return PostgresConnection.Configuration(
                unixSocketPath: path,
                username: address.user,
                password: password,
                database: address.database
            )
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            do {
                switch address.tls {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            } catch {
                throw LogError(
                    code: PostgresErrorCode.unavailable,
                    message: "cannot set up TLS for \(address): \(error)"
                )
            }
            return PostgresConnection.Configuration(
                host: host,
                port: port,
                username: address.user,
                password: password,
                database: address.database,
                tls: tls
            )
        }
    }

    private static func run(
        _ connection: PostgresConnection,
        _ query: PostgresQuery,
        _ logger: Logger,
        _ location: String
    ) async throws(LogError) {
        do {
            _ = try await connection.query(query, logger: logger).collect()
        } catch {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "\(location) refused \(query.sql): \(describe(error))"
            )
        }
    }

    /// The first column of the first row, or nil without a row.
    static func single<Value: PostgresDecodable>(
        _ connection: PostgresConnection,
        _ query: PostgresQuery,
        as type: Value.Type,
        _ logger: Logger,
        _ location: String
    ) async throws(LogError) -> Value? {
        do {
            for try await value in try await connection.query(query, logger: logger).decode(Value.self) {
                return value
            }
            return nil
        } catch {
            throw LogError(
                code: PostgresErrorCode.unavailable,
                message: "\(location) refused \(query.sql): \(describe(error))"
            )
        }
    }

    /// PostgreSQL's own message when the server sent one (PSQLError's description hides it on purpose), else the
    /// cause beneath PostgresNIO's code (a refused or missing socket), which alone says only "connectionError".
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
