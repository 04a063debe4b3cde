/// The stable codes carried by `TransparencyError.code`.
public enum TransparencyErrorCode {
    /// The signing key file or credential cannot be read, created or parsed.
    public static let signingKeyUnusable = "signing_key_unusable"
    /// The signing key file may be read by its group or by others.
    public static let signingKeyExposed = "signing_key_exposed"
    /// The checkpoint store cannot be read or written.
    public static let checkpointStoreFailed = "checkpoint_store_failed"
    /// A stored checkpoint does not parse or its signature does not verify with the log's key.
    public static let checkpointStoreDamaged = "checkpoint_store_damaged"
    /// No checkpoint was signed yet.
    public static let noCheckpoint = "no_checkpoint"
    /// The witness state folder cannot be read or written, or is not a witness's.
    public static let witnessStateUnusable = "witness_state_unusable"
    /// A witness refused to cosign: the new checkpoint is not consistent with the last one it cosigned.
    public static let witnessRefused = "witness_refused"
    /// This daemon runs without checkpoints (a store that keeps no Merkle tree), so it makes no proof.
    public static let proofsUnavailable = "proofs_unavailable"
}
