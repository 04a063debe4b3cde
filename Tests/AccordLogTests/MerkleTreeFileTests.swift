import AccordProof
import Foundation
import SystemPackage
import XCTest

@testable import AccordLog

/// The writer's Merkle tree: its root, the tree file that proofs read, its rebuild at start, and the tree heads
/// (checkpoints) a log must extend.
final class MerkleTreeFileTests: LogTestCase {
    private func appendRecords(_ count: Int, to writer: LogWriter, from first: Int = 0) async throws -> [Record] {
        var records: [Record] = []
        for batch in stride(from: first, to: first + count, by: 7) {
            records += try await writer.append((batch..<min(batch + 7, first + count)).map { Fixtures.draft($0) })
        }
        return records
    }

    private func leaves(_ records: [Record]) -> [TreeHash] {
        records.map { MerkleTree.leafHash(entry: $0.hash) }
    }

    private func waitForTree(_ writer: LogWriter, size: UInt64) {
        XCTAssertTrue(Fixtures.poll { writer.tree.size == size }, "the tree reaches \(size) records")
    }

    func testTheSlotOfEveryNodeIsWhereTheAppendOrderPutsIt() {
        var range = CompactRange()
        var slot: UInt64 = 0
        for leaf in 0..<300 {
            for node in range.append(leafHash: MerkleTree.leafHash(entry: [UInt8(leaf % 256)])) {
                XCTAssertEqual(
                    TreeFile.slot(level: node.level, index: node.index),
                    slot,
                    "node \(node.level)/\(node.index)"
                )
                slot += 1
            }
            XCTAssertEqual(TreeFile.nodeCount(leafCount: range.size), slot)
        }
    }

