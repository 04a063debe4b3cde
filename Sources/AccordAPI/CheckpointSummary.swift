/// The latest checkpoint and the last verification, as `GET /v1/status` shows them.
public struct CheckpointSummary: Codable, Sendable, Equatable {
    public var origin: String
    public var size: UInt64
    /// Base64 Merkle root.
    public var root: String
    /// Names of the keys that signed it: the log's own, then its witnesses.
    public var signers: [String]

    public init(origin: String, size: UInt64, root: String, signers: [String]) {
        self.origin = origin
        self.size = size
        self.root = root
        self.signers = signers
    }
}
