import AccordProof
import Synchronization

/// The Merkle tree of a store that keeps no tree file (PostgreSQL): its full subtrees in memory, in the tree file's
/// order (`TreeFile.slot`), 32 bytes each, so about 64 bytes per record. Built from the records a start replays and
/// extended with every record appended or caught up with after them; derived data, rebuilt at every start.
public final class MemoryTree: Sendable {
    private struct State {
        var range = CompactRange()
        /// Every full subtree completed so far, 32 bytes each, in completion order.
        var nodes: [UInt8] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Adds the leaves of `records` (consecutive positions) past the tree's size; records the tree holds already are
    /// skipped. Records that would leave a hole are not taken: a store used without a replay from the first record
    /// (a test, a copy's destination) keeps no tree past what it was given, and proofs beyond it are refused
    /// (`tree_behind`) rather than wrong. The daemon always replays from the first record.
    public func append(_ records: [Record]) {
        state.withLock { state in
            guard let next = records.first(where: { $0.position > state.range.size }),
                next.position == state.range.size + 1
            else { return }
            for record in records where record.position > state.range.size {
                precondition(record.position == state.range.size + 1, "a store's records come in consecutive positions")
                for completed in state.range.append(leafHash: MerkleTree.leafHash(entry: record.hash)) {
                    state.nodes.append(contentsOf: completed.hash.bytes)
                }
            }
        }
    }

    /// The tree as it stands, for checkpoints and proofs; later appends do not change what it answers.
    public var snapshot: TreeSnapshot {
        TreeSnapshot(range: state.withLock { $0.range }, nodes: self, fileFailure: nil)
    }
}

extension MemoryTree: TreeNodes {
    func node(level: Int, index: UInt64) throws(LogError) -> TreeHash {
        let start = Int(TreeFile.slot(level: level, index: index)) * TreeFile.nodeBytes
        return state.withLock { state in
            precondition(start + TreeFile.nodeBytes <= state.nodes.count, "a snapshot asks only for nodes it holds")
            return TreeHash(bytes: Array(state.nodes[start..<start + TreeFile.nodeBytes]))
        }
    }
}
