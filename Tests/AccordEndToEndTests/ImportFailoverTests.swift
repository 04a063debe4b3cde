import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import PostgresTestSupport
import XCTest

/// An import begun through one daemon and finished through another that has no marker of it: what a failover
/// mid-import leaves on a PostgreSQL store, where the marker stays in the first daemon's data folder. The ledger's
/// records are exactly the file's first lines, verified by hash, so `accord import FILE` goes on with that file, and
/// only that file.
final class ImportFailoverTests: XCTestCase {
    func testAnImportWhoseMarkerIsGoneResumesWithItsOwnFileOnly() async throws {
        let (source, file, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let target = try LedgerFixture()
        try await target.start()
        try await ImportFailoverTests.importFirstLines(3, of: exported, socketPath: target.socketPath)
        _ = try await target.daemon.stop()
        // The daemon that goes on has a data folder of its own, without the marker.
        try FileManager.default.removeItem(atPath: target.dataDirectory + "/import-unfinished.json")
        try await target.restart()

        // A file whose first lines are not the ledger's is refused, naming the line that does not follow.
        let other = target.folder.file("other.jsonl")
        var changed = exported
        changed[0].event = .institutionRegistered(
            InstitutionRegistered(institutionID: "cnrs", name: "CNRS", country: "FR", kind: .researchOrganisation)
        )
        try ImportRuleTests.write(changed, to: other)
        let refused = try target.cli.run(["import", other])
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("line 4: "), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("not this file's first lines"), refused.standardError)
        XCTAssertFalse(refused.standardError.contains("run `accord import"), "no resume: \(refused.standardError)")
        let refusedJSON = try target.cli.run(["import", other, "--json"])
        XCTAssertTrue(
            refusedJSON.standardError.contains(#""code":"import_ledger_not_empty""#),
            refusedJSON.standardError
        )
        XCTAssertEqual(try ImportThroughDaemonTests.head(target), 3, "nothing of the other file was appended")

        let resumed = try target.accord(["import", file])
        XCTAssertTrue(resumed.standardOutput.contains("imported 7 events (lines 4 to 10)"), resumed.standardOutput)
        XCTAssertTrue(resumed.standardOutput.contains("resuming after line 3"), resumed.standardOutput)
        ImportTests.assertSameFacts(try ImportTests.events(in: target.accord(["export"]).standardOutput), as: exported)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.dataDirectory + "/import-unfinished.json"))
        _ = try await target.daemon.stop()
    }

    /// On PostgreSQL: the writer that imported the first lines stops (as it does when its machine fails), and a
    /// daemon with another data folder takes over the store and finishes the import.
    func testOnPostgreSQLTheNextWriterFinishesAnImportTheFirstBegan() async throws {
        guard let cluster = PostgresCluster.shared else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let (source, file, exported) = try await ImportTests.exportedLedger()
        _ = try await source.daemon.stop()
        let url = try cluster.createDatabase()
        let folder = try TemporaryFolder()
        let first = try DaemonProcess(
            socketPath: folder.file("a.sock"),
            dataDirectory: folder.file("data-a"),
            extraArguments: ["--store", url]
        )
        try await first.start()
        try await ImportFailoverTests.importFirstLines(3, of: exported, socketPath: first.socketPath)
        _ = try await first.stop()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("data-a") + "/import-unfinished.json"))

        let next = try DaemonProcess(
            socketPath: folder.file("b.sock"),
            dataDirectory: folder.file("data-b"),
            extraArguments: ["--store", url]
        )
        try await next.start()
        let cli = CLIRunner(socketPath: next.socketPath)
        let resumed = try cli.run(["import", file])
        XCTAssertEqual(resumed.exitCode, 0, resumed.standardError)
        XCTAssertTrue(resumed.standardOutput.contains("imported 7 events (lines 4 to 10)"), resumed.standardOutput)
        ImportTests.assertSameFacts(try ImportTests.events(in: cli.run(["export"]).standardOutput), as: exported)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("data-b") + "/import-unfinished.json"))
        _ = try await next.stop()
    }

    /// Sends the frames of the file's first `count` lines as one piece, as an import that stopped after it leaves.
    static func importFirstLines(_ count: Int, of exported: [LoggedEvent], socketPath: String) async throws {
        let frames = try exported.map { try XCTUnwrap($0.frame) }
        let client = AccordClient(socketPath: socketPath)
        let request = ImportRequest(
            lines: UInt64(exported.count),
            lastHash: try XCTUnwrap(exported.last).hash,
            frames: Array(frames.prefix(count))
        )
        let report = try client.decode(
            ImportReport.self,
            from: try await client.send(path: ImportRequest.path, body: request)
        )
        XCTAssertEqual(report.importedThrough, UInt64(count))
        XCTAssertFalse(report.complete)
    }
}
