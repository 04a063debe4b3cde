import AccordAPI
import AccordClient
import Foundation
import XCTest

/// `accord` gives every command it sends a request id of its own when `--request-id` is not given, so that a command
/// lost with a kept connection closed under it is sent once more (answered as a replay) instead of failing with
/// `command_outcome_unknown`: it is recorded once.
final class GeneratedRequestIDTests: XCTestCase {
    func testACommandWhoseKeptConnectionClosesUnderItIsSentAgainAndRecordedOnce() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess(socketPath: folder.file("accord.sock"), dataDirectory: folder.file("data"))
        try await daemon.start()
        let proxy = try AnswerLosingProxy(socketPath: folder.file("proxy.sock"), daemonSocketPath: daemon.socketPath)
        defer { proxy.stop() }

        let result = try CLIRunner(socketPath: proxy.socketPath).run([
            "institution", "register", "--id", "cnrs", "--name", "CNRS", "--country", "FR", "--kind",
            "researchOrganisation",
        ])
        XCTAssertEqual(result.exitCode, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.hasPrefix("recorded InstitutionRegistered"), result.standardOutput)

        let requests = proxy.requests
        let post = "POST /v1/institutions HTTP/1.1"
        XCTAssertEqual(
            requests.map { $0.map { $0.split(separator: "\r\n").first.map(String.init) ?? "" } },
            [[post, post], [post]],
            "told `starting`, sent again on the kept connection, which closed; then sent on a new one"
        )
        let keys = requests.joined().map(Self.requestID)
        XCTAssertNotNil(keys.first ?? nil, "the command carries a request id: \(requests)")
        XCTAssertEqual(Set(keys).count, 1, "the same one each time: \(keys)")

        let status = try await AccordClient(socketPath: daemon.socketPath).get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(status.head.position, 1, "recorded once")
        let second = try CLIRunner(socketPath: daemon.socketPath).run([
            "institution", "register", "--id", "jrc", "--name", "JRC", "--country", "EU", "--kind", "commissionService",
        ])
        XCTAssertEqual(second.exitCode, 0, second.standardError)
        XCTAssertTrue(second.standardOutput.hasPrefix("recorded InstitutionRegistered"), "each command its own id")
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0, daemon.errors)
    }

    /// The `Idempotency-Key` of a request head, if it has one.
    private static func requestID(_ head: String) -> String? {
        let name = HeaderNames.idempotencyKey.lowercased() + ":"
        return head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name) }
            .map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
    }
}
