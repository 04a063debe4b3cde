/// The stable codes carried by `ProofError.code`. Programs match on these, never on the message.
public struct ProofErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// An index or size outside the tree, or an old size larger than the new one.
    public static let outOfRange = ProofErrorCode(rawValue: "proof_out_of_range")
    /// A proof has the wrong number of hashes for its index and sizes.
    public static let wrongLength = ProofErrorCode(rawValue: "proof_wrong_length")
    /// A proof's hashes do not lead to the expected root: the log or the proof was changed.
    public static let rootMismatch = ProofErrorCode(rawValue: "proof_root_mismatch")
    /// A note, key, checkpoint, cosignature, policy or bundle is not in its format.
    public static let malformed = ProofErrorCode(rawValue: "proof_malformed")
    /// No signature on a note verifies with the given keys.
    public static let unverified = ProofErrorCode(rawValue: "proof_unverified")
    /// A signature line names a known key but its signature does not verify: the note was forged or changed.
    public static let badSignature = ProofErrorCode(rawValue: "proof_bad_signature")
    /// A checkpoint is not from the expected origin.
    public static let wrongOrigin = ProofErrorCode(rawValue: "proof_wrong_origin")
    /// Something past a limit (note size, number of signatures, lines).
    public static let tooLarge = ProofErrorCode(rawValue: "proof_too_large")
}
