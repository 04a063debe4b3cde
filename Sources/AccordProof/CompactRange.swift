/// The Merkle tree kept incrementally: the roots ("peaks") of the full subtrees that make up the tree, one per set
/// bit of `size`, largest first. O(log n) state; each append costs O(log n) hashes, amortised O(1).
public struct CompactRange: Sendable, Equatable {
    public private(set) var size: UInt64
    public private(set) var peaks: [TreeHash]

    public init() {
        size = 0
        peaks = []
    }

    /// Resumes a tree from stored peaks; there must be exactly one peak per set bit of `size`.
    public init(size: UInt64, peaks: [TreeHash]) {
        precondition(peaks.count == size.nonzeroBitCount, "a tree of \(size) leaves has \(size.nonzeroBitCount) peaks")
        self.size = size
        self.peaks = peaks
    }

    /// Resumes a tree of `size` leaves by reading its peaks from `nodes`.
    public init(size: UInt64, nodes: any MerkleNodeSource) throws {
        var peaks: [TreeHash] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (1 << level) != 0 {
            peaks.append(try nodes.node(level: level, index: start >> level))
            start += 1 << level
        }
        self.init(size: size, peaks: peaks)
    }

    /// The root over all leaves appended so far (the empty root for none).
    public func root() -> TreeHash {
        guard var hash = peaks.last else { return MerkleTree.emptyRoot }
        for peak in peaks.dropLast().reversed() {
            hash = MerkleTree.nodeHash(left: peak, right: hash)
        }
        return hash
    }

    /// Appends one leaf and returns every full subtree this completed, the leaf itself (level 0) first.
    @discardableResult
    public mutating func append(leafHash: TreeHash) -> [CompletedNode] {
        let index = size
        var completed = [CompletedNode(level: 0, index: index, hash: leafHash)]
        var hash = leafHash
        var level = 0
        // Each trailing one bit of the old size is a peak of the same width as the new subtree: merge them.
        while index & (1 << level) != 0 {
            hash = MerkleTree.nodeHash(left: peaks.removeLast(), right: hash)
            level += 1
            completed.append(CompletedNode(level: level, index: index >> level, hash: hash))
        }
        peaks.append(hash)
        size += 1
        return completed
    }
}
