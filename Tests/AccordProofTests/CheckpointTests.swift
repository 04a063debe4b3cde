import AccordProof
import Crypto
import XCTest

/// tlog-checkpoint bodies, tlog-cosignature lines and tlog-proof bundles.
final class CheckpointTests: XCTestCase {
    let log = try! NoteSigner(name: "accord.example.org/ledger", privateKey: .init())
    let leaves = LeafNodes.numbered(11)

    func checkpoint(size: Int) -> Checkpoint {
        Checkpoint(origin: log.name, size: UInt64(size), root: MerkleTree.root(leafHashes: Array(leaves[..<size])))
    }

    func testBodyParsesBackAndSignedCheckpointOpens() throws {
        let checkpoint = Checkpoint(
            origin: log.name,
            size: 11,
            root: MerkleTree.root(leafHashes: leaves),
            extensionLines: ["note here"]
        )
        XCTAssertEqual(checkpoint.body, "accord.example.org/ledger\n11\n\(checkpoint.root.base64)\nnote here\n")
        XCTAssertEqual(try Checkpoint(parsing: checkpoint.body), checkpoint)
        let note = try SignedNote(parsing: try checkpoint.signed(by: log).serialized)
        XCTAssertEqual(try Checkpoint.verified(note: note, by: log.verifier, origin: log.name), checkpoint)
        XCTAssertThrowsError(try Checkpoint.verified(note: note, by: log.verifier, origin: "other.example/log")) {
            XCTAssertEqual(($0 as? ProofError)?.code, .wrongOrigin)
        }
        let other = try NoteSigner(name: log.name, privateKey: .init())
        XCTAssertThrowsError(try Checkpoint.verified(note: note, by: other.verifier, origin: log.name)) {
            XCTAssertEqual(($0 as? ProofError)?.code, .unverified)
        }
    }

    func testMalformedBodiesNameTheLine() {
        let root = MerkleTree.emptyRoot.base64
        let cases: [(String, Int?)] = [
            ("origin\n012\n\(root)\n", 2), ("origin\n-1\n\(root)\n", 2), ("origin\n\n\(root)\n", 2),
            ("origin\n1\nAAAA\n", 3), ("origin\n1\n", nil), ("origin\n18446744073709551616\n\(root)\n", 2),
        ]
        for (body, line) in cases {
            XCTAssertThrowsError(try Checkpoint(parsing: body), body) {
                XCTAssertEqual(($0 as? ProofError)?.code, .malformed)
                if let line { XCTAssertEqual(($0 as? ProofError)?.line, line, body) }
            }
        }
    }

    func testCosignatureIsTimestampedAndBoundToTheCheckpoint() throws {
        let witness = try CosignatureSigner(name: "witness.cnrs.example", privateKey: .init())
        XCTAssertTrue(witness.verifierKey.hasPrefix("witness.cnrs.example+"))
        XCTAssertEqual(try CosignatureVerifier(verifierKey: witness.verifierKey), witness.verifier)
        // A cosignature key is not a note key and the other way round (the type byte differs).
        XCTAssertThrowsError(try NoteVerifier(verifierKey: witness.verifierKey))
        XCTAssertThrowsError(try CosignatureVerifier(verifierKey: log.verifierKey))
        let signature = try witness.cosign(checkpoint: checkpoint(size: 5), timestampSeconds: 1_767_693_600)
        XCTAssertEqual(signature.signature.count, 72)
        XCTAssertEqual(try witness.verifier.verify(signature, of: checkpoint(size: 5)), 1_767_693_600)
        XCTAssertThrowsError(try witness.verifier.verify(signature, of: checkpoint(size: 6))) {
            XCTAssertEqual(($0 as? ProofError)?.code, .badSignature)
        }
        var changedTime = signature
        changedTime.signature[7] ^= 1
        XCTAssertThrowsError(try witness.verifier.verify(changedTime, of: checkpoint(size: 5)))
        // The published cosignature key of transparency-dev/formats parses and keeps its key id.
        let remora = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"
        XCTAssertEqual(try CosignatureVerifier(verifierKey: remora).verifierKey, remora)
        XCTAssertEqual(try CosignatureVerifier(verifierKey: remora).keyID, 0xda77_ade7)
    }

