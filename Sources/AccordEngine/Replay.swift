import AccordDomain
import AccordLog
import Foundation

/// Rebuilds the state and the request-id index from the store at start, record by record.
struct Replay {
    var state = LedgerState.initial
    var head = ChainHead.genesis
    var requests: [String: LedgerEngine.RequestEntry] = [:]
    /// Versions and recorded times for "as of" queries, kept as the replay passes them.
    var asOf = AsOfIndex()
    /// The snapshot's position once its read models were taken, if they were.
    private(set) var usedSnapshot: UInt64?
    /// Why the snapshot found at start was not used, once the replay knows; its records were then folded in.
    private(set) var refusedSnapshot: SnapshotRefusal?

    /// Records waiting to be decoded together.
    private var pending: [Record] = []
    /// Until the records through the snapshot's position have passed: the snapshot being loaded and the hash of the
    /// log's record at its position.
    private var restoring: (loading: SnapshotLoading, recordAtPosition: ChainHead?)?

    init() {}

    /// Starts under a snapshot being loaded: the records through its position go into the history, the indexes and
    /// the request-id index, not into the read models, until `resolveSnapshot()`.
    init(restoring loading: SnapshotLoading) {
        restoring = (loading, loading.head.position == 0 ? ChainHead.genesis : nil)
    }

    /// Records decoded at once: enough to keep every core busy, few enough to bound the memory held.
    static let decodedTogether = 4_096

    /// Takes the next record in position order (checked by the store). Payloads are decoded in parallel, a batch at a
    /// time; the state evolves in position order. Call `finish()` after the last record.
    mutating func apply(_ record: Record) throws(EngineError) {
        precondition(
            record.position == head.position + UInt64(pending.count) + 1,
            "replay got position \(record.position) after \(head.position + UInt64(pending.count))"
        )
        pending.append(record)
        if pending.count >= Replay.decodedTogether { try finish() }
    }

    /// Decodes and folds in every record taken so far.
    mutating func finish() throws(EngineError) {
        let records = pending
        pending = []
        let decoded = Replay.decode(records)
        // The head (a hexadecimal hash) is made once per batch, not per record: from the last record folded in.
        var folded = 0
        defer { if folded > 0 { head = records[folded - 1].chainHead } }
        for (record, event) in zip(records, decoded) {
            let recorded = try event.get()
            if let snapshotPosition = restoring?.loading.head.position, record.position <= snapshotPosition {
                state.restore(recorded)
                asOf.noteTime(recorded.recordedAt, firstPosition: recorded.position)
                if record.position == snapshotPosition { restoring?.recordAtPosition = record.chainHead }
            } else {
                resolveSnapshot()
                evolve(recorded)
            }
            folded += 1
            Replay.remember(record, in: &requests)
        }
    }

    private mutating func evolve(_ recorded: RecordedEvent) {
        state.evolve(recorded)
        asOf.note(state, firstPosition: recorded.position, recordedAt: recorded.recordedAt)
    }

    /// Once the records through the snapshot's position have passed, or the log ended before it: takes the
    /// snapshot's read models if the log's record at its position has the snapshot's hash; otherwise replays the
    /// events restored so far (from memory: the log is not read twice) and says why.
    mutating func resolveSnapshot() {
        guard let (loading, recordAtPosition) = restoring else { return }
        restoring = nil
        switch loading.wait() {
        case .success(let models) where recordAtPosition == loading.head:
            state.adopt(models)
            usedSnapshot = loading.head.position
            asOf.noteVersion(of: state)
            return
        case .success:
            if let recordAtPosition {
                refusedSnapshot = SnapshotRefusal(
                    "it is stale: it reflects position \(loading.head.position) with hash \(loading.head.hash), but the log's record there has hash \(recordAtPosition.hash) (a snapshot of another log, or a log restored from elsewhere)"
                )
            } else {
                refusedSnapshot = SnapshotRefusal(
                    "it is ahead of the log: it reflects position \(loading.head.position), but the log ends at \(state.lastPosition ?? 0) (a log restored from an older copy, or cut back)"
                )
            }
        case .failure(let refusal):
            refusedSnapshot = refusal
        }
        // The times noted while restoring stay: `noteTime` keeps only a time later than the last one.
        let restored = state.history
        state = LedgerState.initial
        for recorded in restored { evolve(recorded) }
    }

    private static func decode(_ records: [Record]) -> [Result<RecordedEvent, EngineError>] {
        let results = UnsafeMutableBufferPointer<Result<RecordedEvent, EngineError>?>.allocate(capacity: records.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let slice = (records.count + workers - 1) / workers
        let base = results.baseAddress.map { UInt(bitPattern: $0) } ?? 0
        let decodeSlice: @Sendable (Int) -> Void = { worker in
            // Each worker writes only its own slice of the buffer.
            let slots = UnsafeMutablePointer<Result<RecordedEvent, EngineError>?>(bitPattern: base)
            for index in (worker * slice)..<min(records.count, (worker + 1) * slice) {
                slots?[index] = Result { () throws(EngineError) in try LedgerEngine.recordedEvent(from: records[index])
                }
            }
        }
        // Threads of their own, not `concurrentPerform`: on Linux its helpers queue on the same Dispatch pool as
        // Swift's tasks, and a start must not wait for a pool the daemon's tasks may keep busy (ReplayPipeline).
        let helpers = DispatchGroup()
        for worker in 1..<workers {
            helpers.enter()
            let thread = Thread {
                decodeSlice(worker)
                helpers.leave()
            }
            thread.name = "accord-decode"
            thread.start()
        }
        decodeSlice(0)
        helpers.wait()
        return results.map { $0! }
    }

    /// Events of one command are consecutive and carry the same request id and digest.
    static func remember(_ record: Record, in requests: inout [String: LedgerEngine.RequestEntry]) {
        guard let requestID = record.requestID, let digest = record.requestDigest else { return }
        let position = record.position
        if case .done(let known, let positions)? = requests[requestID], known == digest,
            positions.upperBound + 1 == position
        {
            requests[requestID] = .done(digest: digest, positions: positions.lowerBound...position)
        } else {
            requests[requestID] = .done(digest: digest, positions: position...position)
        }
    }
}
