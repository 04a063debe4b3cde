import AccordProof
import AccordTransparency
import Crypto
import Foundation
import XCTest

@testable import AccordLog

/// The tampering matrix on logs written by the real daemon: each change is caught at start (exit 65), by
/// `accord verify --log` (exit 1) and by verify.py (exit 1), and each names where.
final class TamperingTests: XCTestCase {
    private func assertCaught(
        _ fixture: ProofFixture,
        start expected: String,
        offline place: String,
        python pythonPlace: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async throws {
        let errors = try await fixture.refusedStart(file: file, line: line)
        XCTAssertTrue(errors.contains(expected), "start:\n\(errors)", file: file, line: line)
        let offline = try fixture.offlineVerify()
        XCTAssertEqual(offline.exitCode, 1, offline.standardOutput + offline.standardError, file: file, line: line)
        XCTAssertTrue(offline.standardOutput.contains("manipulation"), offline.standardOutput, file: file, line: line)
        XCTAssertTrue(
            offline.standardOutput.contains(place),
            "accord verify --log names \(place):\n\(offline.standardOutput)",
            file: file,
            line: line
        )
        let python = try fixture.verifyPy()
        XCTAssertEqual(python.exitCode, 1, python.standardOutput, file: file, line: line)
        XCTAssertTrue(python.standardOutput.contains("MANIPULATION"), python.standardOutput, file: file, line: line)
        XCTAssertTrue(
            python.standardOutput.contains(pythonPlace),
            "verify.py names \(pythonPlace):\n\(python.standardOutput)",
            file: file,
            line: line
        )
    }

    func testTheUntouchedLogPassesEveryCheck() async throws {
        let fixture = try await ProofFixture.signed()
        XCTAssertEqual(try fixture.offlineVerify().exitCode, 0)
        let python = try fixture.verifyPy()
        XCTAssertEqual(python.exitCode, 0, python.standardOutput)
        fixture.ledger.daemon = try DaemonProcess(
            socketPath: fixture.ledger.socketPath,
            dataDirectory: fixture.ledger.dataDirectory
        )
        try await fixture.ledger.start()
        XCTAssertEqual(try fixture.ledger.cli.run(["verify"]).exitCode, 0)
    }

    func testAFlippedByte() async throws {
        let fixture = try await ProofFixture.signed()
        try fixture.tamper { frames in frames[3][40] ^= 0x01 }
        try await assertCaught(fixture, start: "damaged at record 4", offline: "position 4", python: "position 4,")
    }

    func testARemovedRecord() async throws {
        let fixture = try await ProofFixture.signed()
        try fixture.tamper { frames in frames.remove(at: 4) }
        try await assertCaught(fixture, start: "position", offline: "position 5", python: "position 5,")
    }

    func testSwappedRecords() async throws {
        let fixture = try await ProofFixture.signed()
        try fixture.tamper { frames in frames.swapAt(2, 3) }
        try await assertCaught(fixture, start: "position", offline: "position 3", python: "position 3,")
    }

    func testATruncatedTailOfAcknowledgedRecords() async throws {
        let fixture = try await ProofFixture.signed()
        try fixture.tamper { frames in frames.removeLast(2) }
        try await assertCaught(
            fixture,
            start: "log_shorter_than_checkpoint",
            offline: "position 7",
            python: "from position 7"
        )
    }

    func testARewriteWithTheWholeChainRecomputed() async throws {
        let fixture = try await ProofFixture.signed()
        try fixture.tamper { frames in
            try ProofFixture.rewrite(&frames, position: 8) { payload in
                payload.replacingOccurrences(of: "2026-06-30", with: "2036-06-30")
                    .replacingOccurrences(of: "irradiation experiment", with: "unrestricted access")
            }
        }
        // The chain alone no longer sees it.
        XCTAssertNoThrow(try LogReader.open(path: .init(fixture.logPath)).verify())
        try await assertCaught(
            fixture,
            start: "first position that disagrees is 8",
            offline: "between positions 1 and 8",
            python: "to 8"
        )
    }

    func testAForgedCheckpointAndACheckpointOfAnotherOrigin() async throws {
        let fixture = try await ProofFixture.signed()
        let good = try String(contentsOfFile: fixture.checkpointsPath, encoding: .utf8)
        let body = try SignedNote(parsing: try XCTUnwrap(CheckpointStore.notes(inText: good).last)).text
        let origin = fixture.key.components(separatedBy: "+")[0]

        // Forged: the right origin, signed by another key under the log's name.
        let forger = try NoteSigner(name: origin, privateKey: Curve25519.Signing.PrivateKey())
        let forged = try Checkpoint(parsing: body.replacingOccurrences(of: "\n8\n", with: "\n9\n")).signed(by: forger)
        try (good + forged.serialized + "\n").write(toFile: fixture.checkpointsPath, atomically: true, encoding: .utf8)
        let forgedStart = try await fixture.refusedStart()
        XCTAssertTrue(forgedStart.contains("checkpoint_store_damaged"), forgedStart)
        try (good + forged.serialized + "\n").write(
            toFile: "\(fixture.evidence)/checkpoints",
            atomically: true,
            encoding: .utf8
        )
        let offline = try fixture.offlineVerify()
        XCTAssertEqual(offline.exitCode, 1)
        XCTAssertTrue(offline.standardOutput.contains("checkpoint_forged"), offline.standardOutput)
        XCTAssertEqual(try fixture.verifyPy().exitCode, 1)

        // Another origin, signed with the log's own key: it belongs to another log.
        let seed = try String(contentsOfFile: "\(fixture.ledger.dataDirectory)/checkpoint-signing.key", encoding: .utf8)
        let logSigner = try NoteSigner(
            name: origin,
            privateKey: try Curve25519.Signing.PrivateKey(
                rawRepresentation: try XCTUnwrap(
                    Data(base64Encoded: seed.trimmingCharacters(in: .whitespacesAndNewlines))
                )
            )
        )
        let elsewhere = try Checkpoint(parsing: body.replacingOccurrences(of: origin, with: "other.example/ledger"))
        let other = SignedNote(text: elsewhere.body, signatures: [try logSigner.sign(text: elsewhere.body)])
        try (good + other.serialized + "\n").write(
            toFile: "\(fixture.evidence)/checkpoints",
            atomically: true,
            encoding: .utf8
        )
        let otherOrigin = try fixture.offlineVerify()
        XCTAssertEqual(otherOrigin.exitCode, 1)
        XCTAssertTrue(otherOrigin.standardOutput.contains("checkpoint_other_origin"), otherOrigin.standardOutput)
        XCTAssertEqual(try fixture.verifyPy().exitCode, 1)
    }
}
