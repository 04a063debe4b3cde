import AccordClient
import Foundation
import XCTest

/// Malformed, oversized and unknown requests get clear errors; the daemon keeps serving and the log is unchanged.
final class HostileInputTests: XCTestCase {
    func testBadRequestsAreRefusedAndChangeNothing() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        let transport = UnixSocketTransport(socketPath: ledger.socketPath)
        let cases: [(HTTPExchange, Int, String)] = [
            (HTTPExchange(method: "POST", path: "/v1/agreements", body: Array("{not json".utf8)), 400, "invalid_json"),
            (HTTPExchange(method: "POST", path: "/v1/agreements", body: Array("{}".utf8)), 400, "missing_field"),
            (
                HTTPExchange(
                    method: "POST",
                    path: "/v1/institutions",
                    body: Array(#"{"institutionID":"x","name":"X","country":"FR","kind":"castle"}"#.utf8)
                ), 400, "kind"
            ),
            (HTTPExchange(method: "POST", path: "/v1/nowhere", body: Array("{}".utf8)), 404, "unknown_route"),
            (HTTPExchange(method: "GET", path: "/v1/agreements/no-such-agreement"), 404, "no-such-agreement"),
            (HTTPExchange(method: "GET", path: "/v1/events?limit=0"), 400, "invalid_limit"),
            (HTTPExchange(method: "DELETE", path: "/v1/agreements/cnrs-jrc-mou-2026"), 405, "method_not_allowed"),
            (
                HTTPExchange(
                    method: "POST",
                    path: "/v1/agreements/cnrs-jrc-mou-2026/extend",
                    body: Array(#"{"agreementID":"other","validUntil":"2030-01-01"}"#.utf8)
                ), 400, "path_body_mismatch"
            ),
        ]
        for (exchange, status, text) in cases {
            let answer = try await transport.send(exchange)
            let body = String(decoding: answer.body, as: UTF8.self)
            XCTAssertEqual(answer.status, status, "\(exchange.method) \(exchange.path): \(body)")
            XCTAssertTrue(body.contains(text), "\(exchange.method) \(exchange.path) should mention \(text): \(body)")
            XCTAssertTrue(body.contains("\"message\""), body)
        }
        // Answered on the announced length and closed before the body is read: a client still writing it may
        // see its write fail, so the answer is read from the socket whatever became of the write.
        let oversized = try RawConnection(ledger.socketPath)
        oversized.send(
            "POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 70000\r\n\r\n"
                + String(repeating: " ", count: 70_000)
        )
        let refusal = oversized.readAnswer(seconds: 10)
        XCTAssertEqual(refusal.status, 413, refusal.body)
        XCTAssertTrue(refusal.body.contains("body_too_large"), refusal.body)
        let status = try ledger.accord(["status", "--json"])
        XCTAssertEqual(((status.json as? [String: Any])?["head"] as? [String: Any])?["position"] as? Int, 8)
    }

    func testASecondDaemonDoesNotStealALiveSocket() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let intruder = try DaemonProcess(socketPath: ledger.socketPath, dataDirectory: ledger.folder.file("other-data"))
        try intruder.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !intruder.process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertNotEqual(intruder.process.terminationStatus, 0)
        XCTAssertTrue(intruder.errors.contains("another process is serving"), intruder.errors)
        try ledger.accord(["status"])
    }
}
