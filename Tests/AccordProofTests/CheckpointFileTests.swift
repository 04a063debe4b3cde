import AccordProof
import Crypto
import XCTest

/// The checkpoints file of the evidence folder.
final class CheckpointFileTests: XCTestCase {
    func testNotesReadBackWithTheirOffsetsAndACutFileIsRefused() throws {
        let log = try NoteSigner(name: "accord.example.org/ledger", privateKey: .init())
        let leaves = LeafNodes.numbered(5)
        let notes = try (1...5).map { size in
            try Checkpoint(
                origin: log.name,
                size: UInt64(size),
                root: MerkleTree.root(leafHashes: Array(leaves[..<size]))
            ).signed(by: log)
        }
        let text = notes.map(CheckpointFile.entry).joined()
        let read = try CheckpointFile.notes(in: text)
        XCTAssertEqual(read.map(\.note), notes)
        XCTAssertEqual(
            read.map(\.offset),
            notes.indices.map { notes[..<$0].map(CheckpointFile.entry).joined().utf8.count }
        )
        XCTAssertTrue(try CheckpointFile.notes(in: "").isEmpty)
        XCTAssertThrowsError(try CheckpointFile.notes(in: String(text.dropLast())))
        let third = read[2].offset
        let broken = text.replacingOccurrences(of: "\n3\n", with: "\n\n3\n")
        XCTAssertThrowsError(try CheckpointFile.notes(in: broken)) { error in
            XCTAssertTrue(
                (error as? ProofError)?.message.contains("checkpoint 3 at byte offset \(third)") == true,
                "\(error)"
            )
        }
    }
}
