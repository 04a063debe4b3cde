/// Verifies a witness's `cosignature/v1` lines on checkpoints, given the witness's verifier key (type 0x04).
public struct CosignatureVerifier: Sendable, Equatable {
    let key: VerifierKey

    init(key: VerifierKey) {
        self.key = key
    }

    public init(verifierKey: String) throws {
        key = try VerifierKey(parsing: verifierKey, expectedType: VerifierKey.cosignatureType)
    }

    public var name: String { key.name }
    public var keyID: UInt32 { key.keyID }
    public var verifierKey: String { key.text }

    /// Whether the signature line claims this witness (same name and key id).
    public func names(_ signature: NoteSignature) -> Bool { key.names(signature) }

    /// The timestamp of this witness's valid cosignature of `checkpoint`; throws if the line is this witness's
    /// but does not verify.
    public func verify(_ signature: NoteSignature, of checkpoint: Checkpoint) throws -> UInt64 {
        guard names(signature) else {
            throw ProofError(
                code: .unverified,
                message: "the signature is by \(signature.name) \(VerifierKey.hex(signature.keyID)), not by the "
                    + "witness \(name) \(VerifierKey.hex(keyID))"
            )
        }
        let bytes = signature.signature
        let timestamp = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard bytes.count == 72, timestamp <= UInt64(Int64.max),
            key.publicKey.isValidSignature(
                bytes[8...],
                for: Array(Self.signedMessage(checkpoint: checkpoint, timestampSeconds: timestamp).utf8)
            )
        else {
            throw ProofError(
                code: .badSignature,
                message: "the cosignature of witness \(name) does not verify on the checkpoint of size "
                    + "\(checkpoint.size): the checkpoint or the cosignature was changed"
            )
        }
        return timestamp
    }

    static func signedMessage(checkpoint: Checkpoint, timestampSeconds: UInt64) -> String {
        "cosignature/v1\ntime \(timestampSeconds)\n" + checkpoint.body
    }
}
