import AccordProof

/// The Merkle tree over the log's first `size` records, as the writer last published it: its root, and the full
/// subtrees inside it, read from the tree file (or a store's `MemoryTree`), for inclusion and consistency proofs.
public struct TreeSnapshot: MerkleNodeSource, Sendable {
    public let range: CompactRange
    let nodes: any TreeNodes
    /// Set once writing the tree file failed: the root is still right, but proofs must wait for a restart.
    let fileFailure: LogError?

    public var size: UInt64 { range.size }

    public func root() -> TreeHash { range.root() }

    /// The hash of the full subtree of 2^level leaves starting at leaf index·2^level; it must lie inside `size`.
    public func node(level: Int, index: UInt64) throws -> TreeHash {
        precondition(level >= 0 && level < 64, "a subtree level is below 64")
        guard (index + 1) << UInt64(level) <= size else {
            throw LogError(
                code: LogErrorCode.treeUnavailable,
                message: "the subtree at level \(level), index \(index) reaches past the tree of \(size) records"
            )
        }
        if let fileFailure {
            throw LogError(
                code: LogErrorCode.treeUnavailable,
                message: "the tree file could not be written (\(fileFailure.message)); proofs are available again "
                    + "after accordd restarts and rebuilds it from the log"
            )
        }
        return try nodes.node(level: level, index: index)
    }

    /// The root of the tree over the first `oldSize` records (at most `size`), from its full subtrees.
    public func root(size oldSize: UInt64) throws -> TreeHash {
        precondition(oldSize <= size, "an older tree is not larger than the current one")
        return try CompactRange(size: oldSize, nodes: self).root()
    }
}
