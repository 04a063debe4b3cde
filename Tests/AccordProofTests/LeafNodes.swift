import AccordProof

/// A tree held in memory for tests: every full subtree by the reference definition, and a refusal for any subtree
/// that reaches past `size`, so a proof that reads outside its tree fails the test.
struct LeafNodes: MerkleNodeSource {
    struct OutsideTree: Error {}

    let leaves: [TreeHash]
    let size: UInt64

    init(leaves: [TreeHash], size: UInt64? = nil) {
        self.leaves = leaves
        self.size = size ?? UInt64(leaves.count)
    }

    static func numbered(_ count: Int) -> [TreeHash] {
        (0..<count).map { MerkleTree.leafHash(entry: Array("leaf \($0)".utf8)) }
    }

    func node(level: Int, index: UInt64) throws -> TreeHash {
        let start = index << level
        let end = start + (1 << level)
        guard end <= size else { throw OutsideTree() }
        return MerkleTree.root(leafHashes: Array(leaves[Int(start)..<Int(end)]))
    }
}
