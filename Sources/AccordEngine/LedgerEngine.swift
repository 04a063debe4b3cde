import AccordDomain
import AccordLog
import Crypto
import Foundation
import Synchronization
import SystemPackage

/// Commands at the head of the log. Deciding is serialised (one state, one writer); waiting for the disk is not,
/// so commands that arrive together share one fdatasync. Queries see only events that are durable.
public final class LedgerEngine: Sendable {
    /// The state commands are decided against: it already holds events queued for the disk.
    struct Core {
        var state: LedgerState
        var nextPosition: UInt64
        var requests: [String: RequestEntry]
        var failure: EngineError?
        /// The file of an import begun and not finished (`beginImport`): while set, every command is refused.
        var unfinishedImport: ImportMarker.File? = nil
    }

    enum RequestEntry {
        case inFlight(digest: [UInt8])
        case done(digest: [UInt8], positions: ClosedRange<UInt64>)
    }

    /// The state queries read: only durable events, in position order. It is the decision state as it stood after
    /// the last published command, kept when that command was decided: the state's collections are persistent, so
    /// keeping a version costs nothing and publishing is an assignment, not a replay.
    struct Published {
        var state: LedgerState
        var head: ChainHead
        /// Durable commands waiting for an earlier one, by their first position.
        var waiting: [UInt64: (head: ChainHead, state: LedgerState)] = [:]
        /// What "as of" queries start from.
        var asOf: AsOfIndex
    }

    let core: Mutex<Core>
    let published: Mutex<Published>
    public let store: any LedgerStore
    public let dataDirectory: String
    let personalData: PersonalDataStore
    let clock: @Sendable () -> Date
    /// Wakes followers of the log when the published head moves.
    let headWatch: HeadWatch
    /// When `ledger.snapshot` is written.
    let snapshots: SnapshotSchedule
    /// What the start did with the snapshot it found.
    public let snapshotOutcome: SnapshotOutcome
    /// Where personal-data files are written (concurrently), off the cooperative pool.
    let personalDataQueue = DispatchQueue(label: "accord.personal-data", attributes: .concurrent)
    /// Where corrections and retractions replay the history their rules need (`historyChecks(for:)`): off the
    /// cooperative pool, one at a time, so that one scratch projection at most is built at once.
    let historyCheckQueue = DispatchQueue(label: "accord.history-check")
    /// On a standby: set while its catch-ups fail (`catchUp`), cleared by the next that succeeds.
    let catchUpTroubleState = Mutex<CatchUpTrouble?>(nil)
    /// The file removals of recorded erasures: finished by the open, or not done yet.
    let erasures = Mutex(ErasureProgress())

    init(
        store: any LedgerStore,
        replayed: Replay,
        dataDirectory: String,
        personalData: PersonalDataStore,
        clock: @escaping @Sendable () -> Date,
        snapshotInterval: UInt64 = 0,
        snapshotOutcome: SnapshotOutcome = .none
    ) {
        self.store = store
        self.snapshotOutcome = snapshotOutcome
        var writtenAt: UInt64 = 0
        if case .used(let position) = snapshotOutcome { writtenAt = position }
        snapshots = SnapshotSchedule(interval: snapshotInterval, dataDirectory: dataDirectory, writtenAt: writtenAt)
        self.dataDirectory = dataDirectory
        self.personalData = personalData
        self.clock = clock
        core = Mutex(
            Core(
                state: replayed.state,
                nextPosition: replayed.head.position + 1,
                requests: replayed.requests,
                failure: nil
            )
        )
        published = Mutex(
            Published(state: replayed.state, head: replayed.head, asOf: replayed.asOf)
        )
        headWatch = HeadWatch(position: replayed.head.position)
    }

    /// The last durable record.
    public var head: ChainHead { published.withLock { $0.head } }

    /// Number of durable events.
    public var eventCount: UInt64 { head.position }

    /// Set once the log writer failed; the daemon must stop and re-verify the log at its next start.
    public var failure: EngineError? { core.withLock { $0.failure } }

