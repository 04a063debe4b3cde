import AccordEngine
import AccordLog
import AccordProof
import AccordTransparency

/// What the checkpoint, proof and verification routes need besides the engine.
public struct Transparency: Sendable {
    public let issuer: CheckpointIssuer
    public let verification: VerificationService
    /// Which witnesses may hand in cosignatures and which must, for `accord verify`; nil accepts none.
    public let policy: WitnessPolicy?
    /// The store: its Merkle tree for checkpoints and proofs, its records for inclusion proofs and verification.
    public let log: any MerkleTreeStore
    /// Called with every checkpoint newly stored (signed or cosigned), to write it to the journal.
    let stored: @Sendable (IssuedCheckpoint, _ reason: String) -> Void

    public init(
        issuer: CheckpointIssuer,
        verification: VerificationService,
        policy: WitnessPolicy?,
        log: any MerkleTreeStore,
        stored: @escaping @Sendable (IssuedCheckpoint, _ reason: String) -> Void
    ) {
        self.issuer = issuer
        self.verification = verification
        self.policy = policy
        self.log = log
        self.stored = stored
    }
}

extension Transparency {
    /// Signs a checkpoint of `tree` if it grew past the latest one, and writes a new one to the journal.
    @discardableResult
    public func signIfGrown(_ tree: TreeSnapshot, reason: String) async throws(TransparencyError) -> IssuedCheckpoint {
        let (checkpoint, isNew) = try await issuer.sign(tree)
        if isNew { stored(checkpoint, reason) }
        return checkpoint
    }
}
