import AccordProof
import Crypto
import XCTest

/// A witness refuses what does not extend the tree it last cosigned.
final class WitnessedTreeTests: XCTestCase {
    let log = try! NoteSigner(name: "accord.example.org/ledger", privateKey: .init())
    let leaves = LeafNodes.numbered(9)

    func note(size: Int, leaves: [TreeHash]? = nil) throws -> SignedNote {
        let chosen = leaves ?? self.leaves
        return try Checkpoint(
            origin: log.name,
            size: UInt64(size),
            root: MerkleTree.root(leafHashes: Array(chosen[..<size]))
        ).signed(by: log)
    }

    func tree(_ size: Int) -> WitnessedTree {
        WitnessedTree(size: UInt64(size), root: MerkleTree.root(leafHashes: Array(leaves[..<size])))
    }

    func testCosignsOnlyWhatExtendsTheLastCosignedTree() throws {
        let nodes = LeafNodes(leaves: leaves)
        let proof = try ConsistencyProof.make(oldSize: 4, newSize: 9, nodes: nodes)
        let accepted = try WitnessedTree.checkpointToCosign(
            note: try note(size: 9),
            consistencyProof: proof,
            since: tree(4),
            log: log.verifier,
            origin: log.name
        )
        XCTAssertEqual(accepted.size, 9)
        XCTAssertEqual(
            try WitnessedTree.checkpointToCosign(
                note: try note(size: 4),
                consistencyProof: [],
                since: tree(4),
                log: log.verifier,
                origin: log.name
            ).size,
            4
        )
        XCTAssertEqual(
            try WitnessedTree.checkpointToCosign(
                note: try note(size: 2),
                consistencyProof: [],
                since: nil,
                log: log.verifier,
                origin: log.name
            ).size,
            2
        )

        XCTAssertThrowsError(
            try WitnessedTree.checkpointToCosign(
                note: try note(size: 3),
                consistencyProof: [],
                since: tree(4),
                log: log.verifier,
                origin: log.name
            )
        ) { error in
            XCTAssertEqual((error as? ProofError)?.code, .outOfRange)
            XCTAssertTrue((error as? ProofError)?.message.contains("rolled back") == true)
        }
        // A fork: the same first four records except one, then more; its own consistency proof cannot join them.
        var forked = leaves
        forked[2] = MerkleTree.leafHash(entry: Array("forged".utf8))
        let forkProof = try ConsistencyProof.make(oldSize: 4, newSize: 9, nodes: LeafNodes(leaves: forked))
        XCTAssertThrowsError(
            try WitnessedTree.checkpointToCosign(
                note: try note(size: 9, leaves: forked),
                consistencyProof: forkProof,
                since: tree(4),
                log: log.verifier,
                origin: log.name
            )
        ) { error in
            XCTAssertEqual((error as? ProofError)?.code, .rootMismatch)
            XCTAssertTrue((error as? ProofError)?.message.contains("forked") == true)
        }
        XCTAssertThrowsError(
            try WitnessedTree.checkpointToCosign(
                note: try note(size: 4, leaves: forked),
                consistencyProof: [],
                since: tree(4),
                log: log.verifier,
                origin: log.name
            )
        )
    }
}
