import Crypto

/// Signs notes (c2sp.org/signed-note) with an Ed25519 key under a name; in Accord the name is the log's origin.
public struct NoteSigner: Sendable {
    private let key: VerifierKey
    private let privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws {
        key = try VerifierKey(name: name, type: VerifierKey.noteType, publicKey: privateKey.publicKey)
        self.privateKey = privateKey
    }

    public var name: String { key.name }
    public var keyID: UInt32 { key.keyID }
    /// The verifier key as signed-note writes it: `name+hexkeyid+base64(0x01 ‖ public key)`.
    public var verifierKey: String { key.text }
    public var verifier: NoteVerifier { NoteVerifier(key: key) }

    /// Signs `text`, which must be a valid note text (see `SignedNote.checkText`).
    public func sign(text: String) throws -> NoteSignature {
        try SignedNote.checkText(text)
        let signature = try privateKey.signature(for: Array(text.utf8))
        return NoteSignature(name: key.name, keyID: key.keyID, signature: Array(signature))
    }
}
