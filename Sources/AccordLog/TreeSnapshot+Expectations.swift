import AccordProof

extension TreeSnapshot {
    /// Whether the tree reaches `expectation` (false while it is smaller); throws when its first `size` records have
    /// another root: a record was changed after the checkpoint was signed, even if the hash chain was recomputed.
    /// For a store that keeps its tree in memory (`MemoryTree`); the log file checks its own while it is scanned.
    public func reaches(_ expectation: TreeExpectation, in location: String) throws(LogError) -> Bool {
        guard expectation.size <= size else { return false }
        let root: TreeHash
        do {
            root = try self.root(size: expectation.size)
        } catch {
            preconditionFailure("a tree answers the subtrees inside its size: \(error)")
        }
        guard root == expectation.root else {
            throw LogError(
                code: LogErrorCode.checkpointContradicted,
                message: "The ledger in \(location) contradicts \(expectation.name): its first \(expectation.size) "
                    + "records have the Merkle root \(root.base64), the checkpoint says \(expectation.root.base64). "
                    + "A record up to position \(expectation.size) differs from when it was signed, even if the hash "
                    + "chain is whole. Nothing was changed. \(RecordFrame.alteredAdvice)",
                position: expectation.size
            )
        }
        return true
    }

    /// The refusal of a ledger smaller than `expectation`, which the tree does not reach.
    public func shorter(than expectation: TreeExpectation, in location: String) -> LogError {
        LogError(
            code: LogErrorCode.shorterThanCheckpoint,
            message: "The ledger in \(location) holds \(size) records, but \(expectation.name) covers "
                + "\(expectation.size): acknowledged records from position \(size + 1) on are missing (a rollback, "
                + "a deletion, or a server that is not the primary the checkpoint was signed on). Nothing was "
                + "changed. \(RecordFrame.alteredAdvice)",
            position: size + 1
        )
    }
}
