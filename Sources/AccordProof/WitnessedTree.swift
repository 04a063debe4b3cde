/// The tree a witness last cosigned: its size and root. A witness keeps it (durably, before answering) and cosigns
/// a new checkpoint only if it is proven to extend it.
public struct WitnessedTree: Hashable, Sendable {
    public var size: UInt64
    public var root: TreeHash

    public init(size: UInt64, root: TreeHash) {
        self.size = size
        self.root = root
    }

    /// The checkpoint of `note`, if a witness that last cosigned this tree may cosign it: the log's signature and
    /// origin verify, and `consistencyProof` proves that it extends this tree. A smaller size is a rollback, a
    /// proof that fails is a fork; both throw and say so. `nil` (nothing cosigned yet) accepts any checkpoint of
    /// the log.
    public static func checkpointToCosign(
        note: SignedNote,
        consistencyProof: [TreeHash],
        since last: WitnessedTree?,
        log: NoteVerifier,
        origin: String
    ) throws -> Checkpoint {
        let checkpoint = try Checkpoint.verified(note: note, by: log, origin: origin)
        guard let last else { return checkpoint }
        guard checkpoint.size >= last.size else {
            throw ProofError(
                code: .outOfRange,
                message: "refused: the checkpoint has \(checkpoint.size) records but this witness already cosigned "
                    + "\(last.size); the log was rolled back"
            )
        }
        do {
            try ConsistencyProof.verify(
                oldSize: last.size,
                newSize: checkpoint.size,
                oldRoot: last.root,
                newRoot: checkpoint.root,
                proof: consistencyProof
            )
        } catch let error as ProofError {
            throw ProofError(
                code: error.code,
                message: "refused: the checkpoint of size \(checkpoint.size) is not proven to extend the tree of size "
                    + "\(last.size) this witness cosigned (root \(last.root.base64)); the log forked or was rewritten: "
                    + error.message
            )
        }
        return checkpoint
    }
}
