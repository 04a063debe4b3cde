import AccordClient
import Foundation
import XCTest

/// SIGHUP re-reads the configuration file: new limits apply to the running server, a bad file changes nothing.
final class ReloadTests: XCTestCase {
    func testReloadAppliesNewLimitsAndRefusesABadFile() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"logLevel": "info"}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        let transport = UnixSocketTransport(socketPath: daemon.socketPath)
        let padding = String(repeating: " ", count: 3_000)
        func register(_ id: String) async throws -> Int {
            let body = #"{"institutionID": "\#(id)", "name": "N", "country": "FR", "kind": "university"}"# + padding
            return try await transport.send(
                HTTPExchange(method: "POST", path: "/v1/institutions", body: Array(body.utf8))
            ).status
        }
        let beforeReload = try await register("a")
        XCTAssertEqual(beforeReload, 201)

        try Data(#"{"maximumBodyBytes": 2048}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        kill(daemon.process.processIdentifier, SIGHUP)
        let applied = try await Deadline.poll(seconds: 10) { daemon.errors.contains("configuration reloaded") }
        XCTAssertTrue(applied, daemon.errors)
        let afterReload = try await register("b")
        XCTAssertEqual(afterReload, 413, "the new body limit applies without a restart")

        try Data(#"{"maximumBodyBytes": "lots"}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        kill(daemon.process.processIdentifier, SIGHUP)
        let refused = try await Deadline.poll(seconds: 10) { daemon.errors.contains("reload refused") }
        XCTAssertTrue(refused, daemon.errors)
        let afterRefusal = try await register("c")
        XCTAssertEqual(afterRefusal, 413, "a refused reload keeps the running configuration")
        XCTAssertTrue(daemon.process.isRunning)
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }
}