    func testPolicyQuorumOfGroups() throws {
        let signers = try ["cnrs-1", "cnrs-2", "jrc"].map {
            try CosignatureSigner(name: "\($0).example", privateKey: .init())
        }
        let policy = try WitnessPolicy(
            parsing: """
                # Accord's partners
                log \(log.verifierKey)
                witness cnrs-1 \(signers[0].verifierKey) https://witness.cnrs.example
                witness cnrs-2 \(signers[1].verifierKey)
                witness jrc \(signers[2].verifierKey)   # the JRC's only witness
                group cnrs any cnrs-1 cnrs-2
                group partners all cnrs jrc
                quorum partners
                """
        )
        XCTAssertEqual(policy.logs, [log.verifier])
        XCTAssertEqual(policy.witnesses.map(\.name), ["cnrs-1", "cnrs-2", "jrc"])
        XCTAssertEqual(policy.witnesses[0].url, "https://witness.cnrs.example")
        XCTAssertFalse(policy.isSatisfied(by: []))
        XCTAssertFalse(policy.isSatisfied(by: ["cnrs-1", "cnrs-2"]))
        XCTAssertTrue(policy.isSatisfied(by: ["cnrs-2", "jrc"]))
        XCTAssertEqual(policy.missing(given: ["cnrs-1"]), ["cnrs-2", "jrc"])
        XCTAssertEqual(policy.missing(given: ["cnrs-1", "jrc"]), [])

        let body = checkpoint(size: 9)
        var note = try body.signed(by: log)
        for signer in [signers[0], signers[2]] {
            note = note.adding(try signer.cosign(checkpoint: body, timestampSeconds: 100))
        }
        XCTAssertEqual(try policy.cosigners(of: note, checkpoint: body), ["cnrs-1": 100, "jrc": 100])
        var forged = note
        forged.signatures[2].signature[20] ^= 1
        XCTAssertThrowsError(try policy.cosigners(of: forged, checkpoint: body)) {
            XCTAssertEqual(($0 as? ProofError)?.code, .badSignature)
            XCTAssertEqual(($0 as? ProofError)?.line, 7)
        }
        XCTAssertTrue(try WitnessPolicy(parsing: "# Windows line ends\r\nquorum none\r\n").isSatisfied(by: []))
        XCTAssertTrue(
            try WitnessPolicy(parsing: "witness a \(signers[0].verifierKey)\ngroup g 1 a\nquorum g")
                .isSatisfied(by: ["a"])
        )
    }

    func testPolicyErrorsNameTheLine() throws {
        let key = try CosignatureSigner(name: "w.example", privateKey: .init()).verifierKey
        let cases: [(String, Int?)] = [
            ("quorum w", 1),
            ("witness w \(key)\nwitness w \(key)\nquorum w", 2),
            ("witness w \(key)\nwitness v \(key)\nquorum w", 2),
            ("witness w \(log.verifierKey)\nquorum w", 1),
            ("witness w \(key)\ngroup g 2 w\nquorum g", 2),
            ("witness w \(key)\ngroup g 0 w\nquorum g", 2),
            ("witness w \(key)\ngroup g any w w\nquorum g", 2),
            ("witness w \(key)\nquorum w\nquorum w", 3),
            ("witness w \(key)\nfrobnicate w\nquorum w", 2),
            ("log \(key)\nquorum none", 1),
            ("witness w \(key)", nil),
            ("witness none \(key)\nquorum none", 1),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try WitnessPolicy(parsing: text), text) {
                XCTAssertEqual(($0 as? ProofError)?.code, .malformed, text)
                XCTAssertEqual(($0 as? ProofError)?.line, line, text)
            }
        }
    }

    func testProofBundleRoundTripsAndVerifies() throws {
        let tree = LeafNodes(leaves: leaves)
        let body = checkpoint(size: 11)
        let note = try body.signed(by: log)
            .adding(
                try CosignatureSigner(name: "w.example", privateKey: .init()).cosign(
                    checkpoint: body,
                    timestampSeconds: 1
                )
            )
        let entry = Array("leaf 6".utf8)
        let bundle = ProofBundle(
            extra: Array("the record frame".utf8),
            index: 6,
            inclusionPath: try InclusionProof.make(index: 6, treeSize: 11, nodes: tree),
            checkpoint: note
        )
        let text = bundle.serialized
        XCTAssertTrue(text.hasPrefix("c2sp.org/tlog-proof@v1\nextra dGhlIHJlY29yZCBmcmFtZQ==\nindex 6\n"))
        let parsed = try ProofBundle(parsing: text)
        XCTAssertEqual(parsed, bundle)
        XCTAssertEqual(try parsed.verify(entry: entry, log: log.verifier, origin: log.name), body)
        XCTAssertThrowsError(try parsed.verify(entry: Array("leaf 5".utf8), log: log.verifier, origin: log.name)) {
            XCTAssertEqual(($0 as? ProofError)?.code, .rootMismatch)
        }
        var moved = parsed
        moved.index = 5
        XCTAssertThrowsError(try moved.verify(entry: entry, log: log.verifier, origin: log.name))
        let withoutExtra = ProofBundle(extra: nil, index: 6, inclusionPath: bundle.inclusionPath, checkpoint: note)
        XCTAssertEqual(try ProofBundle(parsing: withoutExtra.serialized), withoutExtra)

        for broken in [
            text.replacingOccurrences(of: "tlog-proof@v1", with: "tlog-proof@v2"),
            text.replacingOccurrences(of: "index 6", with: "index 06"),
            text.replacingOccurrences(of: "extra dGhl", with: "extra !!!"),
            text.replacingOccurrences(of: bundle.inclusionPath[1].base64, with: "AAAA"),
        ] {
            XCTAssertThrowsError(try ProofBundle(parsing: broken), broken) {
                XCTAssertEqual(($0 as? ProofError)?.code, .malformed)
                XCTAssertNotNil(($0 as? ProofError)?.line)
            }
        }
    }
}
