import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

/// The follow stream's limits: `maximumFollowers` from the configuration file, strict `follow` and `from`, and a
/// stream that outlives the idle deadline (a follower only listens).
final class FollowerLimitTests: XCTestCase {
    func testTheFollowerLimitIsConfiguredAndTheStreamIsNotAnIdleConnection() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"maximumFollowers": 1, "idleTimeoutMilliseconds": 300}"#.utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        let follower = try RawConnection(daemon.socketPath)
        XCTAssertTrue(follower.send("GET /v1/events?follow=true HTTP/1.1\r\nHost: accordd\r\n\r\n"))
        XCTAssertNotNil(follower.read(seconds: 10, until: "\r\n\r\n"), "the follow stream's head")

        let second = try RawConnection(daemon.socketPath)
        XCTAssertTrue(second.send("GET /v1/events?follow=true HTTP/1.1\r\nHost: accordd\r\n\r\n"))
        let refused = second.readAnswer(seconds: 10)
        XCTAssertEqual(refused.status, 503)
        XCTAssertTrue(refused.body.contains("too_many_followers"), refused.body)

        let client = AccordClient(socketPath: daemon.socketPath)
        for (name, value) in [("follow", "yes"), ("from", "0"), ("reverse", "1")] {
            do {
                _ = try await client.get("/v1/events", query: [(name, value)])
                XCTFail("\(name)=\(value) was accepted")
            } catch {
                XCTAssertEqual(error.code, "invalid_parameter", "\(name)=\(value)")
                XCTAssertEqual(error.field, name, "\(name)=\(value): \(error.message)")
            }
        }

        // Time passing is what is tested here: past the idle deadline, the stream still delivers.
        try await Task.sleep(for: .milliseconds(1_000))
        _ = try await client.send(
            path: "/v1/institutions",
            body: RegisterInstitution(institutionID: "late", name: "Late", country: "FR", kind: .university)
        )
        XCTAssertNotNil(
            follower.read(seconds: 10, until: "\"late\""),
            "the follower gets an event after the idle deadline"
        )
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }
}