    /// Runs a query on the durable state.
    public func read<Value>(_ body: (LedgerState) throws -> Value) rethrows -> Value {
        let state = published.withLock { $0.state }
        return try body(state)
    }

    /// Why appends are refused while reads go on (a full file system), or nil while they are taken.
    public var appendsRefused: String? {
        guard let diskFull = store.status.diskFull else { return nil }
        let seconds = (ContinuousClock.now - diskFull.since).components.seconds
        return "disk full for \(seconds) s: free space in the data folder's file system; appends resume by themselves"
    }

    /// Whether an append has waited on the writer longer than the threshold (a wedged disk or writer).
    public func isWriterStuck(thresholdNanoseconds: UInt64) -> Bool {
        store.status.isStuck(thresholdNanoseconds: thresholdNanoseconds)
    }

    /// The writer's queue and counters (rounds of fdatasync, records written).
    public var writerStatus: WriterStatus { store.status }

    /// Where the records are: the log file's path, or the store's name.
    public var logPath: String { store.location }

    /// The log file the ledger is kept in; nil for another store.
    public var logFile: FileLedgerStore? { store as? FileLedgerStore }

    /// The store with its Merkle tree for checkpoints and proofs (the log file, PostgreSQL); nil for another store.
    public var treeStore: (any MerkleTreeStore)? { store as? any MerkleTreeStore }

    /// What opening the log file found and did; nil for a store other than a log file.
    public var recovery: LogOpenReport? { logFile?.recovery }

    /// The personal data a registration refers to, unless it was erased.
    public func personalData(reference: String) -> PersonalDataLookup {
        personalData.load(reference)
    }

    /// Decides the command, appends its events, and returns once they are durable.
    public func execute(_ request: CommandRequest) async throws(EngineError) -> CommandOutcome {
        var single = request
        single.requestID = nil
        return try await execute(batch: [single], requestID: request.requestID, author: request.author)
    }

    /// Commands in one request, at most.
    public static let maximumBatchCommands = 1_000

    /// Decides the commands in order, each against the state the earlier ones made, and appends all their events
    /// as one contiguous range, or nothing if one is refused (the error names it). Idempotent as a whole with
    /// `requestID`. The requests' own request ids and authors are not used: `author` recorded them all.
    public func execute(batch requests: [CommandRequest], requestID: String?, author: Author) async throws(EngineError)
        -> CommandOutcome
    {
        let requestID = try CommandRequest.validated(requestID: requestID)
        try LedgerEngine.checkSize(of: requests)
        let personal = try requests.map { request throws(EngineError) in try request.personalData?.validated() }
        // Only a request id needs the digest; without one the append path skips its JSON encoding.
        let digest = requestID == nil ? [] : LedgerEngine.digest(of: requests)
        // Written (and fsynced) before the lock, so no other command waits on this one's files, and before the event
        // that refers to it is queued, so an acknowledged registration always has its data; every way out that
        // records nothing discards it again (a refusal, a repeated request id, a disk-full cut-back).
        let references = try await storePersonalData(personal)
        let historyChecks = await historyChecks(for: requests, requestID: requestID)
        let step: Step
        do throws(EngineError) {
            step = try decideAndEnqueue(
                requests,
                references: references,
                historyChecks: historyChecks,
                requestID: requestID,
                digest: digest,
                author: author
            )
        } catch {
            await discardPersonalData(references)
            throw error
        }
        if case .replay = step { await discardPersonalData(references) }
        return try await finish(
            step,
            requests: requests,
            personal: personal,
            references: references,
            requestID: requestID,
            digest: digest
        )
    }

    /// Stores each request's personal data, or none of it if one write fails, on `personalDataQueue`: the writes
    /// and fsyncs block, which must not happen on Swift's cooperative pool.
    private func storePersonalData(_ personal: [PersonalData?]) async throws(EngineError) -> [String?] {
        guard personal.contains(where: { $0 != nil }) else { return personal.map { _ in nil } }
        return try await onPersonalDataQueue { [personalData] in
            Result { () throws(EngineError) in try personalData.store(personal) }
        }.get()
    }

