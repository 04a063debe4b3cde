import AccordAPI
import AccordLog
import AccordProof
import Foundation

/// Re-reads a log from disk and checks it against the checkpoints issued for it: every record's CRC-32C, its
/// position and its link in the hash chain, then the Merkle root at every checkpoint's size, every checkpoint's
/// signature and origin, and the witnesses' quorum on the latest one. Used by the daemon (`accord verify`) and
/// offline (`accord verify --log`), so both find the same things.
public struct LogVerification: Sendable {
    public var logPath: String
    /// Read through this head only (a live log); nil reads the whole file.
    public var limit: ChainHead?
    /// Checkpoint notes, as stored or exported.
    public var checkpointNotes: [String]
    /// The log's key; its name is the log's origin. Without one, no checkpoint can be checked.
    public var logKey: NoteVerifier?
    public var policy: WitnessPolicy?

    public init(
        logPath: String,
        limit: ChainHead? = nil,
        checkpointNotes: [String],
        logKey: NoteVerifier?,
        policy: WitnessPolicy? = nil
    ) {
        self.logPath = logPath
        self.limit = limit
        self.checkpointNotes = checkpointNotes
        self.logKey = logKey
        self.policy = policy
    }

    public static let progressIntervalRecords: UInt64 = 20_000

    public func run(finishedAt: () -> Date, progress: (VerificationProgress) -> Void) -> VerificationReport {
        var agreement = CheckpointAgreement(notes: checkpointNotes, logKey: logKey, policy: policy)
        var damage: [VerificationFinding] = []
        let covered = agreement.latest?.size ?? 0
        var range = CompactRange()
        var bytes: UInt64 = 0
        agreement.check(range)
        do throws(LogError) {
            let reader = try LogReader.open(path: .init(logPath))
            var cursor = try reader.cursor(from: 1, through: limit)
            do throws(LogError) {
                while let record = try cursor.next() {
                    range.append(leafHash: MerkleTree.leafHash(entry: record.hash))
                    agreement.check(range)
                    if record.position % Self.progressIntervalRecords == 0 { progress(cursor.progress) }
                }
            } catch {
                damage.append(damageFinding(error, coveredBy: covered))
            }
            bytes = cursor.progress.bytesVerified
            progress(cursor.progress)
        } catch {
            damage.append(damageFinding(error, coveredBy: covered))
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

    private func damageFinding(_ error: LogError, coveredBy checkpointSize: UInt64) -> VerificationFinding {
        let position = error.position ?? 0
        let tornAfterCheckpoints = error.code == LogErrorCode.tornTail && position > checkpointSize
        return VerificationFinding(
            grade: tornAfterCheckpoints ? .notice : .manipulation,
            code: error.code,
            message: tornAfterCheckpoints
                ? "the copy ends with a record cut short, after every checkpoint: it was being written when the "
                    + "copy was taken (\(error.message))"
                : error.message,
            position: error.position,
            offset: error.offset
        )
    }
}
