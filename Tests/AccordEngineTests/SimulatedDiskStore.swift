import AccordEngine
import AccordLog
import Foundation
import Synchronization

/// A store over a simulated disk, driven by a test: records are queued in memory and become durable only when the
/// test runs a round (`synchronize`), which may fail as a failing fsync or a full disk do. `powerCut` says what a
/// power cut leaves on the platter: the durable records, and optionally part of the next write (a torn frame).
/// Deterministic: nothing happens unless the test calls it.
final class SimulatedDiskStore: LedgerStore {
    enum RoundFault {
        case fsyncFails
        case diskFull
    }

    private struct State {
        var durable: [Record]
        var queued: [SimulatedPending] = []
        var nextPosition: UInt64
        var previousHash: [UInt8]
        var failure: LogError?
        var rounds: UInt64 = 0
        var enqueued = 0
    }

    private let state: Mutex<State>
    let location = "simulated disk"

    init(records: [Record]) {
        state = Mutex(
            State(
                durable: records,
                nextPosition: UInt64(records.count + 1),
                previousHash: records.last?.hash ?? LogFormat.genesisHash
            )
        )
    }

    var durableHead: ChainHead { state.withLock { $0.durable.last?.chainHead ?? .genesis } }

    /// How many appends were queued so far (the test waits for a command to reach the store).
    var enqueuedCount: Int { state.withLock { $0.enqueued } }

    func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> any PendingRecords {
        try state.withLock { state throws(LogError) -> SimulatedPending in
            if let failure = state.failure { throw failure }
            var records: [Record] = []
            var previousHash = state.previousHash
            for (offset, draft) in drafts.enumerated() {
                let record = try Record.chained(
                    draft,
                    position: state.nextPosition + UInt64(offset),
                    previousHash: previousHash
                ).record
                previousHash = record.hash
                records.append(record)
            }
            state.nextPosition += UInt64(records.count)
            state.previousHash = previousHash
            let pending = SimulatedPending(records: records)
            state.queued.append(pending)
            state.enqueued += 1
            return pending
        }
    }

    /// One write and fdatasync of everything queued. With a fault, the round fails and so does the store for good
    /// (as the file writer does after a failed fsync); whether the failed records reached the platter anyway is
    /// `reachedDisk`.
    func synchronize(fault: RoundFault? = nil, reachedDisk: Bool = false) {
        let (completed, outcome): ([SimulatedPending], Result<Void, LogError>) = state.withLock { state in
            let queued = state.queued
            state.queued = []
            guard state.failure == nil else { return (queued, .failure(state.failure!)) }
            state.rounds += 1
            if let fault {
                let error =
                    fault == .fsyncFails
                    ? LogError(code: LogErrorCode.ioError, message: "fdatasync failed (simulated)", errno: EIO)
                    : LogError(code: LogErrorCode.ioError, message: "no space left (simulated)", errno: ENOSPC)
                state.failure = error
                if reachedDisk { state.durable += queued.flatMap(\.records) }
                return (queued, .failure(error))
            }
            state.durable += queued.flatMap(\.records)
            return (queued, .success(()))
        }
        for pending in completed {
            switch outcome {
            case .success: pending.complete(.success(pending.records))
            case .failure(let error): pending.complete(.failure(error))
            }
        }
    }

    /// What survives a power cut now: the durable records' frames, plus the first `tornBytes` bytes of the next
    /// queued frame if there is one. The queued appends fail: their clients lose the connection, unacknowledged.
    func powerCut(tornBytes: Int) -> (records: [Record], frames: [UInt8]) {
        let cut = LogError(code: LogErrorCode.closed, message: "the power was cut (simulated)")
        let (survivors, frames, lost) = state.withLock { state in
            var frames: [UInt8] = []
            for record in state.durable { frames += SimulatedDiskStore.frame(of: record) }
            if let next = state.queued.first?.records.first {
                let bytes = SimulatedDiskStore.frame(of: next)
                frames += bytes.prefix(min(tornBytes, bytes.count - 1))
            }
            state.failure = cut
            defer { state.queued = [] }
            return (state.durable, frames, state.queued)
        }
        for pending in lost { pending.complete(.failure(cut)) }
        return (survivors, frames)
    }

    static func frame(of record: Record) -> [UInt8] {
        guard
            let framed = try? Record.chained(record.draft, position: record.position, previousHash: record.previousHash)
        else { preconditionFailure("record \(record.position) was framed once and must frame again") }
        return framed.bytes
    }

    func records(from position: UInt64, through head: ChainHead, limit: Int) async throws(LogError) -> [Record] {
        state.withLock { state in
            let start = Int(max(position, 1)) - 1
            let end = min(Int(head.position), start + limit)
            return start < end ? Array(state.durable[start..<end]) : []
        }
    }

    var status: WriterStatus {
        state.withLock { state in
            WriterStatus(
                pendingAppends: state.queued.count,
                roundsCompleted: state.rounds,
                recordsWritten: UInt64(state.durable.count),
                failure: state.failure
            )
        }
    }

    /// Its full disk fails the store like an I/O error does, so it never waits for an acknowledgement.
    func acknowledgeDiskFull() {}

    /// A clean close: what is queued is made durable first.
    func close() throws(LogError) {
        synchronize()
        if let failure = state.withLock({ $0.failure }) { throw failure }
        state.withLock { $0.failure = LogError(code: LogErrorCode.closed, message: "closed") }
    }
}

/// An append waiting for the simulated disk's next round.
final class SimulatedPending: PendingRecords {
    let records: [Record]
    private let outcome = Mutex<
        (Result<[Record], LogError>?, [CheckedContinuation<Result<[Record], LogError>, Never>])
    >(
        (nil, [])
    )

    init(records: [Record]) {
        self.records = records
    }

    func wait() async throws(LogError) -> [Record] {
        let result = await withCheckedContinuation { continuation in
            let ready = outcome.withLock { state in
                if state.0 == nil { state.1.append(continuation) }
                return state.0
            }
            if let ready { continuation.resume(returning: ready) }
        }
        return try result.get()
    }

    func complete(_ result: Result<[Record], LogError>) {
        let waiting = outcome.withLock { state in
            state.0 = result
            defer { state.1 = [] }
            return state.1
        }
        for continuation in waiting { continuation.resume(returning: result) }
    }
}
