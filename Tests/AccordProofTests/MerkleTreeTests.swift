import AccordProof
import XCTest

/// RFC 9162 section 2.1: the reference roots published with Certificate Transparency, and the proofs' properties
/// over every index and size pair of small trees.
final class MerkleTreeTests: XCTestCase {
    /// The Certificate Transparency test leaves and the roots of their first 0 to 8 entries.
    static let referenceEntries = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ].map { bytes(hex: $0) }
    static let referenceRoots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { TreeHash(bytes: bytes(hex: $0)) }
    static let maximumSize = 64

    static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    var referenceLeaves: [TreeHash] { Self.referenceEntries.map { MerkleTree.leafHash(entry: $0) } }

    func testReferenceRootsOfCertificateTransparency() {
        XCTAssertEqual(MerkleTree.emptyRoot, Self.referenceRoots[0])
        for size in 0...Self.referenceEntries.count {
            XCTAssertEqual(MerkleTree.root(leafHashes: Array(referenceLeaves[..<size])), Self.referenceRoots[size])
        }
    }

    func testReferenceProofsOfCertificateTransparency() throws {
        let nodes = LeafNodes(leaves: referenceLeaves)
        let inclusion: [(index: UInt64, size: UInt64, proof: [String])] = [
            (
                0, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                5, 8,
                [
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        ]
        for vector in inclusion {
            let proof = try InclusionProof.make(index: vector.index, treeSize: vector.size, nodes: nodes)
            XCTAssertEqual(
                proof,
                vector.proof.map { TreeHash(bytes: Self.bytes(hex: $0)) },
                "leaf \(vector.index) of \(vector.size)"
            )
        }
        let consistency: [(old: UInt64, new: UInt64, proof: [String])] = [
            (
                1, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                6, 8,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (
                2, 5,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
        ]
        for vector in consistency {
            let proof = try ConsistencyProof.make(oldSize: vector.old, newSize: vector.new, nodes: nodes)
            XCTAssertEqual(
                proof,
                vector.proof.map { TreeHash(bytes: Self.bytes(hex: $0)) },
                "from \(vector.old) to \(vector.new)"
            )
        }
    }

    func testCompactRangeRootEqualsReferenceRootForEverySize() throws {
        let leaves = LeafNodes.numbered(Self.maximumSize * 2 + 3)
        var range = CompactRange()
        XCTAssertEqual(range.root(), MerkleTree.emptyRoot)
        var stored: [CompletedNode] = []
        for (count, leaf) in leaves.enumerated() {
            stored += range.append(leafHash: leaf)
            let size = UInt64(count + 1)
            XCTAssertEqual(range.size, size)
            XCTAssertEqual(range.peaks.count, size.nonzeroBitCount)
            XCTAssertEqual(range.root(), MerkleTree.root(leafHashes: Array(leaves[...count])), "size \(size)")
            XCTAssertEqual(try CompactRange(size: size, nodes: LeafNodes(leaves: leaves, size: size)), range)
        }
        // The completed nodes are exactly the full subtrees of the tree, each once, with their reference hash.
        let nodes = LeafNodes(leaves: leaves)
        var expectedCount = 0
        for level in 0..<8 { expectedCount += leaves.count >> level }
        XCTAssertEqual(stored.count, expectedCount)
        XCTAssertEqual(Set(stored.map { "\($0.level)/\($0.index)" }).count, expectedCount)
        for node in stored {
            XCTAssertEqual(node.hash, try nodes.node(level: node.level, index: node.index))
        }
    }

    func testInclusionProofsVerifyForEveryIndexAndSizeAndMutationsAreRefused() throws {
        let leaves = LeafNodes.numbered(Self.maximumSize)
        for size in 1...UInt64(Self.maximumSize) {
            let nodes = LeafNodes(leaves: leaves, size: size)
            let root = MerkleTree.root(leafHashes: Array(leaves[..<Int(size)]))
            for index in 0..<size {
                let leaf = leaves[Int(index)]
                let proof = try InclusionProof.make(index: index, treeSize: size, nodes: nodes)
                try InclusionProof.verify(leafHash: leaf, index: index, treeSize: size, proof: proof, root: root)
                for mutated in Self.mutations(of: proof) {
                    XCTAssertThrowsError(
                        try InclusionProof.verify(
                            leafHash: leaf,
                            index: index,
                            treeSize: size,
                            proof: mutated,
                            root: root
                        )
                    )
                }
                let other = leaves[Int((index + 1) % size)]
                if size > 1 {
                    XCTAssertThrowsError(
                        try InclusionProof.verify(
                            leafHash: other,
                            index: index,
                            treeSize: size,
                            proof: proof,
                            root: root
                        )
                    )
                    XCTAssertThrowsError(
                        try InclusionProof.verify(
                            leafHash: leaf,
                            index: (index + 1) % size,
                            treeSize: size,
                            proof: proof,
                            root: root
                        )
                    )
                }
            }
            XCTAssertThrowsError(try InclusionProof.make(index: size, treeSize: size, nodes: nodes)) { error in
                XCTAssertEqual((error as? ProofError)?.code, .outOfRange)
            }
        }
    }

    func testConsistencyProofsVerifyForEverySizePairAndMutationsAreRefused() throws {
        let leaves = LeafNodes.numbered(Self.maximumSize)
        let roots = (0...Self.maximumSize).map { MerkleTree.root(leafHashes: Array(leaves[..<$0])) }
        for newSize in 1...UInt64(Self.maximumSize) {
            let nodes = LeafNodes(leaves: leaves, size: newSize)
            for oldSize in 0...newSize {
                let oldRoot = roots[Int(oldSize)]
                let newRoot = roots[Int(newSize)]
                let proof = try ConsistencyProof.make(oldSize: oldSize, newSize: newSize, nodes: nodes)
                try ConsistencyProof.verify(
                    oldSize: oldSize,
                    newSize: newSize,
                    oldRoot: oldRoot,
                    newRoot: newRoot,
                    proof: proof
                )
                for mutated in Self.mutations(of: proof) {
                    XCTAssertThrowsError(
                        try ConsistencyProof.verify(
                            oldSize: oldSize,
                            newSize: newSize,
                            oldRoot: oldRoot,
                            newRoot: newRoot,
                            proof: mutated
                        ),
                        "\(oldSize) to \(newSize)"
                    )
                }
                // A forked old tree (another leaf somewhere) is refused with the same proof.
                if oldSize > 0 {
                    var forked = Array(leaves[..<Int(oldSize)])
                    forked[Int(oldSize) - 1] = MerkleTree.leafHash(entry: Array("forged".utf8))
                    XCTAssertThrowsError(
                        try ConsistencyProof.verify(
                            oldSize: oldSize,
                            newSize: newSize,
                            oldRoot: MerkleTree.root(leafHashes: forked),
                            newRoot: newRoot,
                            proof: proof
                        )
                    )
                }
                // The empty tree is consistent with every tree, so only a non-empty old tree binds the new root.
                if oldSize > 0, oldSize < newSize {
                    XCTAssertThrowsError(
                        try ConsistencyProof.verify(
                            oldSize: oldSize,
                            newSize: newSize,
                            oldRoot: oldRoot,
                            newRoot: roots[Int(newSize) - 1],
                            proof: proof
                        )
                    )
                }
            }
            XCTAssertThrowsError(
                try ConsistencyProof.verify(
                    oldSize: newSize,
                    newSize: newSize - 1,
                    oldRoot: roots[Int(newSize)],
                    newRoot: roots[Int(newSize) - 1],
                    proof: []
                )
            ) { error in
                XCTAssertEqual((error as? ProofError)?.code, .outOfRange)
            }
        }
    }

    func testTreeHashTextForms() {
        let hash = Self.referenceRoots[8]
        XCTAssertEqual(TreeHash(base64: hash.base64), hash)
        XCTAssertEqual(hash.hex, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
        XCTAssertNil(TreeHash(base64: String(hash.base64.dropLast(2))))
        XCTAssertNil(TreeHash(base64: "AAAA"))
    }

    /// Every proof one change away: each hash flipped, a hash dropped, a hash added, two hashes swapped.
    static func mutations(of proof: [TreeHash]) -> [[TreeHash]] {
        var result: [[TreeHash]] = []
        for index in proof.indices {
            var flipped = proof
            var bytes = flipped[index].bytes
            bytes[index % bytes.count] ^= 0x01
            flipped[index] = TreeHash(bytes: bytes)
            result.append(flipped)
            var dropped = proof
            dropped.remove(at: index)
            result.append(dropped)
        }
        result.append(proof + [MerkleTree.emptyRoot])
        result.append([MerkleTree.emptyRoot] + proof)
        if proof.count >= 2, proof[0] != proof[1] {
            result.append([proof[1], proof[0]] + proof.dropFirst(2))
        }
        return result
    }
}
