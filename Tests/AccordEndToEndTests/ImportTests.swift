import AccordAPI
import AccordDomain
import Foundation
import XCTest

/// `accordd --import FILE`: an `accord export` file loaded into an empty ledger, every line verified first.
final class ImportTests: XCTestCase {
    /// A running daemon with the partnership, a correction and an erasure, and its export.
    static func exportedLedger() async throws -> (LedgerFixture, String, [LoggedEvent]) {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.correctSigningDate()
        try ledger.accord(["person", "erase", "p-0001", "--reason", "asked", "--legal-basis", "GDPR art. 17"])
        let file = ledger.folder.file("history.jsonl")
        try ledger.accord(["export", "--output", file])
        let exported = try ImportTests.events(in: String(contentsOfFile: file, encoding: .utf8))
        XCTAssertEqual(exported.count, 10)
        return (ledger, file, exported)
    }

    func testExportImportExportKeepsTheFactsWithTheirProvenanceAndTheErasure() async throws {
        let (ledger, file, exported) = try await ImportTests.exportedLedger()
        XCTAssertTrue(exported.allSatisfy { $0.frame != nil }, "every line carries its record's bytes")
        XCTAssertEqual(try filesHolding("Camille", in: ledger.folder.path), [], "the export holds no erased name")

        let imported = ledger.folder.file("imported")
        let daemon = CLIRunner(socketPath: ledger.folder.file("unused.sock"), executable: BuiltProducts.daemon)
        let result = try daemon.run(["--import", file, "--data-dir", imported])
        XCTAssertEqual(result.exitCode, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("imported 10 events"), result.standardOutput)
        let twice = try daemon.run(["--import", file, "--data-dir", imported])
        XCTAssertEqual(twice.exitCode, 1)
        XCTAssertTrue(twice.standardError.contains("already holds 10 events"), twice.standardError)
        XCTAssertTrue(twice.standardError.contains("import_ledger_not_empty"), twice.standardError)

        let socket = ledger.folder.file("imported.sock")
        let second = try DaemonProcess(socketPath: socket, dataDirectory: imported)
        try await second.start()
        let client = CLIRunner(socketPath: socket)
        let again = try ImportTests.events(in: client.run(["export"]).standardOutput)
        ImportTests.assertSameFacts(again, as: exported)
        XCTAssertEqual(try client.run(["verify"]).exitCode, 0, "the imported log verifies")
        let history = try JSONCoding.decoder.decode(
            PersonHistoryResponse.self,
            from: Data(try client.run(["person", "history", "p-0001", "--json"]).standardOutput.utf8)
        )
        XCTAssertEqual(history.personalDataStatus, .erased)
        XCTAssertEqual(history.history.person.erasure?.reason, "asked")
        XCTAssertEqual(try filesHolding("Camille", in: imported), [], "an erased name stays erased")
        let agreement = try client.run(["agreement", "show", "cnrs-jrc-mou-2026"]).standardOutput
        XCTAssertTrue(agreement.contains("2026-01-07"), "the correction is replayed: \(agreement)")
        _ = try await second.stop()
    }

    func testATamperedLineIsRefusedByNumberAndNothingIsImported() async throws {
        let folder = try TemporaryFolder()
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let file = ledger.folder.file("history.jsonl")
        try ledger.accord(["export", "--output", file])
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let daemon = CLIRunner(socketPath: folder.file("unused.sock"), executable: BuiltProducts.daemon)
        let cases: [(name: String, lines: [String], expected: [String])] = [
            (
                "a changed payload",
                ImportTests.replacing(3, in: lines, ImportTests.renamingJRC),
                ["line 3:", "import_field_mismatch"]
            ),
            (
                "a changed record", try ImportTests.replacing(4, in: lines, ImportTests.flippingAFrameByte),
                ["line 4:", "import_record_damaged"]
            ),
            ("a missing line", Array(lines.prefix(2) + lines.dropFirst(3)), ["line 3:", "import_chain_broken"]),
            (
                "a line without its record", try ImportTests.replacing(2, in: lines, ImportTests.removingTheFrame),
                ["line 2:", "import_frame_missing"]
            ),
            (
                "a line too long", [String(repeating: "x", count: 8 * 1_024 * 1_024 + 1)],
                ["line 1:", "import_line_too_long"]
            ),
        ]
        for (index, tampered) in cases.enumerated() {
            let path = folder.file("tampered-\(index).jsonl")
            try Data((tampered.lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let target = folder.file("data-\(index)")
            let result = try daemon.run(["--import", path, "--data-dir", target])
            XCTAssertEqual(result.exitCode, 65, "\(tampered.name): \(result.standardError)")
            for expected in tampered.expected {
                XCTAssertTrue(result.standardError.contains(expected), "\(tampered.name): \(result.standardError)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: target), "\(tampered.name): nothing appended")
        }
    }

    /// The line with its event's name "JRC …" changed to "JRX …": in its JSON only, not in its base64 frame, which may
    /// spell "JRC" too (it does once a 36-character request id shifts the frame's bytes).
    static func renamingJRC(_ line: String) -> String {
        line.replacingOccurrences(of: #""name":"JRC"#, with: #""name":"JRX"#)
    }

    /// Each event of `copy` is the one of `original` at its position, with the original's place as provenance.
    static func assertSameFacts(
        _ copy: [LoggedEvent],
        as original: [LoggedEvent],
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(copy.count, original.count, file: file, line: line)
        for (original, copy) in zip(original, copy) {
            XCTAssertEqual(copy.position, original.position, file: file, line: line)
            XCTAssertEqual(copy.recordedAt, original.recordedAt, file: file, line: line)
            XCTAssertEqual(copy.author, original.author, file: file, line: line)
            XCTAssertEqual(copy.stream, original.stream, file: file, line: line)
            XCTAssertEqual(copy.requestID, original.requestID, file: file, line: line)
            XCTAssertEqual(copy.event, original.event, "the same fact at \(original.position)", file: file, line: line)
            XCTAssertEqual(
                copy.importedFrom,
                ImportedFrom(
                    position: original.position,
                    recordedAt: original.recordedAt,
                    author: original.author,
                    hash: original.hash
                ),
                "provenance at \(original.position)",
                file: file,
                line: line
            )
        }
    }

    static func events(in text: String) throws -> [LoggedEvent] {
        try text.split(separator: "\n").map { try JSONCoding.decoder.decode(LoggedEvent.self, from: Data($0.utf8)) }
    }

    static func replacing(_ number: Int, in lines: [String], _ change: (String) throws -> String) rethrows
        -> [String]
    {
        var changed = lines
        changed[number - 1] = try change(lines[number - 1])
        return changed
    }

    static func flippingAFrameByte(_ line: String) throws -> String {
        var event = try JSONCoding.decoder.decode(LoggedEvent.self, from: Data(line.utf8))
        var frame = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(event.frame)))
        frame[frame.count / 2] ^= 0x01
        event.frame = frame.base64EncodedString()
        return String(decoding: try JSONCoding.encoder.encode(event), as: UTF8.self)
    }

    private static func removingTheFrame(_ line: String) throws -> String {
        var event = try JSONCoding.decoder.decode(LoggedEvent.self, from: Data(line.utf8))
        event.frame = nil
        return String(decoding: try JSONCoding.encoder.encode(event), as: UTF8.self)
    }
}
