import Foundation
import XCTest

/// The daemon listens before it replays its log: a client meanwhile is answered `503 starting` with the start's
/// progress (the CLI waits for it up to its --timeout, then says "accordd is starting: replaying 41%"), and systemd
/// hears READY=1 only after the replay.
final class StartingAnswerTests: XCTestCase {
    func testAClientDuringTheReplayIsToldHowFarTheStartHasCome() async throws {
        let folder = try TemporaryFolder()
        let dataDirectory = folder.file("data")
        let events = 60_000
        let generated = try CLIRunner(
            socketPath: "",
            wrapper: [BuiltProducts.bench, "generate", "--data-dir", dataDirectory, "--events", String(events)]
        ).runWithoutSocket()
        XCTAssertEqual(generated.exitCode, 0, generated.standardError)

        let listener = try NotifyListener(path: folder.file("notify.sock"))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: dataDirectory,
            environment: ["NOTIFY_SOCKET": listener.path]
        )
        try daemon.process.run()
        let client = CLIRunner(socketPath: daemon.socketPath)
        var line: String?
        var progress: [String: Any]?
        var readyBeforeStarting = false
        let seen = try await Deadline.poll(seconds: 120) {
            let ready = listener.received("READY=1")
            if line == nil {
                let text = try client.run(["status", "--timeout", "1"])
                if text.exitCode == 3, text.standardError.contains(/accordd is starting: replaying [1-9][0-9]?%/) {
                    line = text.standardError
                    readyBeforeStarting = readyBeforeStarting || ready
                }
            }
            if progress == nil {
                let json = try client.run(["status", "--json", "--timeout", "1"])
                let error = (try? JSONSerialization.jsonObject(with: Data(json.standardError.utf8)) as? [String: Any])?[
                    "error"] as? [String: Any]
                if json.exitCode == 3, error?["code"] as? String == "starting",
                    let reported = error?["progress"] as? [String: Any], (reported["percent"] as? Int ?? 0) > 0
                {
                    progress = reported
                    readyBeforeStarting = readyBeforeStarting || ready
                }
            }
            return line != nil && progress != nil || !daemon.process.isRunning || ready
        }
        XCTAssertTrue(seen, "no answer within the deadline\n\(daemon.errors)")
        XCTAssertNotNil(line, "no `accordd is starting: replaying N%` before READY=1\n\(daemon.errors)")
        XCTAssertFalse(readyBeforeStarting, "READY=1 came before a 503 starting answer")
        let reported = try XCTUnwrap(progress, "no JSON starting error with progress before READY=1")
        XCTAssertEqual(reported["phase"] as? String, "verifying")
        XCTAssertEqual(reported["unit"] as? String, "bytes")
        let completed = try XCTUnwrap(reported["completed"] as? Int)
        let total = try XCTUnwrap(reported["total"] as? Int)
        XCTAssertGreaterThan(completed, 0)
        XCTAssertLessThanOrEqual(completed, total)
        XCTAssertEqual(reported["percent"] as? Int, completed * 100 / total)
        XCTAssertGreaterThan(reported["eventsReplayed"] as? Int ?? 0, 0)
        XCTAssertLessThan(reported["eventsReplayed"] as? Int ?? events, events)
        XCTAssertFalse(line?.contains("NIO") ?? true, line ?? "")

        // With its default --timeout (120 s) the CLI waits through the rest of the start, then has its answer.
        let status = try client.run(["status", "--json"])
        XCTAssertEqual(
            status.exitCode, 0,
            "\(status.standardError)\n\(daemon.errors)\n\(Self.threads(of: daemon.process.processIdentifier))"
        )
        XCTAssertTrue(listener.waitFor("READY=1", seconds: 10), "\(listener.messages)\n\(daemon.errors)")
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, events)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// Every thread's stack in `pid`, from gdb when it is installed: what a start that stopped short was waiting on
    /// (seen in CI: still "starting" at 100 % verified after 120 s).
    private static func threads(of pid: Int32) -> String {
        let debugger = "/usr/bin/gdb"
        guard FileManager.default.isExecutableFile(atPath: debugger) else { return "(no gdb for the daemon's stacks)" }
        let gdb = Process()
        gdb.executableURL = URL(fileURLWithPath: debugger)
        gdb.arguments = ["-p", String(pid), "-batch", "-ex", "thread apply all bt 30"]
        let output = Pipe()
        gdb.standardOutput = output
        gdb.standardError = output
        guard (try? gdb.run()) != nil else { return "(gdb did not start)" }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        gdb.waitUntilExit()
        return text
    }
}
