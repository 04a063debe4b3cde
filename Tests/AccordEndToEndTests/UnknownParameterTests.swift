import AccordClient
import Foundation
import XCTest

/// A parameter a route does not read is refused with a message naming the route as it was called, method and all.
final class UnknownParameterTests: XCTestCase {
    func testAnUnknownParameterIsRefusedNamingTheRoutesMethod() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        let transport = UnixSocketTransport(socketPath: ledger.socketPath)
        let cases = [
            ("GET", "/v1/people?colour=red", "GET /v1/people has no parameter colour; it takes "),
            ("POST", "/v1/checkpoints?colour=red", "POST /v1/checkpoints has no parameter colour; it takes none"),
            ("POST", "/v1/verification?colour=red", "POST /v1/verification has no parameter colour; it takes none"),
        ]
        for (method, target, message) in cases {
            let answer = try await transport.send(HTTPExchange(method: method, path: target))
            let body = String(decoding: answer.body, as: UTF8.self)
            XCTAssertEqual(answer.status, 400, "\(method) \(target): \(body)")
            XCTAssertTrue(body.contains(#""code":"unknown_parameter""#), body)
            XCTAssertTrue(body.contains(message), "\(method) \(target): \(body)")
        }
    }
}
