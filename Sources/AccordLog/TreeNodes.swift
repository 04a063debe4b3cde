import AccordProof

/// Where a `TreeSnapshot` reads full subtrees: the tree file beside a log, or a `MemoryTree`.
protocol TreeNodes: Sendable {
    func node(level: Int, index: UInt64) throws(LogError) -> TreeHash
}

extension TreeFile: TreeNodes {}
