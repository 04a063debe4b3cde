/// A full subtree that an append to a `CompactRange` completed: 2^level leaves starting at leaf index · 2^level.
public struct CompletedNode: Hashable, Sendable {
    public var level: Int
    public var index: UInt64
    public var hash: TreeHash

    public init(level: Int, index: UInt64, hash: TreeHash) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}
