import Foundation

/// A text with signatures, as c2sp.org/signed-note defines: the text (non-empty lines, each ending in a newline),
/// an empty line, then one signature line per signer. Unverified until `verified(by:)` says otherwise.
public struct SignedNote: Hashable, Sendable {
    static let signaturePrefix = "\u{2014} "
    /// Larger notes are refused before they are read (a checkpoint with a hundred cosignatures is ~15 KB).
    public static let maximumBytes = 65_536
    /// As Go's sumdb/note: more signature lines than this are refused.
    public static let maximumSignatures = 100

    public var text: String
    public var signatures: [NoteSignature]

    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a note; it must end with a newline and carry at least one signature line.
    public init(parsing note: String) throws {
        guard note.utf8.count <= Self.maximumBytes else {
            throw ProofError(
                code: .tooLarge,
                message: "a signed note of \(note.utf8.count) bytes is larger than \(Self.maximumBytes) bytes"
            )
        }
        guard let split = note.range(of: "\n\n", options: .backwards) else {
            throw ProofError(
                code: .malformed,
                message: "a signed note is its text, an empty line and signature lines; this one has no empty line"
            )
        }
        text = String(note[..<split.lowerBound]) + "\n"
        try Self.checkText(text)
        let textLines = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let signatureBlock = note[split.upperBound...]
        guard !signatureBlock.isEmpty else {
            throw ProofError(
                code: .malformed,
                message: "the note has no signature line after its empty line",
                line: textLines + 2
            )
        }
        guard signatureBlock.hasSuffix("\n") else {
            throw ProofError(
                code: .malformed,
                message: "the last signature line of a note ends with a newline",
                line: textLines + 1 + signatureBlock.split(separator: "\n", omittingEmptySubsequences: false).count
            )
        }
        let lines = signatureBlock.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatures else {
            throw ProofError(
                code: .tooLarge,
                message: "a note with \(lines.count) signatures has more than \(Self.maximumSignatures)"
            )
        }
        signatures = try lines.enumerated().map { index, line in
            try NoteSignature(parsing: line, lineNumber: textLines + 2 + index)
        }
    }

    /// The note as written: text, empty line, signature lines.
    public var serialized: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    /// This note with one more signature (a cosignature, or the log's own); a line equal to one present is not
    /// added twice.
    public func adding(_ signature: NoteSignature) -> SignedNote {
        guard !signatures.contains(signature) else { return self }
        return SignedNote(text: text, signatures: signatures + [signature])
    }

    /// The signatures made by the given keys. A line that names one of the keys but does not verify makes the whole
    /// note forged (it is refused, as signed-note requires); lines of unknown keys are skipped. At least one must
    /// verify.
    @discardableResult
    public func verified(by verifiers: [NoteVerifier]) throws -> [NoteSignature] {
        var verified: [NoteSignature] = []
        for (index, signature) in signatures.enumerated() {
            guard let verifier = verifiers.first(where: { $0.names(signature) }) else { continue }
            guard verifier.isValid(signature, of: text) else {
                throw ProofError(
                    code: .badSignature,
                    message: "the signature of \(signature.name) (key id \(VerifierKey.hex(signature.keyID))) does "
                        + "not verify: the note was changed or forged",
                    line: textLineCount + 2 + index
                )
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else {
            let present = signatures.map { "\($0.name) \(VerifierKey.hex($0.keyID))" }.joined(separator: ", ")
            let expected = verifiers.map { "\($0.name) \(VerifierKey.hex($0.keyID))" }.joined(separator: ", ")
            throw ProofError(
                code: .unverified,
                message: "no signature of the note is by a known key: it carries [\(present)], the keys are "
                    + "[\(expected)]; check that the verifier key is the log's"
            )
        }
        return verified
    }

    var textLineCount: Int { text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }

    /// A note text is non-empty, ends with a newline, has no empty line and no control character but newlines.
    static func checkText(_ text: String) throws {
        guard text.hasSuffix("\n") else {
            throw ProofError(code: .malformed, message: "a note text is non-empty and ends with a newline")
        }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            guard !line.isEmpty else {
                throw ProofError(code: .malformed, message: "a note text has no empty line", line: index + 1)
            }
            guard !line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw ProofError(
                    code: .malformed,
                    message: "a note text has no control characters (tabs, carriage returns, ...)",
                    line: index + 1
                )
            }
        }
    }
}
