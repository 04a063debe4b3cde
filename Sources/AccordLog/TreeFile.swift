import AccordProof
import SystemPackage

/// The Merkle tree's full subtrees, stored beside the log (`ledger.log.tree`) so that proofs read O(log n) node
/// hashes instead of rehashing the log. Derived data: rebuilt from the log at every start and never trusted.
///
/// Layout: 32-byte node hashes in the order `CompactRange.append` completes them (post-order: each leaf, then
/// every subtree it completes, lowest first). So the file only grows at its end, and after `n` leaves it holds
/// exactly `2n - popcount(n)` nodes. Node (level, index) covers leaves `[index·2^level, (index+1)·2^level)`.
final class TreeFile: Sendable {
    let file: LogFile

    static let nodeBytes = 32

    init(file: LogFile) {
        self.file = file
    }

    // Closed only when the last snapshot reading it is gone, so no read can reach a reused descriptor number.
    deinit {
        _ = try? file.close()
    }

    static func path(logPath: FilePath) -> FilePath { FilePath(logPath.string + ".tree") }

    /// The number of nodes stored for a tree of `leafCount` leaves.
    static func nodeCount(leafCount: UInt64) -> UInt64 {
        2 * leafCount - UInt64(leafCount.nonzeroBitCount)
    }

    /// Where node (level, index) sits in the file, counted in nodes.
    static func slot(level: Int, index: UInt64) -> UInt64 {
        // The node completes with the append of leaf m-1, where m = (index+1)·2^level; that append emits the
        // levels 0 through trailingZeroBitCount(m), so the node is followed by (trailingZeros(m) - level) nodes.
        let leafCount = (index + 1) << UInt64(level)
        return nodeCount(leafCount: leafCount) - 1 - UInt64(leafCount.trailingZeroBitCount) + UInt64(level)
    }

    func node(level: Int, index: UInt64) throws(LogError) -> TreeHash {
        let offset = Self.slot(level: level, index: index) * UInt64(Self.nodeBytes)
        let bytes = try file.read(count: Self.nodeBytes, at: offset)
        guard bytes.count == Self.nodeBytes else {
            throw LogError(
                code: LogErrorCode.treeUnavailable,
                message: "\(file.path) ends before the node at level \(level), index \(index); it is rebuilt from "
                    + "the log at the next start of accordd.",
                offset: offset
            )
        }
        return TreeHash(bytes: bytes)
    }

    func append(_ nodes: [CompletedNode], leafCountBefore: UInt64) throws(LogError) {
        guard !nodes.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(nodes.count * Self.nodeBytes)
        for node in nodes { bytes.append(contentsOf: node.hash.bytes) }
        try file.writeAll(bytes, at: Self.nodeCount(leafCount: leafCountBefore) * UInt64(Self.nodeBytes))
    }
}
