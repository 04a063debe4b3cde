import Foundation

/// A SHA-256 value in the Merkle tree: a leaf hash, a node hash or a root. Always exactly 32 bytes.
public struct TreeHash: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 32

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        precondition(bytes.count == Self.byteCount, "a tree hash is \(Self.byteCount) bytes, not \(bytes.count)")
        self.bytes = bytes
    }

    /// The hash written in standard base64 with padding, as checkpoints and proofs carry it; nil if the text
    /// is not base64 or does not decode to exactly 32 bytes.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64), data.count == Self.byteCount,
            data.base64EncodedString() == base64
        else { return nil }
        self.bytes = Array(data)
    }

    public var base64: String { Data(bytes).base64EncodedString() }

    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }

    public var description: String { hex }
}
