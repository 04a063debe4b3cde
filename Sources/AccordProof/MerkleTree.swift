import Crypto

/// The Merkle tree hash of RFC 9162 section 2.1. In Accord, entry n is the 32-byte record hash of the record at
/// position n + 1.
public enum MerkleTree {
    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyRoot = TreeHash(bytes: Array(SHA256.hash(data: [UInt8]())))

    /// SHA-256(0x00 ‖ entry).
    public static func leafHash(entry: [UInt8]) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: entry)
        return TreeHash(bytes: Array(hasher.finalize()))
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(left: TreeHash, right: TreeHash) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return TreeHash(bytes: Array(hasher.finalize()))
    }

    /// The root over all the given leaves, by the recursive definition (the reference; linear in the leaves).
    public static func root(leafHashes: [TreeHash]) -> TreeHash {
        root(leafHashes[...])
    }

    private static func root(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
        switch leaves.count {
        case 0: return emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let split = leaves.startIndex + Int(largestPowerOfTwo(below: UInt64(leaves.count)))
            return nodeHash(left: root(leaves[..<split]), right: root(leaves[split...]))
        }
    }

    /// The largest power of two strictly smaller than `size` (which must be at least 2): RFC 9162's k.
    static func largestPowerOfTwo(below size: UInt64) -> UInt64 {
        precondition(size >= 2)
        return 1 << (63 - (size - 1).leadingZeroBitCount)
    }

    /// MTH(D[start ..< start + size]) from full subtrees only: the range is cut into its power-of-two subtrees,
    /// largest first, which are combined from the right. `start` must be a multiple of the first subtree's width,
    /// as it is in every range the proofs ask for.
    static func rangeHash(start: UInt64, size: UInt64, nodes: any MerkleNodeSource) throws -> TreeHash {
        precondition(size > 0)
        var subtrees: [TreeHash] = []
        var offset = start
        var remaining = size
        while remaining > 0 {
            let level = 63 - remaining.leadingZeroBitCount
            let width = UInt64(1) << level
            precondition(offset % width == 0, "range [\(start), \(start + size)) is not made of aligned subtrees")
            subtrees.append(try nodes.node(level: level, index: offset >> level))
            offset += width
            remaining -= width
        }
        var hash = subtrees.removeLast()
        while let left = subtrees.popLast() {
            hash = nodeHash(left: left, right: hash)
        }
        return hash
    }
}
