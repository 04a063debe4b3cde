import AccordAPI
import AccordLog
import AccordProof

/// What a verification finds about the checkpoints of a ledger while it adds up the Merkle tree over the records:
/// each checkpoint's signature and origin, the root at each one's size, a ledger shorter than one, records no
/// checkpoint covers yet, and the witnesses' quorum on the latest. Shared by the log file's verification and the
/// one of a store without a log file (PostgreSQL), so both find the same things.
struct CheckpointAgreement {
    /// The checkpoints whose signature verified, smallest first.
    private(set) var checkpoints: [IssuedCheckpoint] = []
    /// What was found so far: checkpoints that do not verify, the first root that contradicts one.
    private(set) var findings: [VerificationFinding] = []
    private let policy: WitnessPolicy?
    private var next = 0
    private var lastAgreed: UInt64 = 0
    private var contradicted = false

    init(notes: [String], logKey: NoteVerifier?, policy: WitnessPolicy?) {
        self.policy = policy
        for (index, text) in notes.enumerated() {
            guard let logKey else { break }
            do {
                checkpoints.append(
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
        checkpoints.sort { $0.size < $1.size }
    }

    var latest: IssuedCheckpoint? { checkpoints.last }

    /// Compares the roots of the checkpoints of `range`'s size; call it before the first leaf and after each.
    mutating func check(_ range: CompactRange) {
        while next < checkpoints.count, checkpoints[next].size == range.size {
            let expectation = checkpoints[next]
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
                        message: "the log's first \(expectation.size) records have the Merkle root \(root.base64), "
                            + "but the checkpoint of that size says \(expectation.root.base64): a record between "
                            + "positions \(lastAgreed + 1) and \(expectation.size) was changed after it was signed, "
                            + "even if the hash chain is whole",
                        position: lastAgreed + 1
                    )
                )
            }
        }
    }

    /// What is left to say once every record that could be read is in `range` (after `findings` and any damage).
    func finish(_ range: CompactRange) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        if next < checkpoints.count, let longest = checkpoints.last {
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
        return findings
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