    /// Under the engine's lock, without I/O: decides the commands against the decision state and queues their
    /// records, or finds the earlier result of a repeated request id.
    private func decideAndEnqueue(
        _ requests: [CommandRequest],
        references: [String?],
        historyChecks: [HistoryCheck?],
        requestID: String?,
        digest: [UInt8],
        author: Author
    ) throws(EngineError) -> Step {
        try core.withLock { core throws(EngineError) -> Step in
            if let failure = core.failure { throw failure }
            if let file = core.unfinishedImport {
                throw LedgerEngine.importUnfinished(file, holding: core.nextPosition - 1)
            }
            if let requestID, let entry = core.requests[requestID] {
                return try LedgerEngine.repeated(entry, requestID: requestID, digest: digest)
            }
            let context = CommandContext(recordedAt: LedgerEngine.microsecondPrecision(clock()), author: author)
            var decided = core.state
            var recorded: [RecordedEvent] = []
            for (index, request) in requests.enumerated() {
                var command = request.command
                if case .registerPerson(var registration) = command {
                    registration.personalDataReference = nil
                    command = .registerPerson(registration)
                }
                let events: [Event]
                do throws(Rejection) {
                    events = try decided.decide(
                        command,
                        expectedVersion: request.expectedVersion,
                        context: context,
                        historyCheck: historyChecks[index]
                    )
                } catch {
                    throw EngineError.rejected(error, inCommand: index, of: requests.count)
                }
                for event in LedgerEngine.attach(references[index], to: events) {
                    let next = RecordedEvent(
                        position: core.nextPosition + UInt64(recorded.count),
                        recordedAt: context.recordedAt,
                        author: context.author,
                        event: event
                    )
                    decided.evolve(next)
                    recorded.append(next)
                }
            }
            let drafts = try recorded.map { recordedEvent throws(EngineError) in
                try LedgerEngine.draft(for: recordedEvent, requestID: requestID, digest: digest)
            }
            let pending: any PendingRecords
            do throws(LogError) {
                pending = try store.enqueue(drafts)
            } catch {
                throw EngineError.storage(error, "the log refused the append")
            }
            core.state = decided
            core.nextPosition += UInt64(recorded.count)
            if let requestID { core.requests[requestID] = .inFlight(digest: digest) }
            return .append(pending, recorded, core.state)
        }
    }

    /// Waits for the queued records to be durable and publishes them, or reads a repeated request's events back.
    private func finish(
        _ step: Step,
        requests: [CommandRequest],
        personal: [PersonalData?],
        references: [String?],
        requestID: String?,
        digest: [UInt8]
    ) async throws(EngineError) -> CommandOutcome {
        switch step {
        case .replay(let positions):
            // Its events are durable but an earlier command's may not be published yet: answer like in-flight.
            guard positions.upperBound <= head.position else { throw LedgerEngine.inProgress(requestID ?? "") }
            let events = try await storedEvents(positions: positions)
            if let requestID {
                try checkRepeatedPersonalData(personal, of: requests, events: events, requestID: requestID)
            }
            return CommandOutcome(
                events: events,
                head: head,
                replayed: true,
                erasureUnfinished: unfinishedErasure(recordedIn: events.map(\.recorded))
            )
        case .append(let pending, let recorded, let decided):
            let records: [Record]
            do throws(LogError) {
                records = try await pending.wait()
            } catch {
                if error.code == LogErrorCode.diskFull {
                    await discardPersonalData(references)
                    await rollBackAfterDiskFull()
                    throw EngineError.storage(error, "the event was not recorded")
                }
                // The personal data is kept: whether the record reached the disk is known only once the restart
                // re-verifies the log.
                let failure = EngineError(
                    kind: .storage,
                    code: "log_writer_failed",
                    message:
                        "the event was not acknowledged: the log could not be made durable (\(error.message)); the daemon stops and re-verifies the log at its next start",
                    cause: error
                )
                core.withLock { $0.failure = $0.failure ?? failure }
                throw failure
            }
            precondition(
                records.count == recorded.count && zip(records, recorded).allSatisfy { $0.position == $1.position },
                "the log wrote other positions than the engine decided"
            )
            // Published before the request id is marked done, so a repeat can always read its events back.
            if let first = records.first, let last = records.last {
                publish(first: first.position, head: last.chainHead, state: decided)
            }
            if let requestID, let first = records.first, let last = records.last {
                core.withLock {
                    $0.requests[requestID] = .done(digest: digest, positions: first.position...last.position)
                }
            }
            // After the request id is done: a retry must find the recorded erasure even if removing the file failed.
            let erasureUnfinished = await erasePersonalData(recordedIn: recorded, state: decided)
            return CommandOutcome(
                events: zip(recorded, records).map { LedgerEngine.storedEvent($0, record: $1) },
                head: head,
                replayed: false,
                erasureUnfinished: erasureUnfinished
            )
        }
    }

