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
        var findings: [VerificationFinding] = []
        var expectations: [IssuedCheckpoint] = []
        for (index, text) in checkpointNotes.enumerated() {
            guard let logKey else { break }
            do {
                expectations.append(
                    try IssuedCheckpoint(
                        text: text,
                        logKey: logKey,
                        origin: logKey.name,
                        label: "checkpoint \(index + 1)"
                    )
                )
            } catch {
                findings.append(error.finding)
            }
        }
        expectations.sort { $0.size < $1.size }
        let latest = expectations.last
        var range = CompactRange()
        var next = 0
        var lastAgreed: UInt64 = 0
        var bytes: UInt64 = 0
        var contradicted = false
        func checkExpectations() {
            while next < expectations.count, expectations[next].size == range.size {
                let expectation = expectations[next]
                next += 1
                let root = range.root()
                if root == expectation.root {
                    if !contradicted { lastAgreed = expectation.size }
                } else if !contradicted {
                    contradicted = true
                    findings.append(
                        VerificationFinding(
                            grade: .manipulation,
                            code: "checkpoint_contradicted",
                            message: "the log's first \(expectation.size) records have the Merkle root "
                                + "\(root.base64), but the checkpoint of that size says \(expectation.root.base64): "
                                + "a record between positions \(lastAgreed + 1) and \(expectation.size) was changed "
                                + "after it was signed, even if the hash chain is whole",
                            position: lastAgreed + 1
                        )
                    )
                }
            }
        }
        checkExpectations()
        do throws(LogError) {
            let reader = try LogReader.open(path: .init(logPath))
            var cursor = try reader.cursor(from: 1, through: limit)
            do throws(LogError) {
                while let record = try cursor.next() {
                    range.append(leafHash: MerkleTree.leafHash(entry: record.hash))
                    checkExpectations()
                    if record.position % Self.progressIntervalRecords == 0 { progress(cursor.progress) }
                }
            } catch {
                findings.append(damageFinding(error, coveredBy: latest?.size ?? 0))
            }
            bytes = cursor.progress.bytesVerified
            progress(cursor.progress)
        } catch {
            findings.append(damageFinding(error, coveredBy: latest?.size ?? 0))
        }
        if next < expectations.count, let longest = expectations.last {
            findings.append(
                VerificationFinding(
                    grade: .manipulation,
                    code: "log_shorter_than_checkpoint",
                    message: "the log holds \(range.size) whole records but a checkpoint covers \(longest.size): "
                        + "acknowledged records from position \(range.size + 1) on are missing",
                    position: range.size + 1
                )
            )
        }
        if let latest {
            if range.size > latest.size {
                findings.append(
                    VerificationFinding(
                        grade: .gap,
                        code: "records_not_checkpointed",
                        message: "records \(latest.size + 1) to \(range.size) are not covered by a checkpoint yet; "
                            + "`accord checkpoint --sign` signs one now",
                        position: latest.size + 1
                    )
                )
            }
            findings.append(contentsOf: witnessFindings(latest))
        } else {
            findings.append(
                VerificationFinding(
                    grade: .gap,
                    code: "no_checkpoint",
                    message: "no valid checkpoint covers this log, so nothing proves that its \(range.size) records "
                        + "are the ones that were acknowledged"
                )
            )
        }
        return VerificationReport(
            records: range.size,
            bytes: bytes,
            root: range.root().base64,
            checkpointsChecked: expectations.count,
            latestCheckpointSize: latest?.size,
            finishedAt: RecordedTime.format(finishedAt()),
            findings: findings
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

    private func witnessFindings(_ latest: IssuedCheckpoint) -> [VerificationFinding] {
        guard let policy else {
            return [
                VerificationFinding(
                    grade: .notice,
                    code: "no_witness_policy",
                    message: "no witness policy was given: the checkpoints are proven only by the log's own key"
                )
            ]
        }
        let cosigned: Set<String>
        do {
            cosigned = try latest.witnesses(under: policy)
        } catch {
            return [error.finding]
        }
        guard !policy.isSatisfied(by: cosigned) else { return [] }
        return [
            VerificationFinding(
                grade: .gap,
                code: "witness_quorum_short",
                message: "the latest checkpoint (tree size \(latest.size)) is cosigned by "
                    + (cosigned.isEmpty ? "no witness" : cosigned.sorted().joined(separator: ", "))
                    + ", short of the policy's quorum; missing: "
                    + policy.missing(given: cosigned).joined(separator: ", "),
                position: latest.size
            )
        ]
    }
}
