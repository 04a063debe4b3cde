/// What `GET /v1/proofs/consistency?from=OLD&to=NEW` answers: the RFC 9162 consistency proof between the trees of
/// OLD and NEW records, and the checkpoint of NEW records (a signed note) it leads to.
public struct ConsistencyProofView: Codable, Sendable, Equatable {
    public var oldSize: UInt64
    public var newSize: UInt64
    /// Base64 node hashes, in RFC 9162 order.
    public var hashes: [String]
    /// The checkpoint of `newSize` records with its signatures, exactly as stored.
    public var checkpoint: String

    public init(oldSize: UInt64, newSize: UInt64, hashes: [String], checkpoint: String) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
        self.checkpoint = checkpoint
    }
}
