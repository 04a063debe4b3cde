import Foundation
import XCTest

/// `accord reload` (what `systemctl reload accordd` runs) answers only once the file is in force, fails with the
/// reason when it is refused, and `accordd --check-config` applies the same rules without starting anything.
final class ReloadCommandTests: XCTestCase {
    func testReloadWaitsForTheNewSettingsAndFailsWithTheReason() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try write(#"{"logLevel": "info"}"#, to: configuration)
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        let cli = CLIRunner(socketPath: daemon.socketPath)

        try write(#"{"maximumConnections": 17, "logLevel": "debug"}"#, to: configuration)
        let applied = try cli.run(["reload", "--json"])
        XCTAssertEqual(applied.exitCode, 0, applied.standardError)
        let report = try XCTUnwrap(applied.json as? [String: Any], applied.standardOutput)
        XCTAssertEqual(report["maximumConnections"] as? Int, 17)
        XCTAssertEqual(report["logLevel"] as? String, "debug")
        XCTAssertEqual(report["configurationFile"] as? String, configuration)

        try write(#"{"maximumConnections": 0}"#, to: configuration)
        let refused = try cli.run(["reload"])
        XCTAssertEqual(refused.exitCode, 1, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("maximumConnections is 0"), refused.standardError)
        XCTAssertTrue(daemon.process.isRunning)
        XCTAssertEqual(try cli.run(["status"]).exitCode, 0, "a refused reload keeps serving")

        try write(#"{"maximumConnections": 1}"#, to: configuration)
        let table = try cli.run(["reload"])
        XCTAssertEqual(table.exitCode, 0, table.standardError)
        XCTAssertTrue(table.standardOutput.contains("maximum connections"), table.standardOutput)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    func testCheckConfigValidatesAFileWithoutStarting() throws {
        let folder = try TemporaryFolder()
        let daemon = CLIRunner(socketPath: folder.file("never.sock"), executable: BuiltProducts.daemon)
        let good = folder.file("good.json")
        try write(#"{"maximumBodyBytes": 2048}"#, to: good)
        let valid = try daemon.run(["--check-config", good])
        XCTAssertEqual(valid.exitCode, 0, valid.standardError)
        XCTAssertTrue(valid.standardOutput.contains("maximumBodyBytes 2048"), valid.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("never.sock")), "nothing was started")

        let bad = folder.file("bad.json")
        try write(#"{"maximumBodyBytes": 2048, "colour": "blue"}"#, to: bad)
        let invalid = try daemon.run(["--check-config", bad])
        XCTAssertEqual(invalid.exitCode, 78, invalid.standardError)
        XCTAssertTrue(invalid.standardError.contains("unknown key colour"), invalid.standardError)

        let viaOption = try daemon.run(["--check-config", "--config", bad])
        XCTAssertEqual(viaOption.exitCode, 78, viaOption.standardError)

        let missing = try daemon.run(["--check-config", folder.file("missing.json")])
        XCTAssertEqual(missing.exitCode, 78, missing.standardError)
        XCTAssertTrue(missing.standardError.contains("configuration_unreadable"), missing.standardError)

        let noPolicy = folder.file("no-policy.json")
        try write(#"{"witnessPolicyFile": "\#(folder.file("missing-policy"))"}"#, to: noPolicy)
        let unreadablePolicy = try daemon.run(["--check-config", noPolicy])
        XCTAssertEqual(unreadablePolicy.exitCode, 78, "a start would refuse it: \(unreadablePolicy.standardError)")
        XCTAssertTrue(unreadablePolicy.standardError.contains("witnessPolicyFile"), unreadablePolicy.standardError)

        let stray = try daemon.run([good])
        XCTAssertEqual(stray.exitCode, 64, "a file argument without --check-config is a usage error")
        XCTAssertTrue(stray.standardError.contains("--check-config"), stray.standardError)
        let misspelt = try daemon.run(["--sokcet", folder.file("accord.sock")])
        XCTAssertEqual(misspelt.exitCode, 64, misspelt.standardError)
        XCTAssertTrue(
            misspelt.standardError.contains("\"\(folder.file("accord.sock"))\" was taken as a file argument"),
            "the word a misspelt option left over is named: \(misspelt.standardError)"
        )
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
