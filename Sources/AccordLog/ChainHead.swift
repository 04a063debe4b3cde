/// The last record of a chain: its position and hash. Position 0 with the genesis hash for an empty log.
public struct ChainHead: Sendable, Equatable, Codable, CustomStringConvertible {
    public var position: UInt64
    /// Lowercase hexadecimal SHA-256.
    public var hash: String

    public init(position: UInt64, hash: String) {
        self.position = position
        self.hash = hash
    }

    /// The head of an empty log.
    public static let genesis = ChainHead(position: 0, hash: Hex.encode(LogFormat.genesisHash))

    public var description: String { "\(position) \(hash)" }
}
