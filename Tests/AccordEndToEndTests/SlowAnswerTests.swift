import AccordAPI
import AccordClient
import Foundation
import XCTest

/// The idle timeout counts only while a connection waits between requests, not while the daemon works on an answer:
/// a command whose answer takes longer than the idle timeout (each fdatasync of the log slowed by strace) is answered
/// on its own connection and recorded once.
final class SlowAnswerTests: XCTestCase {
    func testACommandAnsweredLaterThanTheIdleTimeoutIsAnsweredOnItsConnection() async throws {
        try SyncFailureTests.requireStrace()
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"idleTimeoutMilliseconds": 200}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let dataDirectory = folder.file("data")
        let delayMicroseconds = 1_000_000
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: dataDirectory,
            extraArguments: ["--config", configuration],
            launcher: [
                SyncFailureTests.strace, "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null",
                "-P", "\(dataDirectory)/ledger.log",
                "-e", "trace=fdatasync", "-e", "inject=fdatasync:delay_exit=\(delayMicroseconds)",
            ]
        )
        defer { SyncFailureTests.endChildren(of: daemon.process) }
        try await daemon.start()

        let body = #"{"institutionID":"slow","name":"Slow Institution","country":"FR","kind":"other"}"#
        let started = ContinuousClock.now
        let answer = try await UnixSocketTransport(socketPath: daemon.socketPath, timeoutSeconds: 30).send(
            HTTPExchange(method: "POST", path: "/v1/institutions", body: Array(body.utf8))
        )
        let waited = ContinuousClock.now - started
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        XCTAssertGreaterThanOrEqual(waited, .microseconds(delayMicroseconds), "the answer waited for the fdatasync")

        let status = try await AccordClient(socketPath: daemon.socketPath).get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(status.head.position, 1, "recorded once")
        // accordd itself stops (strace only detaches on a signal), and strace then ends with its status.
        for child in SyncFailureTests.children(of: daemon.process) { kill(child, SIGTERM) }
        let exitStatus = try await daemon.exitStatus(withinSeconds: 30)
        XCTAssertEqual(exitStatus, 0, daemon.errors)
    }
}