    /// The state was evolved with each append when it was queued; after a disk-full refusal of appends that are
    /// not durable, it is rebuilt from the store's durable records (an error path only: it reads the whole ledger)
    /// before the store may take appends again. Until then the store refuses every append and its durable head
    /// stays put, so no command decides on the refused state and the rebuild may run outside the lock.
    private func rollBackAfterDiskFull() async {
        let durable = store.durableHead
        let needsRebuild = core.withLock { core in
            store.status.diskFull?.acknowledged == false && core.nextPosition != durable.position + 1
        }
        var rebuilt: Replay?
        if needsRebuild {
            do throws(EngineError) {
                rebuilt = try await LedgerEngine.replay(store, through: durable)
            } catch {
                core.withLock { $0.failure = $0.failure ?? error }
                return
            }
        }
        core.withLock { core in
            // Several refused appends come here; the first one to finish rebuilds and acknowledges.
            guard store.status.diskFull?.acknowledged == false else { return }
            if let rebuilt, core.nextPosition != durable.position + 1 {
                core.state = rebuilt.state
                core.requests = rebuilt.requests
                core.nextPosition = durable.position + 1
            }
            store.acknowledgeDiskFull()
        }
    }

    /// Flushes and closes the log (in-flight appends finish first), then writes the snapshot of the final state
    /// so that the next start replays nothing.
    public func close() throws(EngineError) {
        do {
            try store.close()
        } catch {
            throw EngineError.storage(error, "the log did not close cleanly")
        }
        guard store is FileLedgerStore else { return }
        do {
            try snapshots.close(with: publishedSnapshot)
        } catch {
            throw EngineError(
                kind: .storage,
                code: "snapshot_unwritable",
                message:
                    "the log closed cleanly but \(LedgerSnapshot.fileName) could not be written (\(error)); the next start replays the whole log",
                cause: error as NSError
            )
        }
    }

    enum Step {
        case replay(ClosedRange<UInt64>)
        /// The records to wait for, their events, and the decision state once they were folded in.
        case append(any PendingRecords, [RecordedEvent], LedgerState)
    }

    private static func repeated(_ entry: RequestEntry, requestID: String, digest: [UInt8]) throws(EngineError) -> Step
    {
        switch entry {
        case .inFlight(let firstDigest):
            guard firstDigest == digest else { throw reused(requestID) }
            throw inProgress(requestID)
        case .done(let firstDigest, let positions):
            guard firstDigest == digest else { throw reused(requestID) }
            return .replay(positions)
        }
    }

    static func inProgress(_ requestID: String) -> EngineError {
        EngineError(
            kind: .requestInProgress,
            code: "request_in_progress",
            message: "request id \"\(requestID)\" is still being written; retry in a moment to get its result"
        )
    }

    static func reused(_ requestID: String) -> EngineError {
        EngineError(
            kind: .requestIDReused,
            code: "request_id_reused",
            message: "request id \"\(requestID)\" was already used for a different request; choose a new request id"
        )
    }

    /// Personal data is stored before the event that refers to it is queued, so an acknowledged registration
    /// always has its data (until erased).
    private static func attach(_ reference: String?, to events: [Event]) -> [Event] {
        guard let reference else { return events }
        return events.map { event in
            guard case .personRegistered(var registered) = event else { return event }
            registered.personalDataReference = reference
            return .personRegistered(registered)
        }
    }

