/// Where proofs read the tree from: the hash of the full subtree of 2^level leaves that starts at leaf
/// index · 2^level. Proofs only ask for subtrees that lie wholly inside the tree size they are made for.
public protocol MerkleNodeSource {
    func node(level: Int, index: UInt64) throws -> TreeHash
}
