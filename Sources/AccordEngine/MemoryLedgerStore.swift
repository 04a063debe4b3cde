import AccordLog
import Synchronization

/// A ledger held in memory, framed and chained exactly as the log file would be (`Record.chained`). Durable as
/// soon as it is queued, and gone with the process: for tests of the engine against a second store, and for
/// measuring the engine without a disk.
public final class MemoryLedgerStore: LedgerStore {
    private struct State {
        var records: [Record] = []
        /// Every record's frame, as a log file would hold them after its header.
        var frames: [UInt8] = []
        var rounds: UInt64 = 0
        var closed = false
    }

    private let state: Mutex<State>
    public let location: String

    /// A ledger holding `records` (empty by default), such as another store's `allRecords`: a restart that kept
    /// what was durable. `location` names it in messages.
    public init(location: String = "memory", records: [Record] = []) {
        precondition(
            records.enumerated().allSatisfy { offset, record in
                record.position == UInt64(offset + 1)
                    && record.previousHash == (offset == 0 ? LogFormat.genesisHash : records[offset - 1].hash)
            },
            "records of a ledger are gapless from position 1 and chained"
        )
        self.location = location
        var frames: [UInt8] = []
        for record in records {
            let framed = try? Record.chained(record.draft, position: record.position, previousHash: record.previousHash)
            precondition(framed?.record == record, "record \(record.position) is not framed as this build frames it")
            frames += framed?.bytes ?? []
        }
        state = Mutex(State(records: records, frames: frames))
    }

    public var durableHead: ChainHead {
        state.withLock { $0.records.last?.chainHead ?? .genesis }
    }

    public func enqueue(_ drafts: [RecordDraft]) throws(LogError) -> any PendingRecords {
        try state.withLock { state throws(LogError) -> CompletedRecords in
            guard !state.closed else {
                throw LogError(
                    code: LogErrorCode.closed,
                    message: "The ledger in \(location) was closed; nothing was written."
                )
            }
            var previousHash = state.records.last?.hash ?? LogFormat.genesisHash
            var framed: [(bytes: [UInt8], record: Record)] = []
            for (offset, draft) in drafts.enumerated() {
                let next = try Record.chained(
                    draft,
                    position: UInt64(state.records.count + offset + 1),
                    previousHash: previousHash
                )
                previousHash = next.record.hash
                framed.append(next)
            }
            state.records += framed.map(\.record)
            for next in framed { state.frames += next.bytes }
            state.rounds += 1
            return CompletedRecords(records: framed.map(\.record))
        }
    }

    public func records(from position: UInt64, through head: ChainHead, limit: Int) async throws(LogError)
        -> [Record]
    {
        try state.withLock { state throws(LogError) -> [Record] in
            guard head.position <= UInt64(state.records.count),
                head.position == 0 || state.records[Int(head.position) - 1].hashHex == head.hash
            else {
                throw LogError(
                    code: LogErrorCode.headNotFound,
                    message: "The ledger in \(location) does not hold the head \(head) to read through.",
                    position: head.position
                )
            }
            let start = Int(max(position, 1))
            guard start <= Int(head.position) else { return [] }
            return Array(state.records[(start - 1)..<min(Int(head.position), start - 1 + limit)])
        }
    }

    public var status: WriterStatus {
        state.withLock { state in
            WriterStatus(
                roundsCompleted: state.rounds,
                recordsWritten: UInt64(state.records.count),
                bytesWritten: UInt64(state.frames.count)
            )
        }
    }

    /// Memory never refuses an append for want of space, so there is nothing to acknowledge.
    public func acknowledgeDiskFull() {}

    public func close() throws(LogError) {
        state.withLock { $0.closed = true }
    }

    /// Every record held, in position order (what a restart would replay).
    public var allRecords: [Record] { state.withLock { $0.records } }

    /// Every record's frame in position order: the bytes a log file would hold after its header.
    public var frameBytes: [UInt8] { state.withLock { $0.frames } }
}

/// Records that were durable when they were queued.
struct CompletedRecords: PendingRecords {
    let records: [Record]

    func wait() async throws(LogError) -> [Record] { records }
}
