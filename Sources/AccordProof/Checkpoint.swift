/// The body of a checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size in decimal, the base64 root
/// and optional extension lines, each ending in a newline. It is signed as the text of a `SignedNote`.
public struct Checkpoint: Hashable, Sendable {
    public var origin: String
    public var size: UInt64
    public var root: TreeHash
    public var extensionLines: [String]

    public init(origin: String, size: UInt64, root: TreeHash, extensionLines: [String] = []) {
        self.origin = origin
        self.size = size
        self.root = root
        self.extensionLines = extensionLines
    }

    /// Parses a checkpoint body (a signed note's text).
    public init(parsing body: String) throws {
        try SignedNote.checkText(body)
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else {
            throw ProofError(
                code: .malformed,
                message: "a checkpoint has an origin line, a size line and a root line; this one has \(lines.count) "
                    + "lines"
            )
        }
        guard Self.isDecimal(lines[1]), let size = UInt64(lines[1]) else {
            throw ProofError(
                code: .malformed,
                message: "the tree size '\(lines[1])' is not a decimal number without leading zeros",
                line: 2
            )
        }
        guard let root = TreeHash(base64: lines[2]) else {
            throw ProofError(
                code: .malformed,
                message: "the root '\(lines[2])' is not the base64 of 32 bytes",
                line: 3
            )
        }
        self.init(origin: lines[0], size: size, root: root, extensionLines: Array(lines[3...]))
    }

    /// origin, size, base64 root and the extension lines, each ending in a newline.
    public var body: String {
        ([origin, String(size), root.base64] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// The checkpoint signed by the log's key.
    public func signed(by signer: NoteSigner) throws -> SignedNote {
        SignedNote(text: body, signatures: [try signer.sign(text: body)])
    }

    /// Opens a signed checkpoint: the log's signature must verify, and the origin must be `origin` (a checkpoint
    /// of another log signed by the same key is not this log's).
    public static func verified(note: SignedNote, by log: NoteVerifier, origin: String) throws -> Checkpoint {
        try note.verified(by: [log])
        let checkpoint = try Checkpoint(parsing: note.text)
        // Compared byte for byte: Swift's == would take another normalisation of the same text as equal.
        guard checkpoint.origin.utf8.elementsEqual(origin.utf8) else {
            throw ProofError(
                code: .wrongOrigin,
                message: "the checkpoint is for origin '\(checkpoint.origin)', not '\(origin)': it belongs to "
                    + "another log",
                line: 1
            )
        }
        return checkpoint
    }

    private static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } && (text == "0" || !text.hasPrefix("0"))
    }
}
