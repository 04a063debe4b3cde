import AccordProof

/// A checkpoint note whose log signature verified: its text exactly as stored and its parsed body.
public struct IssuedCheckpoint: Sendable {
    public let text: String
    public let note: SignedNote
    public let checkpoint: Checkpoint

    public var size: UInt64 { checkpoint.size }
    public var root: TreeHash { checkpoint.root }

    /// Parses `text` and checks it was signed by `logKey` for `origin`; `label` names it in the error.
    public init(text: String, logKey: NoteVerifier, origin: String, label: String) throws(CheckpointProblem) {
        do {
            note = try SignedNote(parsing: text)
            checkpoint = try Checkpoint.verified(note: note, by: logKey, origin: origin)
        } catch let error as ProofError {
            switch error.code {
            case .wrongOrigin:
                throw CheckpointProblem(
                    code: CheckpointProblem.otherOrigin,
                    message: "\(label) belongs to another log: \(error.message)"
                )
            case .badSignature, .unverified:
                throw CheckpointProblem(
                    code: CheckpointProblem.forged,
                    message: "\(label) is not signed by this log's key \(logKey.verifierKey): \(error.message)"
                )
            default:
                throw CheckpointProblem(
                    code: CheckpointProblem.unreadable,
                    message: "\(label) is not a signed tlog-checkpoint: \(error.message)"
                )
            }
        } catch {
            throw CheckpointProblem(code: CheckpointProblem.unreadable, message: "\(label): \(error)")
        }
        self.text = text
    }

    /// The policy's witnesses whose cosignatures of this checkpoint verify; a cosignature line that names a
    /// policy witness but does not verify is a forgery.
    public func witnesses(under policy: WitnessPolicy) throws(CheckpointProblem) -> Set<String> {
        do {
            return Set(try policy.cosigners(of: note, checkpoint: checkpoint).keys)
        } catch {
            throw CheckpointProblem(
                code: CheckpointProblem.forgedCosignature,
                message: "a cosignature on the checkpoint of tree size \(size) does not verify: \(error)"
            )
        }
    }
}
