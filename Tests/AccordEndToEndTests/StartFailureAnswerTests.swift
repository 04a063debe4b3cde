import Foundation
import XCTest

/// A socket-activated start that cannot succeed (exit 78 or 65) answers the waiting client with the reason, so its
/// queued connection does not trigger start after start until systemd's start limit takes the socket down.
final class StartFailureAnswerTests: XCTestCase {
    func testWaitingClientIsToldTheConfigurationIsWrong() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"maximumConnections": 0}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let (refused, exitCode) = try await activateAndAsk(in: folder, daemonArguments: ["--config", configuration])
        XCTAssertTrue(
            refused.standardError.contains("accordd cannot start: \(configuration): maximumConnections is 0"),
            refused.standardError
        )
        XCTAssertEqual(exitCode, 78, "a configuration error is EX_CONFIG")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("data/ledger.log")), "nothing was opened")
    }

    func testWaitingClientIsToldTheLogIsMissing() async throws {
        let folder = try TemporaryFolder()
        let personalData = folder.file("data/personal-data")
        try FileManager.default.createDirectory(atPath: personalData, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(personalData)/sha256-00.json"))
        let (refused, exitCode) = try await activateAndAsk(in: folder, daemonArguments: [])
        XCTAssertTrue(refused.standardError.contains("accordd cannot start:"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains("no ledger.log"), refused.standardError)
        XCTAssertEqual(exitCode, 65, "a lost log is EX_DATAERR")
    }

    /// Starts accordd under systemd-socket-activate, runs `accord status` (which activates it), and returns the
    /// client's result (already checked to be "unreachable", 3) and the daemon's exit code.
    private func activateAndAsk(in folder: TemporaryFolder, daemonArguments: [String]) async throws
        -> (CommandResult, Int32?)
    {
        let activate = "/usr/bin/systemd-socket-activate"
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: activate),
            "\(activate) is missing (Debian package systemd)"
        )
        let socketPath = folder.file("activated.sock")
        let process = try SpawnedProcess(
            [
                activate, "--listen=\(socketPath)", "--fdname=accord",
                BuiltProducts.daemon, "--data-dir", folder.file("data"), "--log-target", "stderr",
            ] + daemonArguments,
            outputPath: folder.file("activate.log")
        )
        let listening = try await Deadline.poll(seconds: 30) { FileManager.default.fileExists(atPath: socketPath) }
        XCTAssertTrue(listening, "systemd-socket-activate did not create \(socketPath)")
        let refused = try CLIRunner(socketPath: socketPath).run(["status", "--timeout", "20"])
        XCTAssertEqual(refused.exitCode, 3, refused.standardError)
        let exited = try await Deadline.poll(seconds: 30) { !process.isRunning }
        XCTAssertTrue(exited)
        return (refused, process.exitCode)
    }
}
