/// Verifies note signatures of one named Ed25519 key, given as a signed-note verifier key.
public struct NoteVerifier: Sendable, Equatable {
    let key: VerifierKey

    init(key: VerifierKey) {
        self.key = key
    }

    /// Parses `name+hexkeyid+base64(0x01 ‖ public key)`; the error says which part is wrong.
    public init(verifierKey: String) throws {
        key = try VerifierKey(parsing: verifierKey, expectedType: VerifierKey.noteType)
    }

    public var name: String { key.name }
    public var keyID: UInt32 { key.keyID }
    public var verifierKey: String { key.text }

    /// Whether the signature line claims this key (same name and key id).
    public func names(_ signature: NoteSignature) -> Bool { key.names(signature) }

    /// Whether `signature` is this key's valid signature of `text`.
    public func isValid(_ signature: NoteSignature, of text: String) -> Bool {
        names(signature) && signature.signature.count == 64
            && key.publicKey.isValidSignature(signature.signature, for: Array(text.utf8))
    }
}
