import AccordClient
import Foundation
import XCTest

/// A batch has its own body limit, large enough for the 1,000 commands the engine takes, refused on the announced
/// length; past 1,000 commands the one `batch_too_large` refusal names the count.
final class BatchLimitTests: XCTestCase {
    func testAThousandCommandsFitAndTheLimitsAreRefusedByName() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess.configured(#"{"maximumBatchBodyBytes": 262144}"#, in: folder)
        try await daemon.start()
        let transport = UnixSocketTransport(socketPath: daemon.socketPath)

        let thousand = BatchLimitTests.batch(commands: 1_000, prefix: "fits")
        XCTAssertGreaterThan(thousand.count, 64 * 1024, "the batch is past the other routes' body limit")
        let recorded = try await transport.send(HTTPExchange(method: "POST", path: "/v1/batch", body: thousand))
        XCTAssertEqual(recorded.status, 201, String(decoding: recorded.body, as: UTF8.self))

        let tooMany = try await transport.send(
            HTTPExchange(method: "POST", path: "/v1/batch", body: BatchLimitTests.batch(commands: 1_001, prefix: "many"))
        )
        let tooManyText = String(decoding: tooMany.body, as: UTF8.self)
        XCTAssertEqual(tooMany.status, 422, tooManyText)
        XCTAssertEqual(BatchLimitTests.error(tooMany)["code"], "batch_too_large", tooManyText)
        XCTAssertEqual(BatchLimitTests.error(tooMany)["field"], "commands", tooManyText)
        XCTAssertTrue(tooManyText.contains("1001 commands; at most 1000"), tooManyText)

        let tooLarge = try await transport.send(
            HTTPExchange(method: "POST", path: "/v1/batch", body: Array(repeating: UInt8(ascii: " "), count: 262_145))
        )
        let tooLargeText = String(decoding: tooLarge.body, as: UTF8.self)
        XCTAssertEqual(tooLarge.status, 413, tooLargeText)
        XCTAssertEqual(BatchLimitTests.error(tooLarge)["code"], "batch_too_large", tooLargeText)
        XCTAssertTrue(tooLargeText.contains("larger than 262144 bytes (it announces 262145)"), tooLargeText)

        // Far past what the socket's buffers hold: the daemon answers before the client has written it all.
        let farTooLarge = try await AccordClient(socketPath: daemon.socketPath).transport.send(
            HTTPExchange(method: "POST", path: "/v1/batch", body: Array(repeating: UInt8(ascii: " "), count: 8 << 20))
        )
        XCTAssertEqual(farTooLarge.status, 413, String(decoding: farTooLarge.body, as: UTF8.self))
        XCTAssertEqual(BatchLimitTests.error(farTooLarge)["code"], "batch_too_large")

        let otherRoute = try await transport.send(
            HTTPExchange(method: "POST", path: "/v1/institutions", body: Array(repeating: UInt8(ascii: " "), count: 70_000))
        )
        XCTAssertEqual(otherRoute.status, 413)
        XCTAssertEqual(BatchLimitTests.error(otherRoute)["code"], "body_too_large")

        let status = try await transport.send(HTTPExchange(method: "GET", path: "/v1/status"))
        let head = (try JSONSerialization.jsonObject(with: Data(status.body)) as? [String: Any])?["head"]
        XCTAssertEqual((head as? [String: Any])?["position"] as? Int, 1_000, "only the batch of 1,000 was recorded")
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// The `error` object of a refusal, its text fields.
    static func error(_ answer: HTTPAnswer) -> [String: String] {
        let envelope = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        return (envelope?["error"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:]
    }

    /// `{"commands": [...]}` of `commands` institution registrations.
    static func batch(commands: Int, prefix: String) -> [UInt8] {
        let entries = (0..<commands).map { index in
            #"{"command": "institution.register", "body": {"institutionID": "\#(prefix)-\#(index)", "name": "Institution \#(index)", "country": "FR", "kind": "other"}}"#
        }
        return Array(#"{"commands": [\#(entries.joined(separator: ","))]}"#.utf8)
    }
}
