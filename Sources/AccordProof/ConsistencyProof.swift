/// Consistency proofs of RFC 9162 sections 2.1.4.1 (generation) and 2.1.4.2 (verification): that the tree of
/// `newSize` leaves extends the tree of its first `oldSize` leaves.
public enum ConsistencyProof {
    public static func make(oldSize: UInt64, newSize: UInt64, nodes: any MerkleNodeSource) throws -> [TreeHash] {
        guard oldSize <= newSize else {
            throw ProofError(
                code: .outOfRange,
                message: "a tree of \(oldSize) leaves cannot be extended by a tree of \(newSize); ask for an old "
                    + "size no larger than the new one"
            )
        }
        // Nothing to prove for the empty tree or the same tree.
        guard oldSize > 0, oldSize < newSize else { return [] }
        var proof: [TreeHash] = []
        // SUBPROOF(m, D[start ..< start + size], wholeOldTree), unrolled: each step notes one subtree hash.
        var start: UInt64 = 0
        var size = newSize
        var old = oldSize
        var oldIsWholeSubtree = true
        while old != size {
            let split = MerkleTree.largestPowerOfTwo(below: size)
            if old <= split {
                proof.append(try MerkleTree.rangeHash(start: start + split, size: size - split, nodes: nodes))
                size = split
            } else {
                proof.append(try MerkleTree.rangeHash(start: start, size: split, nodes: nodes))
                start += split
                old -= split
                size -= split
                oldIsWholeSubtree = false
            }
        }
        if !oldIsWholeSubtree {
            proof.append(try MerkleTree.rangeHash(start: start, size: size, nodes: nodes))
        }
        return proof.reversed()
    }

    public static func verify(
        oldSize: UInt64,
        newSize: UInt64,
        oldRoot: TreeHash,
        newRoot: TreeHash,
        proof: [TreeHash]
    ) throws {
        guard oldSize <= newSize else {
            throw ProofError(
                code: .outOfRange,
                message: "a tree of \(oldSize) leaves cannot be extended by a tree of \(newSize) leaves: the log "
                    + "was rolled back or the sizes are swapped"
            )
        }
        if oldSize == 0 || oldSize == newSize {
            guard proof.isEmpty else {
                throw ProofError(
                    code: .wrongLength,
                    message: "a consistency proof from \(oldSize) to \(newSize) leaves is empty, not "
                        + "\(proof.count) hashes"
                )
            }
            let expected = oldSize == 0 ? MerkleTree.emptyRoot : newRoot
            guard oldRoot == expected else {
                throw mismatch("the old root \(oldRoot.base64) is not \(expected.base64)", oldSize, newSize)
            }
            return
        }
        var path = proof[...]
        // An old tree that is a whole subtree is its own first hash; otherwise the proof starts with it.
        if oldSize.nonzeroBitCount == 1 {
            path = ([oldRoot] + proof)[...]
        }
        guard let first = path.first else { throw wrongLength(proof, oldSize, newSize) }
        var oldNode = oldSize - 1
        var newNode = newSize - 1
        while oldNode & 1 == 1 {
            oldNode >>= 1
            newNode >>= 1
        }
        var oldHash = first
        var newHash = first
        for hash in path.dropFirst() {
            guard newNode != 0 else { throw wrongLength(proof, oldSize, newSize) }
            if oldNode & 1 == 1 || oldNode == newNode {
                oldHash = MerkleTree.nodeHash(left: hash, right: oldHash)
                newHash = MerkleTree.nodeHash(left: hash, right: newHash)
                while oldNode & 1 == 0 && oldNode != 0 {
                    oldNode >>= 1
                    newNode >>= 1
                }
            } else {
                newHash = MerkleTree.nodeHash(left: newHash, right: hash)
            }
            oldNode >>= 1
            newNode >>= 1
        }
        guard newNode == 0 else { throw wrongLength(proof, oldSize, newSize) }
        guard oldHash == oldRoot else {
            throw mismatch("it leads to old root \(oldHash.base64), not \(oldRoot.base64)", oldSize, newSize)
        }
        guard newHash == newRoot else {
            throw mismatch("it leads to new root \(newHash.base64), not \(newRoot.base64)", oldSize, newSize)
        }
    }

    private static func wrongLength(_ proof: [TreeHash], _ oldSize: UInt64, _ newSize: UInt64) -> ProofError {
        ProofError(
            code: .wrongLength,
            message: "a consistency proof from \(oldSize) to \(newSize) leaves cannot have \(proof.count) hashes"
        )
    }

    private static func mismatch(_ detail: String, _ oldSize: UInt64, _ newSize: UInt64) -> ProofError {
        ProofError(
            code: .rootMismatch,
            message: "the tree of \(newSize) leaves does not extend the tree of \(oldSize) leaves: \(detail); the log "
                + "was rewritten, forked or rolled back, or the proof was changed"
        )
    }
}
