import Foundation
import XCTest

/// A socket-activated start that cannot succeed (exit 78) answers the waiting client with the reason, so its
/// queued connection does not trigger start after start until systemd's start limit takes the socket down.
final class StartFailureAnswerTests: XCTestCase {
    func testWaitingClientIsToldWhyTheDaemonCannotStart() async throws {
        let activate = "/usr/bin/systemd-socket-activate"
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: activate),
            "\(activate) is missing (Debian package systemd)"
        )
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"maximumConnections": 0}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let socketPath = folder.file("activated.sock")
        let process = try SpawnedProcess(
            [
                activate, "--listen=\(socketPath)", "--fdname=accord",
                BuiltProducts.daemon, "--data-dir", folder.file("data"), "--log-target", "stderr",
                "--config", configuration,
            ],
            outputPath: folder.file("activate.log")
        )
        let listening = try await Deadline.poll(seconds: 30) { FileManager.default.fileExists(atPath: socketPath) }
        XCTAssertTrue(listening, "systemd-socket-activate did not create \(socketPath)")

        let refused = try CLIRunner(socketPath: socketPath).run(["status", "--timeout", "20"])
        XCTAssertEqual(refused.exitCode, 3, refused.standardError)
        XCTAssertTrue(
            refused.standardError.contains("accordd cannot start: \(configuration): maximumConnections is 0"),
            refused.standardError
        )
        let exited = try await Deadline.poll(seconds: 30) { !process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertEqual(process.exitCode, 78, "a configuration error is EX_CONFIG")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("data/ledger.log")), "nothing was opened")
    }
}
