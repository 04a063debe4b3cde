import AccordLog
import AccordProof
import Foundation
import XCTest

/// docs/log-format.md against the code: its appendix is docs/verify.py byte for byte, and the Merkle tree of its
/// example log (section 13.1) is what Accord's writer and this module compute.
final class LogFormatDocumentTests: XCTestCase {
    func testAppendixIsVerifyScriptByteForByte() throws {
        let document = try Repository.text("docs/log-format.md")
        let script = try Repository.text("docs/verify.py")
        let appendix = try XCTUnwrap(document.range(of: "## Appendix: an independent verifier"))
        let opening = try XCTUnwrap(document.range(of: "```python\n", range: appendix.upperBound..<document.endIndex))
        let closing = try XCTUnwrap(document.range(of: "\n```\n", options: .backwards))
        XCTAssertEqual(String(document[opening.upperBound...closing.lowerBound]), script)
        XCTAssertEqual(document[closing.upperBound...], "", "the appendix is the end of the document")
    }

    static let recordHashes = [
        "f96ba77aefc4b72c826ba8f51445e74e53c7f63e9ea716699c752b66b8e38f07",
        "1e1d162b356b0e3e47c7382845e9578ace38bbf7a6ed15bcd153f5a497af8d6d",
        "47ec2846412eb8cb76e7679ca4bc2d16ae1b326e1ac397e7682a239fc36e1fd0",
        "0493d5499c884c5ef7be3f654088ff3a7b010f3f261a2c680d0098158c247881",
        "67c33a5a9f43c7306f4644e766f632129483894182db25a7a3e0677011b528ba",
        "a591ed46c8a140686fa091a7cfdb7a83908c7cf535e99b6299a0407f516f6a85",
        "ae95e3014a7026f688780be130938cd0c86ba169020a84c2759edcbcdf5d6c0a",
    ]
    static let leafHashes = [
        "dbf7b9d58bd0c023ed16307d7e4f10f0c1e6bf44e763c205d7eb05bb4cd14839",
        "a9c35493aa10f8796cad0e13af2c173db8daa81cea49fed0028830408208eead",
        "c550a7f496d10b9bf9163898f46cfadfe9b37d140611623316e7f0907c745964",
        "ba0356fd6fa34e9e052f7985defc1cd06cd2e5e64cea881d3e86be546da0e056",
        "719760ec9a9f1f57d1cdacc14e98c9444803afcfcf6cbace8465f84b27b69265",
        "cd4d8f0c7727689af49c6eebf974798f0fc38e6dbae57faead76642818184b57",
        "1b28714b57c4e6b724fa0ac1b7e7b8d3d37ac13718a39fb53dd953a0b40b4ec0",
    ]
    static let roots: [(size: Int, hex: String, base64: String)] = [
        (
            1, "dbf7b9d58bd0c023ed16307d7e4f10f0c1e6bf44e763c205d7eb05bb4cd14839",
            "2/e51YvQwCPtFjB9fk8Q8MHmv0TnY8IF1+sFu0zRSDk="
        ),
        (
            2, "a4146848257cf4ceef1278e5c35a46817246d5493b88dba51508df19c3fb9cb0",
            "pBRoSCV89M7vEnjlw1pGgXJG1Uk7iNulFQjfGcP7nLA="
        ),
        (
            3, "05682c75bb51e864d0208192e1e06f888cdf63c8525bd82e1a0a4c747cf82029",
            "BWgsdbtR6GTQIIGS4eBviIzfY8hSW9guGgpMdHz4ICk="
        ),
        (
            7, "8e0abb8e768cafb9b22351c41cb1e2299e377771c483ceca6141ba7346231054",
            "jgq7jnaMr7myI1HEHLHiKZ43d3HEg87KYUG6c0YjEFQ="
        ),
    ]
    static let innerNodes = [
        "2c9c4f8ff949c8f5d18d127613f4f68b268293bcd6d38873a76a2320a85f4569",  // H(l3, l4)
        "61562a5262f9508d06c24039dc128b443048812501521b910abdb92cab328954",  // H(H(l1, l2), H(l3, l4))
        "302c63f945220cf92fca22852e467ac731f409732bdbf40150d29e8c5e98866c",  // H(l5, l6)
        "076b0c986bea9dc57199611a4bd83a62f0d611459b14c5f2b4be087fd6b56474",  // H(H(l5, l6), l7)
    ]

    func testExampleLogTreeIsTheDocumentedOne() throws {
        let document = try Repository.text("docs/log-format.md")
        for value in Self.recordHashes + Self.leafHashes + Self.roots.flatMap({ [$0.hex, $0.base64] }) + Self.innerNodes
        {
            XCTAssertTrue(document.contains("`\(value)`"), "docs/log-format.md does not show \(value)")
        }
        let folder = try TemporaryFolder()
        let records = try ExampleLog.write(ExampleLog.drafts, to: folder.file("ledger.log"))
        XCTAssertEqual(records.map(\.hashHex), Self.recordHashes)
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: folder.file("ledger.log"))[.size] as? Int,
            1_545
        )
        let leaves = records.map { MerkleTree.leafHash(entry: $0.hash) }
        XCTAssertEqual(leaves.map(\.hex), Self.leafHashes)
        var tree = CompactRange()
        for (index, leaf) in leaves.enumerated() {
            tree.append(leafHash: leaf)
            if let root = Self.roots.first(where: { $0.size == index + 1 }) {
                XCTAssertEqual(tree.root().hex, root.hex)
                XCTAssertEqual(tree.root().base64, root.base64)
            }
        }
        let l = leaves
        let node = MerkleTree.nodeHash
        XCTAssertEqual(
            [
                node(l[2], l[3]), node(node(l[0], l[1]), node(l[2], l[3])), node(l[4], l[5]),
                node(node(l[4], l[5]), l[6]),
            ]
            .map(\.hex),
            Self.innerNodes
        )

        let nodes = LeafNodes(leaves: leaves)
        XCTAssertEqual(
            try InclusionProof.make(index: 4, treeSize: 7, nodes: nodes),
            [l[5], l[6], node(node(l[0], l[1]), node(l[2], l[3]))]
        )
        XCTAssertEqual(
            try ConsistencyProof.make(oldSize: 3, newSize: 7, nodes: nodes),
            [l[2], l[3], node(l[0], l[1]), node(node(l[4], l[5]), l[6])]
        )
        let body = Checkpoint(origin: "accord.example.org/ledger", size: 7, root: tree.root()).body
        XCTAssertTrue(document.contains("`" + body.replacingOccurrences(of: "\n", with: "\\n") + "`"), body)
    }
}
