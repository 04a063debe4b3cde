import AccordAPI
import AccordClient
import Foundation
import Synchronization
import XCTest

/// Commands sent while `accord import FILE` starts: the engine decides them and the import's start under one lock,
/// so either the commands come first and the import is refused, or the import is under way and they are refused;
/// never a ledger with a marker it cannot get past.
final class ImportGateRaceTests: XCTestCase {
    func testCommandsSentWhileAnImportStartsNeverLeaveTheLedgerStuck() async throws {
        let source = try LedgerFixture()
        try await source.start()
        let sourceClient = AccordClient(socketPath: source.socketPath)
        for batch in 0..<12 {
            let commands = (0..<100).map { index in
                #"{"command": "institution.register", "body": {"institutionID": "i-\#(batch)-\#(index)", "name": "Institution", "country": "FR", "kind": "university"}}"#
            }
            let body = #"{"commands": [\#(commands.joined(separator: ","))]}"#
            _ = try await sourceClient.send(path: BatchRoute.path, json: Array(body.utf8))
        }
        let file = source.folder.file("history.jsonl")
        try source.accord(["export", "--output", file])
        _ = try await source.daemon.stop()
        // Commands sent from the start (most often recorded before the import begins), then sent from the moment
        // its marker appears (most often refused until it is complete): each outcome must leave a usable ledger.
        try await race(file, sendersWaitForTheMarker: false)
        try await race(file, sendersWaitForTheMarker: true)
    }

    private func race(_ file: String, sendersWaitForTheMarker: Bool) async throws {
        let target = try LedgerFixture()
        try await target.start()
        let importEnded = ImportEnded()
        let client = AccordClient(socketPath: target.socketPath)
        let path = try XCTUnwrap(CommandRoute.named("institution.register")).path(id: nil)
        let marker = target.dataDirectory + "/import-unfinished.json"
        let senders = Task {
            await withTaskGroup(of: [String].self) { group in
                for sender in 0..<8 {
                    group.addTask {
                        var codes: [String] = []
                        var attempt = 0
                        let deadline = ContinuousClock.now + .seconds(60)
                        while sendersWaitForTheMarker, !importEnded.value.withLock({ $0 }),
                            !FileManager.default.fileExists(atPath: marker), ContinuousClock.now < deadline
                        {
                            try? await Task.sleep(for: .milliseconds(1))
                        }
                        while !importEnded.value.withLock({ $0 }) && attempt < 400 {
                            let body = #"{"institutionID": "t-\#(sender)-\#(attempt)", "name": "T", "country": "DE", "kind": "other"}"#
                            do throws(ClientError) {
                                _ = try await client.send(path: path, json: Array(body.utf8))
                                codes.append("recorded")
                            } catch {
                                codes.append(error.code)
                            }
                            attempt += 1
                        }
                        return codes
                    }
                }
                var all: [String] = []
                for await codes in group { all += codes }
                return all
            }
        }
        let imported = try target.cli.run(["import", file, "--json"])
        importEnded.value.withLock { $0 = true }
        let outcomes = await senders.value
        let recorded = outcomes.filter { $0 == "recorded" }.count
        XCTAssertEqual(
            Set(outcomes).subtracting(["recorded", "import_unfinished"]),
            [],
            "a command was refused for another reason: \(Set(outcomes))"
        )
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "no marker is left behind")
        let head = try ImportGateRaceTests.head(target)
        if imported.exitCode == 0 {
            XCTAssertEqual(head, 1_200 + UInt64(recorded), "the file whole, then the commands taken after it")
            let ledger = try ImportTests.events(in: target.accord(["export"]).standardOutput)
            let lines = try ImportTests.events(in: String(contentsOfFile: file, encoding: .utf8))
            ImportTests.assertSameFacts(Array(ledger.prefix(lines.count)), as: lines)
        } else {
            XCTAssertTrue(imported.standardError.contains(#""code":"import_ledger_not_empty""#), imported.standardError)
            XCTAssertEqual(head, UInt64(recorded), "only the commands, nothing of the file")
            XCTAssertFalse(outcomes.contains("import_unfinished"), "commands were refused, yet nothing was imported")
        }
        print("senders waiting for the marker: \(sendersWaitForTheMarker); import exit \(imported.exitCode); \(recorded) commands recorded, \(outcomes.count - recorded) refused")

        try await target.restart()
        try target.accord(["institution", "register", "--id", "after", "--name", "A", "--country", "DE", "--kind", "other"])
        XCTAssertEqual(try ImportGateRaceTests.head(target), head + 1, "commands are taken after a restart")
        _ = try await target.daemon.stop()
    }

    func testTheOfflineImportRefusesAFolderWhereAnImportThroughTheDaemonIsUnfinished() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let marker = #"{"lastHash":"\#(String(repeating: "a", count: 64))","lines":7}"#
        try Data(marker.utf8).write(to: URL(fileURLWithPath: data + "/import-unfinished.json"))
        let file = folder.file("history.jsonl")
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: file))
        let daemon = CLIRunner(socketPath: folder.file("unused.sock"), executable: BuiltProducts.daemon)
        let refused = try daemon.run(["--import", file, "--data-dir", data])
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("import_unfinished"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains(data + "/import-unfinished.json"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("run `accord import FILE`"), refused.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/ledger.log"), "nothing was written")
    }

    private static func head(_ ledger: LedgerFixture) throws -> UInt64 {
        let status = try ledger.accord(["status", "--json"]).standardOutput
        return try JSONCoding.decoder.decode(StatusReport.self, from: Data(status.utf8)).head.position
    }
}

/// Tells the command senders that the import's command has ended.
private final class ImportEnded: Sendable {
    let value = Mutex(false)
}
