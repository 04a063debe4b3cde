import AccordProof
import XCTest

@testable import AccordLog

/// The Merkle tree a PostgreSQL store keeps in memory: the same roots and proofs as the reference tree, built from
/// overlapping pages, unchanged in a snapshot by later appends, and the check of a checkpoint against it.
final class MemoryTreeTests: XCTestCase {
    private func records(_ count: Int) throws -> [Record] {
        var previousHash = LogFormat.genesisHash
        return try (0..<count).map { index in
            let record = try Record.chained(
                Fixtures.draft(index),
                position: UInt64(index + 1),
                previousHash: previousHash
            )
            .record
            previousHash = record.hash
            return record
        }
    }

    private func leaves(_ records: ArraySlice<Record>) -> [TreeHash] {
        records.map { MerkleTree.leafHash(entry: $0.hash) }
    }

    func testOverlappingPagesBuildTheReferenceTreeAndItsProofs() throws {
        let all = try records(45)
        let tree = MemoryTree()
        tree.append(Array(all[0..<10]))
        tree.append(Array(all[4..<20]))
        let early = tree.snapshot
        // A page that would leave a hole is not taken.
        tree.append(Array(all[30..<45]))
        XCTAssertEqual(tree.snapshot.size, 20)
        tree.append(Array(all[20..<45]))
        let snapshot = tree.snapshot
        XCTAssertEqual(snapshot.size, 45)
        XCTAssertEqual(early.size, 20)
        XCTAssertEqual(early.root(), MerkleTree.root(leafHashes: leaves(all[..<20])), "a snapshot stays as it was")
        for size in 1...45 {
            XCTAssertEqual(try snapshot.root(size: UInt64(size)), MerkleTree.root(leafHashes: leaves(all[..<size])))
        }
        // Every proof is the one made from the reference tree's subtrees.
        let reference = ReferenceNodes(leaves: leaves(all[...]))
        for index in 0..<45 {
            XCTAssertEqual(
                try InclusionProof.make(index: UInt64(index), treeSize: 45, nodes: snapshot),
                try InclusionProof.make(index: UInt64(index), treeSize: 45, nodes: reference)
            )
        }
        for oldSize in 1...45 {
            XCTAssertEqual(
                try ConsistencyProof.make(oldSize: UInt64(oldSize), newSize: 45, nodes: snapshot),
                try ConsistencyProof.make(oldSize: UInt64(oldSize), newSize: 45, nodes: reference)
            )
        }
    }

    func testACheckpointIsReachedNotYetReachedOrContradicted() throws {
        let all = try records(12)
        let tree = MemoryTree()
        tree.append(all)
        let root = MerkleTree.root(leafHashes: leaves(all[..<7]))
        let snapshot = tree.snapshot
        XCTAssertTrue(try snapshot.reaches(TreeExpectation(size: 7, root: root, name: "checkpoint 1"), in: "db"))
        XCTAssertFalse(try snapshot.reaches(TreeExpectation(size: 13, root: root, name: "checkpoint 2"), in: "db"))
        XCTAssertThrowsError(
            try snapshot.reaches(TreeExpectation(size: 8, root: root, name: "checkpoint 3"), in: "db")
        ) { error in
            XCTAssertEqual((error as? LogError)?.code, LogErrorCode.checkpointContradicted)
            XCTAssertTrue((error as? LogError)?.message.contains("contradicts checkpoint 3") == true, "\(error)")
        }
        let shorter = snapshot.shorter(than: TreeExpectation(size: 13, root: root, name: "checkpoint 2"), in: "db")
        XCTAssertEqual(shorter.code, LogErrorCode.shorterThanCheckpoint)
        XCTAssertEqual(shorter.position, 13)
    }
}

/// Subtree hashes computed from the leaves themselves.
private struct ReferenceNodes: MerkleNodeSource {
    let leaves: [TreeHash]

    func node(level: Int, index: UInt64) throws -> TreeHash {
        let start = Int(index) << level
        return MerkleTree.root(leafHashes: Array(leaves[start..<start + (1 << level)]))
    }
}
