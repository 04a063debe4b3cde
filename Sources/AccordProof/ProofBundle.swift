import Foundation

/// A self-contained proof that one entry is in the log (c2sp.org/tlog-proof@v1):
///
///     c2sp.org/tlog-proof@v1
///     extra BASE64          optional: in Accord, the whole record frame, so the proof carries the record itself
///     index N               0-based leaf index (Accord position − 1)
///     BASE64 …              the inclusion path, one hash a line, from the leaf's sibling up
///                           an empty line
///     the checkpoint note, verbatim, with its cosignatures
///
/// The extra data is not authenticated by itself: a verifier recomputes the entry from it (the record hash) and
/// checks that entry's inclusion.
public struct ProofBundle: Hashable, Sendable {
    public static let header = "c2sp.org/tlog-proof@v1"
    /// Room for the largest record frame in base64 (~1.5 MB) plus a checkpoint note.
    public static let maximumBytes = 2_097_152

    public var extra: [UInt8]?
    public var index: UInt64
    public var inclusionPath: [TreeHash]
    public var checkpoint: SignedNote

    public init(extra: [UInt8]?, index: UInt64, inclusionPath: [TreeHash], checkpoint: SignedNote) {
        self.extra = extra
        self.index = index
        self.inclusionPath = inclusionPath
        self.checkpoint = checkpoint
    }

    public init(parsing text: String) throws {
        guard text.utf8.count <= Self.maximumBytes else {
            throw ProofError(code: .tooLarge, message: "a proof is at most \(Self.maximumBytes) bytes")
        }
        guard let separator = text.range(of: "\n\n") else {
            throw ProofError(code: .malformed, message: "a proof has an empty line before its checkpoint")
        }
        var lines = text[..<separator.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 1
        func fail(_ message: String) -> ProofError {
            ProofError(code: .malformed, message: message, line: lineNumber)
        }
        guard lines.popFirst() == Substring(Self.header) else {
            throw fail("the first line of a proof is '\(Self.header)'")
        }
        lineNumber += 1
        if let line = lines.first, line.hasPrefix("extra ") {
            guard let data = Data(base64Encoded: String(line.dropFirst(6))) else {
                throw fail("the extra data is not base64")
            }
            extra = Array(data)
            lines.removeFirst()
            lineNumber += 1
        } else {
            extra = nil
        }
        guard let line = lines.popFirst(), line.hasPrefix("index "), let index = UInt64(line.dropFirst(6)),
            String(index) == line.dropFirst(6)
        else {
            throw fail("this line is 'index N', the 0-based decimal index of the entry")
        }
        self.index = index
        inclusionPath = []
        for line in lines {
            lineNumber += 1
            guard let hash = TreeHash(base64: String(line)) else {
                throw fail("an inclusion proof line is the base64 of a 32-byte hash")
            }
            inclusionPath.append(hash)
        }
        do {
            checkpoint = try SignedNote(parsing: String(text[separator.upperBound...]))
        } catch var error as ProofError {
            error.line = error.line.map { $0 + lineNumber + 1 }
            error.message = "the checkpoint of the proof: " + error.message
            throw error
        }
    }

    public var serialized: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + Data(extra).base64EncodedString()) }
        lines.append("index \(index)")
        lines += inclusionPath.map(\.base64)
        return lines.map { $0 + "\n" }.joined() + "\n" + checkpoint.serialized
    }

    /// Checks that `entry` (in Accord the record hash recomputed from `extra`) is at `index` in the checkpointed
    /// tree, and that the checkpoint is the log's: its signature and origin. Returns the checkpoint.
    @discardableResult
    public func verify(entry: [UInt8], log: NoteVerifier, origin: String) throws -> Checkpoint {
        let opened = try Checkpoint.verified(note: checkpoint, by: log, origin: origin)
        try InclusionProof.verify(
            leafHash: MerkleTree.leafHash(entry: entry),
            index: index,
            treeSize: opened.size,
            proof: inclusionPath,
            root: opened.root
        )
        return opened
    }
}
