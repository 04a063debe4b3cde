import Foundation

/// One signature line of a signed note, `— name base64(keyid ‖ signature)`, verified or not. For a cosignature
/// `signature` is the 8-byte timestamp followed by the Ed25519 signature.
public struct NoteSignature: Hashable, Sendable {
    public var name: String
    public var keyID: UInt32
    public var signature: [UInt8]

    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The line as it appears in a note, with its final newline.
    public var line: String {
        let keyIDBytes = (0..<4).map { UInt8(truncatingIfNeeded: keyID >> (24 - 8 * $0)) }
        return "\(SignedNote.signaturePrefix)\(name) \(Data(keyIDBytes + signature).base64EncodedString())\n"
    }

    /// Parses one signature line without its newline.
    init(parsing line: Substring, lineNumber: Int) throws {
        guard line.hasPrefix(SignedNote.signaturePrefix) else {
            throw ProofError(
                code: .malformed,
                message: "a signature line starts with '— ' (U+2014 and a space)",
                line: lineNumber
            )
        }
        let rest = line.dropFirst(SignedNote.signaturePrefix.count)
        let parts = rest.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let data = Data(base64Encoded: String(parts[1])), data.count > 4 else {
            throw ProofError(
                code: .malformed,
                message: "a signature line is '— NAME BASE64' where BASE64 holds a 4-byte key id and a signature",
                line: lineNumber
            )
        }
        try VerifierKey.checkName(String(parts[0]))
        let bytes = Array(data)
        name = String(parts[0])
        keyID = bytes[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        signature = Array(bytes[4...])
    }
}
