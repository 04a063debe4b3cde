import Foundation
import PostgresTestSupport
import XCTest

/// A primary and a streaming standby on this machine (two PostgreSQL clusters on two sockets, the standby
/// synchronous with `remote_apply`): accordd writes on the primary, a `--read-only` accordd serves the standby and
/// refuses commands; the primary's accordd and PostgreSQL are killed during appends, the standby is promoted, a
/// writer starts there and every acknowledged event is in its chain. The checkpoints the primary signed reach the
/// standby with the records: it serves and verifies them, and the new primary verifies against them and extends them.

final class PostgresStandbyTests: XCTestCase {
    func testAStandbyServesReadsRefusesCommandsAndTakesOverWithEveryAcknowledgedEvent() async throws {
        guard PostgresCluster.shared != nil else { throw XCTSkip(PostgresCluster.unavailableReason) }
        let primary = try PostgresCluster()
        defer { primary.stop() }
        let standby = try PostgresCluster(standbyOf: primary)
        defer { standby.stop() }
        try primary.set("synchronous_standby_names", "*")
        try primary.set("synchronous_commit", "remote_apply")
        try primary.sql("CREATE DATABASE accord")
        let folder = try TemporaryFolder()
        // The primary signs only when asked, so that the standby's head can be past its latest checkpoint.
        try Data(#"{"checkpointIntervalSeconds": 86400}"#.utf8).write(to: URL(fileURLWithPath: folder.file("primary.json")))
        let writer = try DaemonProcess(
            socketPath: folder.file("primary.sock"),
            dataDirectory: folder.file("data-primary"),
            extraArguments: ["--store", primary.url(database: "accord"), "--config", folder.file("primary.json")]
        )
        try await writer.start()
        XCTAssertTrue(writer.errors.contains("remote_apply"), "the start logs what an acknowledgement means")
        // The pair signs with one key: the standby gets the primary's when it is set up (docs/operations.md).
        try PostgresStandbyTests.copySigningKey(from: folder.file("data-primary"), to: folder.file("data-standby"))
        var reader = try DaemonProcess(
            socketPath: folder.file("standby.sock"),
            dataDirectory: folder.file("data-standby"),
            extraArguments: ["--store", standby.url(database: "accord"), "--read-only"]
        )
        try await reader.start()

        try ReadmeWalkthroughTests.runWalkthrough(socketPath: writer.socketPath, temporaryFolder: folder.path)
        let onPrimary = CLIRunner(socketPath: writer.socketPath)
        let onStandby = CLIRunner(socketPath: reader.socketPath)
        let primaryHead = try PostgresStandbyTests.head(onPrimary)
        let signed = try onPrimary.run(["checkpoint", "--sign"])
        XCTAssertEqual(signed.exitCode, 0, signed.standardError)
        let oldCheckpoint = folder.file("old-checkpoint.txt")
        try signed.standardOutput.write(toFile: oldCheckpoint, atomically: true, encoding: .utf8)
        let caughtUp = try await Deadline.poll(seconds: 30) {
            (try? PostgresStandbyTests.head(onStandby)) == primaryHead
                && (try? onStandby.run(["checkpoint"]))?.standardOutput == signed.standardOutput
        }
        XCTAssertTrue(caughtUp, "the standby serves the primary's head \(primaryHead) and its checkpoint")
        let verifiedOnStandby = try onStandby.run(["verify"])
        XCTAssertEqual(verifiedOnStandby.exitCode, 0, verifiedOnStandby.standardOutput + verifiedOnStandby.standardError)
        let proved = try onStandby.run(["prove", "8", "--output", folder.file("standby.proof")])
        XCTAssertEqual(proved.exitCode, 0, proved.standardError)
        // A standby signs nothing: a head past the latest checkpoint waits for the primary's next.
        XCTAssertEqual(try onPrimary.run(PostgresStandbyTests.register("past-the-checkpoint")).exitCode, 0)
        let applied = try await Deadline.poll(seconds: 30) {
            (try? PostgresStandbyTests.head(onStandby)) == primaryHead + 1
        }
        XCTAssertTrue(applied, "the standby serves the record after the checkpoint")
        let signRefused = try onStandby.run(["checkpoint", "--sign", "--json"])
        XCTAssertEqual(signRefused.exitCode, 1, signRefused.standardError)
        XCTAssertTrue(signRefused.standardError.contains(#""code":"store_read_only""#), signRefused.standardError)
        let history = try onStandby.run(["person", "history", "p-0001"])
        XCTAssertEqual(history.exitCode, 0, history.standardError)
        XCTAssertTrue(history.standardOutput.contains("s-2026-001"), history.standardOutput)

        let refused = try onStandby.run(PostgresStandbyTests.register("refused-on-standby"))
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertTrue(refused.standardError.contains("read-only standby"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains(primary.socketDirectory), "names the primary: \(refused.standardError)")

        // An import is refused before anything of it is checked or written, as any command.
        let export = folder.file("primary.jsonl")
        XCTAssertEqual(try onPrimary.run(["export", "--output", export]).exitCode, 0)
        let importRefused = try onStandby.run(["import", export, "--json"])
        XCTAssertEqual(importRefused.exitCode, 1, importRefused.standardError)
        XCTAssertTrue(importRefused.standardError.contains(#""code":"store_read_only""#), importRefused.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("data-standby/import-unfinished.json")))

        // Appends until the primary's machine "dies": its accordd and its PostgreSQL killed together.
        let acknowledged = AcknowledgedIDs()
        let appending = Task.detached {
            for index in 0..<10_000 {
                let id = "i-\(index)"
                guard (try? onPrimary.run(PostgresStandbyTests.register(id)))?.exitCode == 0 else { return }
                acknowledged.append(id)
            }
        }
        _ = try await Deadline.poll(seconds: 60) { acknowledged.all.count >= 20 }
        try await writer.stop(signal: SIGKILL)
        try primary.stopImmediately()
        await appending.value
        let acknowledgedIDs = acknowledged.all
        XCTAssertGreaterThanOrEqual(acknowledgedIDs.count, 20)

        let readerStatus = try await reader.stop()
        XCTAssertEqual(readerStatus, 0, reader.errors)
        try standby.promote()
        reader = try DaemonProcess(
            socketPath: folder.file("new-primary.sock"),
            dataDirectory: folder.file("data-standby"),
            extraArguments: ["--store", standby.url(database: "accord")]
        )
        try await reader.start()
        let newPrimary = CLIRunner(socketPath: reader.socketPath)
        let listed = try newPrimary.run(["institution", "list", "--json"])
        XCTAssertEqual(listed.exitCode, 0, listed.standardError)
        for id in acknowledgedIDs {
            XCTAssertTrue(listed.standardOutput.contains("\"\(id)\""), "acknowledged \(id) is on the new primary")
        }
        let continued = try newPrimary.run(PostgresStandbyTests.register("after-failover"))
        XCTAssertEqual(continued.exitCode, 0, continued.standardError)
        // The chain on the new primary, against the old primary's checkpoints and a new one it signs after them.
        let extended = try newPrimary.run(["verify", "--checkpoint", oldCheckpoint])
        XCTAssertEqual(extended.exitCode, 0, extended.standardOutput + extended.standardError)
        let verified = try newPrimary.run(["verify"])
        XCTAssertEqual(verified.exitCode, 0, verified.standardOutput + verified.standardError)
        let checkpoints = try standby.sql("SELECT count(*) FROM accord_checkpoints", database: "accord")
        XCTAssertGreaterThan(try XCTUnwrap(Int(checkpoints)), 1, "the new primary's checkpoints follow the old one's")
        let newPrimaryStatus = try await reader.stop()
        XCTAssertEqual(newPrimaryStatus, 0, reader.errors)

        try PostgresLedgerCopy.copyAndVerify(standby.url(database: "accord"), to: folder.file("copy"))
    }

    /// Gives the daemon of data folder `to` the checkpoint signing key of the one of `from`, as a pair needs.
    static func copySigningKey(from: String, to: String) throws {
        try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(from)/checkpoint-signing.key", toPath: "\(to)/checkpoint-signing.key")
    }

    static func head(_ cli: CLIRunner) throws -> Int {
        let status = try cli.run(["status", "--json"])
        let head = (status.json as? [String: Any])?["head"] as? [String: Any]
        guard let position = head?["position"] as? Int else { throw ClusterFailure("no head in \(status)") }
        return position
    }

    static func register(_ id: String) -> [String] {
        ["institution", "register", "--id", id, "--name", "Institution \(id)", "--country", "FR", "--kind", "university"]
    }
}
