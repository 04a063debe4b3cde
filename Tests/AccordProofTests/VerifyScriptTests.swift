import AccordLog
import AccordProof
import Foundation
import XCTest

/// docs/verify.py on evidence folders written by Accord's log writer and this module: clean, and each kind of
/// tampering, checking the exit status and that the finding names the position and byte offset.
final class VerifyScriptTests: XCTestCase {
    func testSelfTestChecksTheRFC8032Vectors() throws {
        let outcome = try Python.run(["\(Repository.root)/docs/verify.py", "--self-test"])
        XCTAssertEqual(outcome.status, 0, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains("RFC 8032 Ed25519 tests 1-3, Go's sumdb/note signed note"),
            outcome.output
        )
    }

    /// The Ed25519 of verify.py, written from RFC 8032, agrees with `cryptography` on fresh keys and messages.
    func testEd25519OfVerifyScriptAgreesWithPythonCryptography() throws {
        try Python.requireCryptography()
        let script = #"""
            import importlib.util, os, sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
            from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
            spec = importlib.util.spec_from_file_location("verify", sys.argv[1])
            verify = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(verify)
            for size in range(0, 40, 3):
                key = Ed25519PrivateKey.generate()
                public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
                message = os.urandom(size)
                signature = key.sign(message)
                assert verify.ed25519_verify(public, message, signature), size
                assert not verify.ed25519_verify(public, message + b"x", signature), size
                assert not verify.ed25519_verify(public, message, signature[:63] + bytes([signature[63] ^ 0x10])), size
            print("agreed")
            """#
        let outcome = try Python.run(["-c", script, "\(Repository.root)/docs/verify.py"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertEqual(outcome.output, "agreed\n")
    }

    func testCleanEvidenceExitsZero() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([
            try evidence.note(size: 3, cosigners: []),
            try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc]),
        ])
        let outcome = try evidence.verify([
            "--key", evidence.folder.file("log.key"), "--policy", evidence.folder.file("policy"),
        ])
        XCTAssertEqual(outcome.status, 0, outcome.output + outcome.errors)
        XCTAssertTrue(outcome.output.contains("checked 7 records"), outcome.output)
        XCTAssertTrue(outcome.output.contains("the log agrees with them up to size 7"), outcome.output)
        // The size-3 checkpoint lacks the quorum, which is a notice: a later one covers its records.
        XCTAssertTrue(outcome.output.contains("NOTICE: checkpoint 1 (size 3)"), outcome.output)
        XCTAssertFalse(outcome.output.contains("MANIPULATION"), outcome.output)
    }

    func testFlippedByteIsAManipulationAtItsPosition() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])])
        var bytes = evidence.logBytes
        bytes[evidence.offset(of: 5) + 160] ^= 0x20
        try evidence.replaceLog(with: bytes)
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains("MANIPULATION: position 5, byte offset \(evidence.offset(of: 5)) of ledger.log"),
            outcome.output
        )
    }

    /// A record rewritten with every later hash and CRC recomputed passes the chain; the checkpoint catches it.
    func testRewrittenRecordWithRecomputedChainIsCaughtByTheCheckpoint() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([
            try evidence.note(size: 3, cosigners: [evidence.cnrs, evidence.jrc]),
            try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc]),
        ])
        var drafts = ExampleLog.drafts
        drafts[4].payload = Array(#"{"title":"CNRS-JRC","validUntil":"2036-12-31","access":"unrestricted"}"#.utf8)
        let forged = try TemporaryFolder()
        try ExampleLog.write(drafts, to: forged.file("ledger.log"))
        try evidence.replaceLog(with: Array(FileManager.default.contents(atPath: forged.file("ledger.log"))!))
        XCTAssertEqual(try Python.run([evidence.folder.file("verify.py"), forged.file("ledger.log")]).status, 0)

        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains("MANIPULATION: checkpoint 2 (size 7), byte offset "),
            outcome.output
        )
        XCTAssertTrue(
            outcome.output.contains("a record in positions 4 to 7 (from byte offset \(evidence.offset(of: 4)))"),
            outcome.output
        )
    }

    func testRemovedAndSwappedRecordsAreManipulationsAtTheirPositions() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])])
        let bytes = evidence.logBytes
        let (four, five, six) = (evidence.offset(of: 4), evidence.offset(of: 5), evidence.offset(of: 6))
        try evidence.replaceLog(with: Array(bytes[..<four] + bytes[five...]))
        let removed = try evidence.verify()
        XCTAssertEqual(removed.status, 1, removed.output + removed.errors)
        XCTAssertTrue(
            removed.output.contains(
                "MANIPULATION: position 4, byte offset \(four) of ledger.log: log_position_gap: the record holds "
                    + "position 5"
            ),
            removed.output
        )

        try evidence.replaceLog(with: Array(bytes[..<four] + bytes[five..<six] + bytes[four..<five] + bytes[six...]))
        let swapped = try evidence.verify()
        XCTAssertEqual(swapped.status, 1, swapped.output + swapped.errors)
        XCTAssertTrue(swapped.output.contains("position 4, byte offset \(four) of ledger.log: log_chain_broken"))
        XCTAssertTrue(swapped.output.contains("position 6, byte offset \(four + six - five) of ledger.log: log_posit"))
    }

    func testTruncatedLogIsAManipulationFromTheFirstMissingPosition() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])])
        try evidence.replaceLog(with: Array(evidence.logBytes[..<evidence.offset(of: 6)]))
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(outcome.output.contains("the log has 5 (it ends at byte offset \(evidence.offset(of: 6)))"))
        XCTAssertTrue(outcome.output.contains("from position 6"), outcome.output)
    }

    func testCheckpointWithBadSignatureIsAManipulation() throws {
        let evidence = try EvidenceFolder()
        let genuine = try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])
        var forged = try evidence.note(size: 3, cosigners: [])
        forged.text = evidence.checkpoint(size: 4).body
        try evidence.writeCheckpoints([genuine, forged])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        let offset = genuine.serialized.utf8.count + 1
        XCTAssertTrue(
            outcome.output.contains(
                "MANIPULATION: checkpoint 2 (size 4), byte offset \(offset) of checkpoints: the log's signature does "
                    + "not verify"
            ),
            outcome.output
        )
    }

    func testCheckpointSignedByAnotherKeyUnderTheLogsNameIsAManipulation() throws {
        let evidence = try EvidenceFolder()
        let impostor = try NoteSigner(name: EvidenceFolder.origin, privateKey: .init())
        try evidence.writeCheckpoints([try evidence.checkpoint(size: 7).signed(by: impostor)])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains(
                "MANIPULATION: checkpoint 1 (size 7), byte offset 0 of checkpoints: the checkpoint carries no "
                    + "signature of the log's key"
            ),
            outcome.output
        )
    }

    func testCheckpointFromAnotherOriginIsAManipulation() throws {
        let evidence = try EvidenceFolder()
        let other = evidence.checkpoint(size: 7, origin: "other.example.org/ledger")
        try evidence.writeCheckpoints([try other.signed(by: evidence.log)])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains(
                "checkpoint 1 (size 7), byte offset 0 of checkpoints: the origin is "
                    + "'other.example.org/ledger'"
            ),
            outcome.output
        )
    }

    func testForgedCosignatureIsAManipulation() throws {
        let evidence = try EvidenceFolder()
        var note = try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])
        note.signatures[2].signature[30] ^= 1
        try evidence.writeCheckpoints([note])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 1, outcome.output + outcome.errors)
        XCTAssertTrue(outcome.output.contains("the cosignature of witness jrc does not verify"), outcome.output)
    }

    func testQuorumShortIsAGapNamingThePositions() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([
            try evidence.note(size: 5, cosigners: [evidence.cnrs, evidence.jrc]),
            try evidence.note(size: 7, cosigners: [evidence.cnrs]),
        ])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 2, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains(
                "GAP: position 6, byte offset \(evidence.offset(of: 6)) of ledger.log: positions 6 to 7 are not "
                    + "covered by a checkpoint that meets the quorum"
            ),
            outcome.output
        )
        // With a quorum of one CNRS witness the same folder is clean.
        try evidence.writePolicy(quorum: "cnrs")
        XCTAssertEqual(try evidence.verify().status, 0)
    }

    func testRecordsAfterTheNewestCheckpointAreAGap() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([try evidence.note(size: 6, cosigners: [evidence.cnrs, evidence.jrc])])
        let outcome = try evidence.verify()
        XCTAssertEqual(outcome.status, 2, outcome.output + outcome.errors)
        XCTAssertTrue(
            outcome.output.contains("positions 7 to 7 are not covered by a checkpoint that agrees with the log"),
            outcome.output
        )
        // A log that never issued a checkpoint: an empty file, and every record is a gap.
        try evidence.writeCheckpoints([])
        let none = try evidence.verify()
        XCTAssertEqual(none.status, 2, none.output + none.errors)
        XCTAssertTrue(none.output.contains("GAP: position 1, byte offset 32 of ledger.log: positions 1 to 7"))
    }

    func testTornTailIsANoticeUnlessACheckpointCoversIt() throws {
        let evidence = try EvidenceFolder()
        try evidence.writeCheckpoints([try evidence.note(size: 6, cosigners: [evidence.cnrs, evidence.jrc])])
        let bytes = evidence.logBytes
        // Record 7 cut short by a crash: covered by no checkpoint, so it is set aside as a torn write.
        try evidence.replaceLog(with: Array(bytes[..<(bytes.count - 20)]))
        let torn = try evidence.verify()
        XCTAssertEqual(torn.status, 0, torn.output + torn.errors)
        XCTAssertTrue(
            torn.output.contains(
                "NOTICE: position 7, byte offset \(evidence.offset(of: 7)) of ledger.log: "
                    + "log_torn_tail"
            ),
            torn.output
        )
        // Covered by a checkpoint, the same cut is the loss of an acknowledged record.
        try evidence.writeCheckpoints([try evidence.note(size: 7, cosigners: [evidence.cnrs, evidence.jrc])])
        XCTAssertEqual(try evidence.verify().status, 1)
    }

    func testUnusableInputIsAUsageError() throws {
        let evidence = try EvidenceFolder()
        let missing = try evidence.verify()
        XCTAssertEqual(missing.status, 64, missing.output + missing.errors)
        XCTAssertTrue(missing.errors.contains("cannot read the checkpoints"), missing.errors)
        try evidence.writeCheckpoints([])
        try "witness cnrs \(evidence.log.verifierKey)\nquorum cnrs\n"
            .write(toFile: evidence.folder.file("policy"), atomically: true, encoding: .utf8)
        let badPolicy = try evidence.verify()
        XCTAssertEqual(badPolicy.status, 64)
        XCTAssertTrue(badPolicy.errors.contains("policy line 1"), badPolicy.errors)
    }
}
