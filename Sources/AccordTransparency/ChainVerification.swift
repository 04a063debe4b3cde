import AccordAPI
import AccordLog
import AccordProof
import Foundation

/// Re-reads a ledger kept in a store without a log file (PostgreSQL) from its first record through `head`, page
/// by page, and checks what the frames themselves prove: each frame's CRC-32C and hash, gapless positions, every
/// link of the hash chain and that the last record is the head. The store's page reader checks the frames (the
/// same `Record(frame:)` as every reader); this adds up the Merkle root over them and checks it against the
/// checkpoints stored beside the records, as `LogVerification` does for a log file (`CheckpointAgreement`).
public struct ChainVerification: Sendable {
    /// Reads verified records from a position through the head, at most `limit` of them.
    public typealias PageReader =
        @Sendable (_ from: UInt64, _ head: ChainHead, _ limit: Int) async throws(LogError)
        -> [Record]

    public var head: ChainHead
    public var read: PageReader
    /// Checkpoint notes, as stored.
    public var checkpointNotes: [String]
    /// The log's key; its name is the log's origin.
    public var logKey: NoteVerifier
    public var policy: WitnessPolicy?

    public static let pageRecords = 1_000

    public init(
        head: ChainHead,
        checkpointNotes: [String],
        logKey: NoteVerifier,
        policy: WitnessPolicy?,
        read: @escaping PageReader
    ) {
        self.head = head
        self.checkpointNotes = checkpointNotes
        self.logKey = logKey
        self.policy = policy
        self.read = read
    }

    public func run(finishedAt: () -> Date, progress: (VerificationProgress) -> Void) async -> VerificationReport {
        var agreement = CheckpointAgreement(notes: checkpointNotes, logKey: logKey, policy: policy)
        var damage: [VerificationFinding] = []
        var range = CompactRange()
        var bytes: UInt64 = 0
        agreement.check(range)
        do throws(LogError) {
            while range.size < head.position {
                // The head alone on the last page: where the table no longer ends with the head served (its chain
                // recomputed), every record before it is still checked against the checkpoints.
                let remaining = head.position - range.size
                let limit = remaining > 1 ? Int(min(UInt64(Self.pageRecords), remaining - 1)) : 1
                let page = try await read(range.size + 1, head, limit)
                guard !page.isEmpty else {
                    preconditionFailure("a store answers records up to the durable head it reported")
                }
                for record in page {
                    precondition(record.position == range.size + 1, "a store answers records in position order")
                    range.append(leafHash: MerkleTree.leafHash(entry: record.hash))
                    agreement.check(range)
                    bytes += UInt64(record.frame.count)
                }
                progress(VerificationProgress(recordsVerified: range.size, bytesVerified: bytes, totalBytes: 0))
            }
        } catch {
            damage.append(
                VerificationFinding(
                    // Damage is a manipulation; a store that could not be read leaves the rest unchecked.
                    grade: error.meansUntrustedData ? .manipulation : .gap,
                    code: error.code,
                    message: "after \(range.size) good records: \(error.message)",
                    position: error.position
                )
            )
        }
        return VerificationReport(
            records: range.size,
            bytes: bytes,
            root: range.root().base64,
            checkpointsChecked: agreement.checkpoints.count,
            latestCheckpointSize: agreement.latest?.size,
            finishedAt: RecordedTime.format(finishedAt()),
            findings: agreement.findings + damage + agreement.finish(range)
        )
    }
}
