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
    }

    enum RequestEntry {
        case inFlight(digest: [UInt8])
        case done(digest: [UInt8], positions: ClosedRange<UInt64>)
    }

    /// The state queries read: only durable events, applied in position order.
    struct Published {
        var state: LedgerState
        var head: ChainHead
        var waiting: [UInt64: (event: RecordedEvent, hash: String)] = [:]
    }

    let core: Mutex<Core>
    let published: Mutex<Published>
    let writer: LogWriter
    /// Kept for the engine's life: it remembers verified checkpoints, so paging the log does not rescan it.
    let reader: LogReader
    public let logPath: String
    public let dataDirectory: String
    public let recovery: LogOpenReport
    let personalData: PersonalDataStore
    let clock: @Sendable () -> Date

    init(
        writer: LogWriter,
        reader: LogReader,
        recovery: LogOpenReport,
        replayed: Replay,
        logPath: String,
        dataDirectory: String,
        personalData: PersonalDataStore,
        clock: @escaping @Sendable () -> Date
    ) {
        self.writer = writer
        self.reader = reader
        self.recovery = recovery
        self.logPath = logPath
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
        published = Mutex(Published(state: replayed.state, head: replayed.head))
    }

    /// The last durable record.
    public var head: ChainHead { published.withLock { $0.head } }

    /// The Merkle tree over the durable records, for checkpoints and proofs.
    public var tree: TreeSnapshot { writer.tree }

    /// Number of durable events.
    public var eventCount: UInt64 { head.position }

    /// Set once the log writer failed; the daemon must stop and re-verify the log at its next start.
    public var failure: EngineError? { core.withLock { $0.failure } }

    /// Runs a query on the durable state.
    public func read<Value>(_ body: (LedgerState) throws -> Value) rethrows -> Value {
        let state = published.withLock { $0.state }
        return try body(state)
    }

    /// Whether an append has waited on the writer longer than the threshold (a wedged disk or writer).
    public func isWriterStuck(thresholdNanoseconds: UInt64) -> Bool {
        writer.isStuck(thresholdNanoseconds: thresholdNanoseconds)
    }

    /// The writer's queue and counters (rounds of fdatasync, records written).
    public var writerStatus: WriterStatus { writer.status }

    /// The personal data a registration refers to, unless it was erased.
    public func personalData(reference: String) -> PersonalDataLookup {
        personalData.load(reference)
    }

    /// Decides the command, appends its events, and returns once they are durable.
    public func execute(_ request: CommandRequest) async throws(EngineError) -> CommandOutcome {
        let requestID = try request.validatedRequestID()
        let personal = try request.personalData?.validated()
        // Only a request id needs the digest; without one the append path skips its JSON encoding.
        let digest = requestID == nil ? [] : LedgerEngine.digest(of: request)
        let step = try core.withLock { core throws(EngineError) -> Step in
            if let failure = core.failure { throw failure }
            if let requestID, let entry = core.requests[requestID] {
                return try LedgerEngine.repeated(entry, requestID: requestID, digest: digest)
            }
            let context = CommandContext(recordedAt: LedgerEngine.microsecondPrecision(clock()), author: request.author)
            var command = request.command
            if case .registerPerson(var registration) = command {
                registration.personalDataReference = nil
                command = .registerPerson(registration)
            }
            let events: [Event]
            do throws(Rejection) {
                events = try core.state.decide(command, expectedVersion: request.expectedVersion, context: context)
            } catch {
                throw EngineError.rejected(error)
            }
            let stored = try attachPersonalData(personal, to: events)
            let recorded = stored.enumerated().map { offset, event in
                RecordedEvent(
                    position: core.nextPosition + UInt64(offset),
                    recordedAt: context.recordedAt,
                    author: context.author,
                    event: event
                )
            }
            let drafts = try recorded.map { recordedEvent throws(EngineError) in
                try LedgerEngine.draft(for: recordedEvent, requestID: requestID, digest: digest)
            }
            let pending: PendingAppend
            do throws(LogError) {
                pending = try writer.enqueue(drafts)
            } catch {
                throw EngineError.storage(error, "the log refused the append")
            }
            for event in recorded { core.state.evolve(event) }
            core.nextPosition += UInt64(recorded.count)
            if let requestID { core.requests[requestID] = .inFlight(digest: digest) }
            return .append(pending, recorded)
        }
        switch step {
        case .replay(let positions):
            // Its events are durable but an earlier command's may not be published yet: answer like in-flight.
            guard positions.upperBound <= head.position else { throw LedgerEngine.inProgress(requestID ?? "") }
            let events = try storedEvents(positions: positions)
            if let requestID { try checkRepeatedPersonalData(personal, events: events, requestID: requestID) }
            return CommandOutcome(events: events, head: head, replayed: true)
        case .append(let pending, let recorded):
            let records: [Record]
            do throws(LogError) {
                records = try await pending.wait()
            } catch {
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
            publish(zip(recorded, records).map { ($0, $1.hashHex) })
            if let requestID, let first = records.first, let last = records.last {
                core.withLock {
                    $0.requests[requestID] = .done(digest: digest, positions: first.position...last.position)
                }
            }
            return CommandOutcome(
                events: zip(recorded, records).map { LedgerEngine.storedEvent($0, record: $1) },
                head: head,
                replayed: false
            )
        }
    }

    /// Flushes and closes the log. In-flight appends finish first.
    public func close() throws(EngineError) {
        do {
            try writer.close()
        } catch {
            throw EngineError.storage(error, "the log did not close cleanly")
        }
    }

    enum Step {
        case replay(ClosedRange<UInt64>)
        case append(PendingAppend, [RecordedEvent])
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
    private func attachPersonalData(_ personal: PersonalData?, to events: [Event]) throws(EngineError) -> [Event] {
        guard let personal else { return events }
        var result: [Event] = []
        for event in events {
            if case .personRegistered(var registered) = event {
                registered.personalDataReference = try personalData.store(personal)
                result.append(.personRegistered(registered))
            } else {
                result.append(event)
            }
        }
        return result
    }

    private func publish(_ durable: [(RecordedEvent, String)]) {
        published.withLock { published in
            for (event, hash) in durable { published.waiting[event.position] = (event, hash) }
            while let next = published.waiting.removeValue(forKey: published.head.position + 1) {
                published.state.evolve(next.event)
                published.head = ChainHead(position: next.event.position, hash: next.hash)
            }
        }
    }

    /// What identifies a request for idempotency: the command and its expected version. Personal data stays out:
    /// the digest is written in the log, and nothing there may confirm a name once it is erased. A repeated
    /// registration is compared with the stored data instead, while it exists (`checkRepeatedPersonalData`).
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
    private func checkRepeatedPersonalData(_ personal: PersonalData?, events: [StoredEvent], requestID: String)
        throws(EngineError)
    {
        for event in events {
            guard case .personRegistered(let registered) = event.recorded.event,
                let reference = registered.personalDataReference
            else { continue }
            if case .present(let stored) = personalData.load(reference), stored != personal {
                throw LedgerEngine.reused(requestID)
            }
        }
    }
}
