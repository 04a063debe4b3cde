/// The last durable record: its position and its hash (lowercase hex). Position 0 is the empty log's genesis.
public struct ChainHeadView: Codable, Sendable, Equatable {
    public var position: UInt64
    public var hash: String

    public init(position: UInt64, hash: String) {
        self.position = position
        self.hash = hash
    }
}
