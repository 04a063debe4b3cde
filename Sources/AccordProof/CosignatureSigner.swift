import Crypto

/// A witness's key: signs timestamped cosignatures (c2sp.org/tlog-cosignature, `cosignature/v1`) of checkpoints.
public struct CosignatureSigner: Sendable {
    private let key: VerifierKey
    private let privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws {
        key = try VerifierKey(name: name, type: VerifierKey.cosignatureType, publicKey: privateKey.publicKey)
        self.privateKey = privateKey
    }

    public var name: String { key.name }
    public var keyID: UInt32 { key.keyID }
    /// `name+hexkeyid+base64(0x04 ‖ public key)`.
    public var verifierKey: String { key.text }
    public var verifier: CosignatureVerifier { CosignatureVerifier(key: key) }

    /// The cosignature line for `checkpoint` at `timestampSeconds` (POSIX seconds, at most 2^63 − 1).
    public func cosign(checkpoint: Checkpoint, timestampSeconds: UInt64) throws -> NoteSignature {
        guard timestampSeconds <= UInt64(Int64.max) else {
            throw ProofError(code: .outOfRange, message: "a cosignature timestamp is at most 2^63 - 1 seconds")
        }
        let message = CosignatureVerifier.signedMessage(checkpoint: checkpoint, timestampSeconds: timestampSeconds)
        let signature = try privateKey.signature(for: Array(message.utf8))
        let timestamp = (0..<8).map { UInt8(truncatingIfNeeded: timestampSeconds >> (56 - 8 * $0)) }
        return NoteSignature(name: key.name, keyID: key.keyID, signature: timestamp + Array(signature))
    }
}
