import AccordAPI
import AccordLog
import AccordProof
import Foundation

/// Re-reads a ledger kept in a store without a log file (PostgreSQL) from its first record through `head`, page
/// by page, and checks what the frames themselves prove: each frame's CRC-32C and hash, gapless positions, every
/// link of the hash chain and that the last record is the head. The store's page reader checks the frames (the
/// same `Record(frame:)` as every reader); this adds up the Merkle root over them, the same root `accordd copy`
/// and `accord verify --log` compute. Such a store keeps no checkpoint, so the report says that nothing signed
/// covers the records.
public struct ChainVerification: Sendable {
    /// Reads verified records from a position through the head, at most `limit` of them.
    public typealias PageReader = @Sendable (_ from: UInt64, _ head: ChainHead, _ limit: Int) async throws(LogError)
        -> [Record]

    public var head: ChainHead
    /// Where the records are, for the report's wording (a redacted address).
    public var location: String
    public var read: PageReader

    public static let pageRecords = 1_000

    public init(head: ChainHead, location: String, read: @escaping PageReader) {
        self.head = head
        self.location = location
        self.read = read
    }

    public func run(finishedAt: () -> Date, progress: (VerificationProgress) -> Void) async -> VerificationReport {
        var findings: [VerificationFinding] = []
        var range = CompactRange()
        var bytes: UInt64 = 0
        do throws(LogError) {
            while range.size < head.position {
                let page = try await read(range.size + 1, head, Self.pageRecords)
                guard !page.isEmpty else {
                    preconditionFailure("a store answers records up to the durable head it reported")
                }
                for record in page {
                    precondition(record.position == range.size + 1, "a store answers records in position order")
                    range.append(leafHash: MerkleTree.leafHash(entry: record.hash))
                    bytes += UInt64(record.frame.count)
                }
                progress(VerificationProgress(recordsVerified: range.size, bytesVerified: bytes, totalBytes: 0))
            }
        } catch {
            findings.append(
                VerificationFinding(
                    // Damage is a manipulation; a store that could not be read leaves the rest unchecked.
                    grade: error.meansUntrustedData ? .manipulation : .gap,
                    code: error.code,
                    message: "after \(range.size) good records: \(error.message)",
                    position: error.position
                )
            )
        }
        findings.append(
            VerificationFinding(
                grade: .gap,
                code: TransparencyErrorCode.noCheckpointOnStore,
                message: "\(location) keeps no checkpoints (decision 0011): the \(range.size) records were checked "
                    + "frame by frame (CRC-32C, hashes, positions, hash chain, head \(head.position)) and their "
                    + "Merkle root computed, but no signed checkpoint proves they are the ones that were "
                    + "acknowledged; compare the root with one you kept, or copy the ledger to a folder "
                    + "(`accordd copy`) to sign checkpoints there"
            )
        )
        return VerificationReport(
            records: range.size,
            bytes: bytes,
            root: range.root().base64,
            checkpointsChecked: 0,
            latestCheckpointSize: nil,
            finishedAt: RecordedTime.format(finishedAt()),
            findings: findings
        )
    }
}
