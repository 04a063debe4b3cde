import AccordAPI
import AccordClient
import AccordDomain
import AccordLog
import Foundation
import XCTest

/// An export file whose chain verifies but whose line k holds an event the ledger would have refused as a command:
/// both importers refuse it whole, naming the line, the event and the rule, and append nothing.
final class ImportRuleTests: XCTestCase {
    /// Files of the exported partnership (lines: 1 cnrs, 2 jrc, 3 ispra, 4 petten, 5 the agreement, 6 p-0001,
    /// 7 the secondment, 8 the grant, 9 the correction of line 5, 10 the erasure) rewritten so that one line breaks
    /// a rule, each with the line, the event type and the rule's code its refusal must name.
    static func rulebreakingFiles(_ exported: [LoggedEvent]) throws
        -> [(name: String, events: [LoggedEvent], line: Int, type: String, rule: String)]
    {
        var twice = exported
        twice[1].event = exported[0].event
        let unregistered = Array(exported.prefix(5)) + [exported[6]] + Array(exported.dropFirst(7))
        var correction = exported
        guard case .eventCorrected(var corrected) = exported[8].event else {
            XCTFail("line 9 of the fixture is no longer the correction: \(exported[8].event.typeName)")
            return []
        }
        corrected.position = 42
        correction[8].event = .eventCorrected(corrected)
        var badID = exported
        guard case .institutionRegistered(var institution) = exported[0].event else {
            XCTFail("line 1 of the fixture is no longer an institution: \(exported[0].event.typeName)")
            return []
        }
        institution.institutionID = "CNRS!"
        badID[0].event = .institutionRegistered(institution)
        var misplaced = Array(exported.prefix(8)) + [exported[8]]
        misplaced[8].event = .eventRetracted(
            EventRetracted(position: 8, stream: "agreement/cnrs-jrc-mou-2026", reason: "r")
        )
        return [
            ("a second registration of the same id", twice, 2, "InstitutionRegistered", "duplicate_id"),
            ("a retraction in another stream than its event's", misplaced, 9, "EventRetracted", "stream_mismatch"),
            ("a secondment of a person never registered", unregistered, 6, "SecondmentStarted", "unknown_person"),
            ("a correction of a position that does not exist", correction, 9, "EventCorrected", "unknown_position"),
            ("an id its fields refuse", badID, 1, "InstitutionRegistered", "invalid_id"),
        ]
    }

    func testARuleBrokenOnALineOfAVerifiedChainRefusesTheWholeFileOffline() async throws {
        let (source, _, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let folder = try TemporaryFolder()
        let daemon = CLIRunner(socketPath: folder.file("unused.sock"), executable: BuiltProducts.daemon)
        for (index, file) in try ImportRuleTests.rulebreakingFiles(exported).enumerated() {
            let path = folder.file("rule-\(index).jsonl")
            try ImportRuleTests.write(file.events, to: path)
            let target = folder.file("data-\(index)")
            let result = try daemon.run(["--import", path, "--data-dir", target])
            XCTAssertEqual(result.exitCode, 65, "\(file.name): \(result.standardError)")
            for expected in [
                "line \(file.line):", "the \(file.type) at position \(file.line)", file.rule, "import_rule_broken",
            ] {
                XCTAssertTrue(result.standardError.contains(expected), "\(file.name): \(result.standardError)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: target), "\(file.name): nothing appended")
        }
    }

    func testARuleBrokenOnALineIsRefusedByTheCommandAndByTheDaemonWithNothingImported() async throws {
        let (source, _, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let target = try LedgerFixture()
        try await target.start()
        let client = AccordClient(socketPath: target.socketPath)
        for (index, file) in try ImportRuleTests.rulebreakingFiles(exported).enumerated() {
            let path = target.folder.file("rule-\(index).jsonl")
            let lines = try ImportRuleTests.write(file.events, to: path)
            let refused = try target.cli.run(["import", path])
            XCTAssertEqual(refused.exitCode, 1, "\(file.name): \(refused.standardError)")
            for expected in [
                "\(path): line \(file.line):", "the \(file.type) at position \(file.line)", file.rule,
                "import_rule_broken",
            ] {
                XCTAssertTrue(refused.standardError.contains(expected), "\(file.name): \(refused.standardError)")
            }
            XCTAssertEqual(try ImportThroughDaemonTests.head(target), 0, "\(file.name): nothing was sent")

            // The daemon checks for itself: the same frames sent without the command's first pass.
            let request = ImportRequest(
                lines: UInt64(lines.count),
                lastHash: try XCTUnwrap(lines.last).hash,
                frames: try lines.map { try XCTUnwrap($0.frame) }
            )
            do {
                _ = try await client.send(path: ImportRequest.path, body: request)
                XCTFail("\(file.name): the daemon took it")
            } catch {
                XCTAssertEqual(error.code, "import_rule_broken", "\(file.name): \(error.message)")
                XCTAssertTrue(error.message.hasPrefix("line \(file.line): "), "\(file.name): \(error.message)")
                XCTAssertTrue(error.message.contains("[\(file.rule)]"), "\(file.name): \(error.message)")
            }
            XCTAssertEqual(try ImportThroughDaemonTests.head(target), 0, "\(file.name): nothing was appended")
        }
        // Nothing of the refused imports holds the ledger: commands are taken.
        try target.accord([
            "institution", "register", "--id", "kit", "--name", "KIT", "--country", "DE", "--kind", "university",
        ])
        _ = try await target.daemon.stop()
    }

    /// Writes `events` as an export file at positions 1, 2, ..., each record framed again after the one before (its
    /// original fields, the event as given), so that the chain verifies whatever the events say; returns the lines.
    @discardableResult
    static func write(_ events: [LoggedEvent], to path: String) throws -> [LoggedEvent] {
        var previousHash = LogFormat.genesisHash
        var lines: [LoggedEvent] = []
        for (index, var event) in events.enumerated() {
            var draft = try Record(frame: Array(try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(event.frame))))).draft
            draft.eventType = event.event.typeName
            draft.streamID = event.event.streamID
            draft.payload = Array(try event.event.encodedPayload())
            let (bytes, record) = try Record.chained(draft, position: UInt64(index + 1), previousHash: previousHash)
            event.position = record.position
            event.stream = record.streamID
            event.previousHash = record.previousHashHex
            event.hash = record.hashHex
            event.frame = Data(bytes).base64EncodedString()
            previousHash = record.hash
            lines.append(event)
        }
        let text = try lines.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) + "\n" }
        try Data(text.joined().utf8).write(to: URL(fileURLWithPath: path))
        return lines
    }
}
