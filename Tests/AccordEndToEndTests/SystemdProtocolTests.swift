import Foundation
import XCTest

/// The daemon's side of systemd's protocols, against the real binary: readiness, status, watchdog, reload,
/// stopping, and socket activation through systemd-socket-activate.
final class SystemdProtocolTests: XCTestCase {
    func testNotifiesReadinessStatusWatchdogReloadAndStopping() async throws {
        let folder = try TemporaryFolder()
        let listener = try NotifyListener(path: folder.file("notify.sock"))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "1000000"]
        )
        try daemon.process.run()
        XCTAssertTrue(
            listener.waitFor("READY=1", seconds: 60),
            "no READY=1; got \(listener.messages)\n\(daemon.errors)"
        )
        let readyIndex = try XCTUnwrap(listener.messages.firstIndex { $0.contains("READY=1") })
        XCTAssertTrue(
            listener.messages[..<readyIndex].contains { $0.contains("STATUS=verifying") },
            "a start reports its progress before READY=1: \(listener.messages)"
        )
        let cli = CLIRunner(socketPath: daemon.socketPath)
        XCTAssertEqual(try cli.run(["status"]).exitCode, 0, "READY=1 comes only once the socket answers")
        XCTAssertTrue(listener.waitFor("STATUS=serving", seconds: 10), "\(listener.messages)")
        XCTAssertTrue(
            listener.waitFor("WATCHDOG=1", seconds: 10),
            "the watchdog is pinged at half its interval: \(listener.messages)"
        )

        kill(daemon.process.processIdentifier, SIGHUP)
        XCTAssertTrue(listener.waitFor("RELOADING=1", seconds: 10), "\(listener.messages)")
        let reloadIndex = try XCTUnwrap(listener.messages.lastIndex { $0.contains("RELOADING=1") })
        XCTAssertTrue(listener.messages[reloadIndex].contains("MONOTONIC_USEC="), listener.messages[reloadIndex])
        XCTAssertTrue(listener.waitFor("READY=1", seconds: 10))
        XCTAssertEqual(try cli.run(["status"]).exitCode, 0, "a reload keeps serving")

        let status = try await daemon.stop()
        XCTAssertTrue(listener.waitFor("STOPPING=1", seconds: 10), "\(listener.messages)")
        XCTAssertEqual(status, 0, daemon.errors)
    }

    func testServesOnASocketPassedBySocketActivation() async throws {
        let activate = "/usr/bin/systemd-socket-activate"
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: activate),
            "\(activate) is missing (Debian package systemd)"
        )
        let folder = try TemporaryFolder()
        let socketPath = folder.file("activated.sock")
        let outputPath = folder.file("activate.log")
        let process = try SpawnedProcess(
            [
                activate, "--listen=\(socketPath)", "--fdname=accord",
                BuiltProducts.daemon, "--data-dir", folder.file("data"), "--log-target", "stderr",
            ],
            outputPath: outputPath
        )
        let listening = try await Deadline.poll(seconds: 30) { FileManager.default.fileExists(atPath: socketPath) }
        XCTAssertTrue(listening, "systemd-socket-activate did not create \(socketPath)")

        let cli = CLIRunner(socketPath: socketPath)
        let first = try cli.run([
            "institution", "register", "--id", "cnrs", "--name", "CNRS", "--country", "FR", "--kind",
            "researchOrganisation",
        ])
        XCTAssertEqual(first.exitCode, 0, "the first call activates the daemon: \(first.standardError)")
        let listed = try cli.run(["institution", "list", "--json"])
        XCTAssertTrue(listed.standardOutput.contains("cnrs"), listed.standardOutput)

        kill(process.processIdentifier, SIGTERM)
        let exited = try await Deadline.poll(seconds: 30) { !process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertEqual(process.exitCode, 0, "accordd exits 0 on SIGTERM")
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        XCTAssertTrue(
            output.contains("inherited socket \"accord\""),
            "it served on the inherited socket, not a path of its own:\n\(output)"
        )
        XCTAssertTrue(FileManager.default.fileExists(atPath: socketPath), "an inherited socket is never unlinked")
    }
}
