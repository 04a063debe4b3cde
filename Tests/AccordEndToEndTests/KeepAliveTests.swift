import AccordAPI
import AccordClient
import AccordDomain
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `AccordClient` keeps its connection between requests: with room for one connection, a series of commands and
/// queries all pass through it, and a second connection opened meanwhile does not take its place.
final class KeepAliveTests: XCTestCase {
    func testOneClientUsesOneConnectionForManyRequests() async throws {
        let folder = try TemporaryFolder()
        let daemon = try DaemonProcess.configured(#"{"maximumConnections": 1}"#, in: folder)
        try await daemon.start()
        let client = AccordClient(socketPath: daemon.socketPath)
        // The start's last status request may still hold the one slot for a moment.
        let first = try await Deadline.poll(seconds: 10) {
            (try? await client.get("/v1/status", as: StatusReport.self)) != nil
        }
        XCTAssertTrue(first)
        for index in 0..<20 {
            let body = RegisterInstitution(
                institutionID: "i-\(index)",
                name: "Institution \(index)",
                country: "FR",
                kind: .other
            )
            _ = try await client.send(path: "/v1/institutions", body: body)
        }
        let status = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(status.head.position, 20)
        XCTAssertEqual(status.connections, 1, "every request went through the one kept connection")
        // The one slot stays with the kept connection: a client that connected anew for each request would now
        // find it taken by this silent connection and be refused.
        let silent = try ConnectionLimitTests.connect(daemon.socketPath)
        defer { close(silent) }
        let again = try await client.get("/v1/status", as: StatusReport.self)
        XCTAssertEqual(again.head.position, 20)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }
}
