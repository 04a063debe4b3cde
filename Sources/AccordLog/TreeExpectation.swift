import AccordProof

/// A tree head the log must extend: its first `size` records must have this Merkle root. The daemon passes the
/// checkpoints it signed, so that a rollback or a rewrite (even with the hash chain recomputed) stops the open.
public struct TreeExpectation: Sendable, Equatable {
    public var size: UInt64
    public var root: TreeHash
    /// How errors name it, e.g. "checkpoint 7 (tree size 1200) in /var/lib/accord/checkpoints".
    public var name: String

    public init(size: UInt64, root: TreeHash, name: String) {
        self.size = size
        self.root = root
        self.name = name
    }
}