    func testTheTreeFollowsTheDurableRecordsAndItsFileAnswersProofs() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await appendRecords(45, to: writer)
        waitForTree(writer, size: 45)
        let tree = writer.tree
        XCTAssertEqual(tree.root(), MerkleTree.root(leafHashes: leaves(records)))
        for size in [1, 2, 3, 7, 16, 44] {
            XCTAssertEqual(
                try tree.root(size: UInt64(size)),
                MerkleTree.root(leafHashes: leaves(Array(records[..<size])))
            )
        }
        for index in [0, 6, 31, 44] {
            let proof = try InclusionProof.make(index: UInt64(index), treeSize: 45, nodes: tree)
            try InclusionProof.verify(
                leafHash: leaves(records)[index],
                index: UInt64(index),
                treeSize: 45,
                proof: proof,
                root: tree.root()
            )
        }
        let consistency = try ConsistencyProof.make(oldSize: 13, newSize: 45, nodes: tree)
        try ConsistencyProof.verify(
            oldSize: 13,
            newSize: 45,
            oldRoot: try tree.root(size: 13),
            newRoot: tree.root(),
            proof: consistency
        )
        try writer.close()
    }

    func testAStartRebuildsTheTreeFileAndSaysWhereTheStoredOneDisagreed() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await appendRecords(20, to: writer)
        waitForTree(writer, size: 20)
        try writer.close()
        let treePath = FilePath(path.string + ".tree")
        var stored = try Fixtures.bytes(of: treePath)
        let slot = Int(TreeFile.slot(level: 0, index: 11))
        stored[slot * 32] ^= 0xFF
        try Fixtures.write(stored, to: treePath)

        let (reopened, report) = try LogWriter.open(path: path)
        XCTAssertEqual(report.treeFileDisagreement, 12)
        XCTAssertEqual(report.treeRoot, MerkleTree.root(leafHashes: leaves(records)))
        XCTAssertTrue(report.description.contains("from position 12"), report.description)
        let proof = try InclusionProof.make(index: 11, treeSize: 20, nodes: reopened.tree)
        try InclusionProof.verify(
            leafHash: leaves(records)[11],
            index: 11,
            treeSize: 20,
            proof: proof,
            root: report.treeRoot
        )
        try reopened.close()
        XCTAssertNil(try Fixtures.openAndClose(path).treeFileDisagreement, "the rebuilt file agrees with the log")
    }

    func testALogThatDoesNotExtendItsCheckpointIsRefusedNamingTheCheckpointAndThePosition() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await appendRecords(10, to: writer)
        try writer.close()
        let signed = TreeExpectation(
            size: 10,
            root: MerkleTree.root(leafHashes: leaves(records)),
            name: "checkpoint 1 (tree size 10)"
        )
        // A rewrite of record 4 with the chain recomputed from there: the chain check alone passes.
        var drafts = (0..<10).map { Fixtures.draft($0) }
        drafts[3].payload = Array("{\"index\":\"rewritten\"}".utf8)
        try Fixtures.writeLog(Fixtures.frames(drafts), to: path)
        var options = LogWriterOptions()
        options.treeExpectations = [signed]
        XCTAssertThrowsError(try LogWriter.open(path: path, options: options)) { error in
            let error = error as! LogError
            XCTAssertEqual(error.code, LogErrorCode.checkpointContradicted)
            XCTAssertEqual(error.position, 4, "the tree file written at append time names the first changed record")
            XCTAssertTrue(error.message.contains("checkpoint 1 (tree size 10)"), error.message)
            XCTAssertTrue(error.message.contains("first position that disagrees is 4"), error.message)
        }
        // Without the old tree file the range is named instead.
        try FileManager.default.removeItem(atPath: path.string + ".tree")
        XCTAssertThrowsError(try LogWriter.open(path: path, options: options)) { error in
            XCTAssertTrue((error as! LogError).message.contains("between positions 1 and 10"), "\(error)")
        }
    }

    func testTheOnePassHandsOnEachRecordOnlyOnceTheTreeHeadsItCompletesAgree() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await appendRecords(10, to: writer)
        try writer.close()
        var options = LogWriterOptions()
        options.treeExpectations = [3, 6].map { size in
            TreeExpectation(
                size: UInt64(size),
                root: MerkleTree.root(leafHashes: leaves(Array(records[..<size]))),
                name: "checkpoint of \(size)"
            )
        }
        var handedOn: [UInt64] = []
        try LogWriter.open(path: path, options: options) { handedOn.append($0.position) }.0.close()
        XCTAssertEqual(handedOn, Array(1...10), "a log that extends its checkpoints is handed on whole, in order")
        // Record 4 rewritten with the chain recomputed: the head of 6 is contradicted when record 6 completes it.
        var drafts = (0..<10).map { Fixtures.draft($0) }
        drafts[3].payload = Array("{\"index\":\"rewritten\"}".utf8)
        try Fixtures.writeLog(Fixtures.frames(drafts), to: path)
        handedOn = []
        XCTAssertThrowsError(try LogWriter.open(path: path, options: options) { handedOn.append($0.position) }) {
            XCTAssertEqual(($0 as! LogError).code, LogErrorCode.checkpointContradicted)
        }
        XCTAssertEqual(handedOn, Array(1...5), "nothing from the contradicted tree head on reaches the caller")
    }

    func testALogShorterThanItsCheckpointOrWithACheckpointedTornTailIsRefused() async throws {
        let (writer, _) = try LogWriter.open(path: path)
        let records = try await appendRecords(6, to: writer)
        try writer.close()
        var options = LogWriterOptions()
        options.treeExpectations = [
            TreeExpectation(size: 6, root: MerkleTree.root(leafHashes: leaves(records)), name: "checkpoint 2")
        ]
        let original = try Fixtures.bytes(of: path)
        let offsets = Fixtures.frameOffsets(original)
        try Fixtures.write(Array(original[..<offsets[5]]), to: path)
        XCTAssertThrowsError(try LogWriter.open(path: path, options: options)) { error in
            let error = error as! LogError
            XCTAssertEqual(error.code, LogErrorCode.shorterThanCheckpoint)
            XCTAssertEqual(error.position, 6)
            XCTAssertTrue(error.message.contains("checkpoint 2 covers 6"), error.message)
        }
        try Fixtures.write(Array(original[..<(original.count - 5)]), to: path)
        XCTAssertThrowsError(try LogWriter.open(path: path, options: options)) { error in
            XCTAssertEqual((error as! LogError).code, LogErrorCode.checkpointedTailDamaged)
        }
        XCTAssertEqual(try Fixtures.bytes(of: path).count, original.count - 5, "nothing was set aside or cut")
        try Fixtures.write(original, to: path)
        XCTAssertEqual(try Fixtures.openAndClose(path, options: options).head, records[5].chainHead)
    }
}