    /// Makes a durable command's records visible to queries once every earlier command's are: commands become
    /// durable in rounds, and their waiters may resume in any order.
    /// A standby's catch-up, which folds many commands in at once, hands over its whole as-of index, set under the
    /// same lock as the state so a query never sees one without the other.
    func publish(first: UInt64, head: ChainHead, state: LedgerState, replacingAsOf: AsOfIndex? = nil) {
        let visible = published.withLock { published in
            published.waiting[first] = (head, state)
            while let next = published.waiting.removeValue(forKey: published.head.position + 1) {
                if let recordedAt = next.state.recordedEvent(at: next.head.position)?.recordedAt {
                    published.asOf.note(next.state, firstPosition: published.head.position + 1, recordedAt: recordedAt)
                }
                published.state = next.state
                published.head = next.head
            }
            if let replacingAsOf { published.asOf = replacingAsOf }
            return published.head.position
        }
        headWatch.advance(to: visible)
        snapshots.published(at: visible) { [self] in publishedSnapshot }
    }

    /// The published state as a snapshot: persistent collections, so taking it copies nothing.
    var publishedSnapshot: LedgerSnapshot {
        published.withLock { published in
            LedgerSnapshot(head: published.head, models: published.state.readModels)
        }
    }

    /// What identifies a request for idempotency: the command and its expected version (for a batch, each one's, in
    /// order; a batch of one is that command). Personal data stays out:
    /// the digest is written in the log, and nothing there may confirm a name once it is erased. A repeated
    /// registration is compared with the stored data instead, while it exists (`checkRepeatedPersonalData`).
    static func digest(of requests: [CommandRequest]) -> [UInt8] {
        guard requests.count != 1 else { return digest(of: requests[0]) }
        var hasher = SHA256()
        hasher.update(data: Data("batch".utf8))
        for request in requests { hasher.update(data: digest(of: request)) }
        return Array(hasher.finalize())
    }

    static func digest(of request: CommandRequest) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Data(request.command.commandName.utf8))
        hasher.update(data: [0])
        hasher.update(data: (try? request.command.encodedBody()) ?? Data())
        hasher.update(data: [0])
        hasher.update(data: Data((request.expectedVersion.map(String.init) ?? "-").utf8))
        return Array(hasher.finalize())
    }

    /// A repeated `person.register` with the same request id must carry the same personal data as the first one;
    /// once that data is erased there is nothing to compare, and the first result is returned.
    private func checkRepeatedPersonalData(
        _ personal: [PersonalData?],
        of requests: [CommandRequest],
        events: [StoredEvent],
        requestID: String
    ) throws(EngineError) {
        // Each registration makes one PersonRegistered event, in the order of the commands.
        let sent = zip(requests, personal).compactMap { request, data -> PersonalData?? in
            guard case .registerPerson = request.command else { return nil }
            return .some(data)
        }
        let registered = events.compactMap { event -> PersonRegistered? in
            guard case .personRegistered(let registered) = event.recorded.event else { return nil }
            return registered
        }
        for (registration, data) in zip(registered, sent) {
            guard let reference = registration.personalDataReference else { continue }
            if case .present(let stored) = personalData.load(reference), stored != data {
                throw LedgerEngine.reused(requestID)
            }
        }
    }
}

extension LedgerEngine {
    static func checkSize(of batch: [CommandRequest]) throws(EngineError) {
        guard !batch.isEmpty else {
            throw EngineError(
                kind: .invalidRequest(field: "commands"),
                code: "batch_empty",
                message: "the batch holds no command; send at least one"
            )
        }
        try checkBatchCount(batch.count)
    }

    /// The one check of a batch's number of commands, for the engine and for the server before it decodes them.
    public static func checkBatchCount(_ count: Int) throws(EngineError) {
        guard count <= maximumBatchCommands else {
            throw EngineError(
                kind: .invalidRequest(field: "commands"),
                code: "batch_too_large",
                message:
                    "the batch holds \(count) commands; at most \(maximumBatchCommands) are decided and appended together. Split it into several batches"
            )
        }
    }
}
