/// Inclusion proofs of RFC 9162 sections 2.1.3.1 (generation) and 2.1.3.2 (verification). The path lists the
/// sibling hashes from the leaf upwards.
public enum InclusionProof {
    /// The path for the leaf at `index` (0-based) in the tree of the first `treeSize` leaves.
    public static func make(index: UInt64, treeSize: UInt64, nodes: any MerkleNodeSource) throws -> [TreeHash] {
        guard index < treeSize else {
            throw ProofError(
                code: .outOfRange,
                message: "leaf index \(index) is not in a tree of \(treeSize) leaves; ask for an index below the size"
            )
        }
        var path: [TreeHash] = []
        // Walk down from the root, noting the sibling subtree at each split; the path is that list reversed.
        var start: UInt64 = 0
        var size = treeSize
        var offset = index
        while size > 1 {
            let split = MerkleTree.largestPowerOfTwo(below: size)
            if offset < split {
                path.append(try MerkleTree.rangeHash(start: start + split, size: size - split, nodes: nodes))
                size = split
            } else {
                path.append(try MerkleTree.rangeHash(start: start, size: split, nodes: nodes))
                start += split
                offset -= split
                size -= split
            }
        }
        return path.reversed()
    }

    /// Checks that `leafHash` is the leaf at `index` of the tree of `treeSize` leaves whose root is `root`.
    public static func verify(
        leafHash: TreeHash,
        index: UInt64,
        treeSize: UInt64,
        proof: [TreeHash],
        root: TreeHash
    ) throws {
        guard index < treeSize else {
            throw ProofError(code: .outOfRange, message: "leaf index \(index) is not in a tree of \(treeSize) leaves")
        }
        var first = index
        var second = treeSize - 1
        var hash = leafHash
        for sibling in proof {
            guard second != 0 else { throw tooLong(proof, index: index, treeSize: treeSize) }
            if first & 1 == 1 || first == second {
                hash = MerkleTree.nodeHash(left: sibling, right: hash)
                while first & 1 == 0 && first != 0 {
                    first >>= 1
                    second >>= 1
                }
            } else {
                hash = MerkleTree.nodeHash(left: hash, right: sibling)
            }
            first >>= 1
            second >>= 1
        }
        guard second == 0 else {
            throw ProofError(
                code: .wrongLength,
                message: "the inclusion proof for leaf \(index) in a tree of \(treeSize) leaves is too short "
                    + "(\(proof.count) hashes)"
            )
        }
        guard hash == root else {
            throw ProofError(
                code: .rootMismatch,
                message: "the inclusion proof for leaf \(index) leads to root \(hash.base64), not to the tree's root "
                    + "\(root.base64): the entry, the proof or the tree was changed"
            )
        }
    }

    private static func tooLong(_ proof: [TreeHash], index: UInt64, treeSize: UInt64) -> ProofError {
        ProofError(
            code: .wrongLength,
            message: "the inclusion proof for leaf \(index) in a tree of \(treeSize) leaves is too long "
                + "(\(proof.count) hashes)"
        )
    }
}
