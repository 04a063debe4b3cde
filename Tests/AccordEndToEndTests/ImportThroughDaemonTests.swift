import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

/// `accord import FILE` (POST /v1/import): an export of one running daemon loaded into another running one.
final class ImportThroughDaemonTests: XCTestCase {
    func testAnExportIsImportedIntoARunningDaemonWithItsProvenanceAndARepeatChangesNothing() async throws {
        let (source, file, exported) = try await ImportTests.exportedLedger()
        let target = try LedgerFixture()
        try await target.start()

        let imported = try target.accord(["import", file])
        XCTAssertTrue(imported.standardOutput.contains("imported 10 events (lines 1 to 10)"), imported.standardOutput)
        ImportTests.assertSameFacts(try ImportTests.events(in: target.accord(["export"]).standardOutput), as: exported)
        let detail = try target.accord(["log", "--event", "3"]).standardOutput
        XCTAssertTrue(
            detail.contains("imported  from position 3 of the exported ledger, hash \(exported[2].hash)"),
            detail
        )
        XCTAssertEqual(try target.cli.run(["verify"]).exitCode, 0, "the imported log verifies")
        let history = try JSONCoding.decoder.decode(
            PersonHistoryResponse.self,
            from: Data(try target.accord(["person", "history", "p-0001", "--json"]).standardOutput.utf8)
        )
        XCTAssertEqual(history.history.person.erasure?.reason, "asked", "the erasure comes with the file")

        let again = try target.accord(["import", file])
        XCTAssertTrue(again.standardOutput.contains("is imported already"), again.standardOutput)
        XCTAssertEqual(try target.accord(["export"]).standardOutput.split(separator: "\n").count, 10, "nothing added")
        try target.accord([
            "institution", "register", "--id", "kit", "--name", "KIT", "--country", "DE", "--kind", "university",
        ])

        let intoItsOwn = try source.cli.run(["import", file, "--json"])
        XCTAssertEqual(intoItsOwn.exitCode, 1, intoItsOwn.standardError)
        XCTAssertTrue(intoItsOwn.standardError.contains(#""code":"import_ledger_not_empty""#), intoItsOwn.standardError)
        XCTAssertTrue(intoItsOwn.standardError.contains("already holds 10 events"), intoItsOwn.standardError)
        _ = try await source.daemon.stop()
        _ = try await target.daemon.stop()
    }

    func testABadLineIsRefusedByNumberHereAndAtTheDaemonWithNothingImported() async throws {
        let (source, file, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let target = try LedgerFixture()
        try await target.start()
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let tampered = target.folder.file("tampered.jsonl")
        let changed = ImportTests.replacing(4, in: lines, ImportTests.renamingJRC)
        try Data((changed.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: tampered))

        let refused = try target.cli.run(["import", tampered])
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("line 4:"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("import_field_mismatch"), refused.standardError)
        XCTAssertEqual(try ImportThroughDaemonTests.head(target), 0, "nothing was sent")

        // The daemon checks for itself: a frame changed in flight is refused by its line, nothing appended.
        let frames = try exported.map { try XCTUnwrap($0.frame) }
        var damaged = frames
        damaged[1] = try ImportTests.flippingAFrameByte(lines[1]).frameText()
        let client = AccordClient(socketPath: target.socketPath)
        let request = ImportRequest(lines: 10, lastHash: exported[9].hash, frames: damaged)
        do {
            _ = try await client.send(path: ImportRequest.path, body: request)
            XCTFail("a damaged frame was taken")
        } catch {
            XCTAssertEqual(error.code, "import_record_damaged", error.message)
            XCTAssertTrue(error.message.hasPrefix("line 2: "), error.message)
        }
        let skipping = ImportRequest(lines: 10, lastHash: exported[9].hash, frames: Array(frames.dropFirst()))
        do {
            _ = try await client.send(path: ImportRequest.path, body: skipping)
            XCTFail("a piece that does not start at the next line was taken")
        } catch {
            XCTAssertEqual(error.code, "import_chain_broken", error.message)
            XCTAssertTrue(error.message.hasPrefix("line 1: "), error.message)
        }
        XCTAssertEqual(try ImportThroughDaemonTests.head(target), 0, "nothing was appended")
        try target.accord([
            "institution", "register", "--id", "kit", "--name", "KIT", "--country", "DE", "--kind", "university",
        ])
        _ = try await target.daemon.stop()
    }

    func testAnInterruptedImportRefusesCommandsAcrossARestartAndTheSameCommandFinishesIt() async throws {
        let (source, file, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let target = try LedgerFixture()
        try await target.start()
        // What an import that stopped after its first piece leaves: lines 1 to 3 in, the rest not.
        let frames = try exported.map { try XCTUnwrap($0.frame) }
        let client = AccordClient(socketPath: target.socketPath)
        let first = try client.decode(
            ImportReport.self,
            from: try await client.send(
                path: ImportRequest.path,
                body: ImportRequest(lines: 10, lastHash: exported[9].hash, frames: Array(frames.prefix(3)))
            )
        )
        XCTAssertEqual(first.appended, 3)
        XCTAssertEqual(first.importedThrough, 3)
        XCTAssertFalse(first.complete)

        let register = [
            "institution", "register", "--id", "kit", "--name", "KIT", "--country", "DE", "--kind", "university",
        ]
        let refused = try target.cli.run(register + ["--json"])
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains(#""code":"import_unfinished""#), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("holds 3 of its lines"), refused.standardError)
        let status = try target.cli.run(["status", "--json"])
        XCTAssertEqual(status.exitCode, 4, "an unfinished import is unhealthy: \(status.standardOutput)")
        let problems = ((status.json as? [String: Any])?["health"] as? [String: Any])?["problems"] as? [String] ?? []
        XCTAssertTrue(
            problems.contains {
                $0.contains(target.dataDirectory + "/import-unfinished.json") && $0.contains("holds 3 of the 10 lines")
                    && $0.contains("run `accord import FILE` again")
            },
            "\(problems)"
        )
        try await target.restart()
        let stillRefused = try target.cli.run(register + ["--json"])
        XCTAssertTrue(
            stillRefused.standardError.contains(#""code":"import_unfinished""#),
            "after a restart: \(stillRefused.standardError)"
        )
        let other = ImportRequest(lines: 2, lastHash: exported[1].hash, frames: [])
        do {
            _ = try await client.send(path: ImportRequest.path, body: other)
            XCTFail("another file's import was taken while one is unfinished")
        } catch {
            XCTAssertEqual(error.code, "import_other_unfinished", error.message)
        }

        let resumed = try target.accord(["import", file])
        XCTAssertTrue(
            resumed.standardOutput.contains("imported 7 events (lines 4 to 10)"),
            resumed.standardOutput
        )
        XCTAssertTrue(resumed.standardOutput.contains("resuming after line 3"), resumed.standardOutput)
        ImportTests.assertSameFacts(try ImportTests.events(in: target.accord(["export"]).standardOutput), as: exported)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.dataDirectory + "/import-unfinished.json"))
        try target.accord(register)
        XCTAssertEqual(try target.cli.run(["status"]).exitCode, 0, "healthy once the import is finished")
        _ = try await target.daemon.stop()
    }


    static func head(_ ledger: LedgerFixture) throws -> UInt64 {
        let status = try ledger.accord(["status", "--json"]).standardOutput
        return try JSONCoding.decoder.decode(StatusReport.self, from: Data(status.utf8)).head.position
    }
}

extension String {
    /// The `frame` of an export line.
    fileprivate func frameText() throws -> String {
        try XCTUnwrap(try JSONCoding.decoder.decode(LoggedEvent.self, from: Data(utf8)).frame)
    }
}
