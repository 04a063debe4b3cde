import AccordClient
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Past the connection limit a client gets a 503 for its request, and the daemon goes on serving.
final class ConnectionLimitTests: XCTestCase {
    func testConnectionsPastTheLimitAreRefusedAndTheDaemonSurvives() async throws {
        let folder = try TemporaryFolder()
        let configuration = folder.file("accordd.json")
        try Data(#"{"maximumConnections": 1}"#.utf8).write(to: URL(fileURLWithPath: configuration))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        let transport = UnixSocketTransport(socketPath: daemon.socketPath)
        // A connection holds the one slot for certain once it has been served and kept open (the start's last
        // status request may still hold it for a moment: then this one is refused, and it tries again).
        var holder: RawConnection?
        let holding = try await Deadline.poll(seconds: 30) {
            holder = try RawConnection(daemon.socketPath)
            holder?.send("GET /v1/status HTTP/1.1\r\nHost: a\r\n\r\n")
            return holder?.readAnswer(seconds: 10).status == 200
        }
        XCTAssertTrue(holding, "a kept-alive connection holds the slot")
        let refusal = try await transport.send(HTTPExchange(method: "GET", path: "/v1/status"))
        XCTAssertEqual(refusal.status, 503, "a request past the limit is answered 503")
        XCTAssertTrue(daemon.process.isRunning, "the daemon survives connections past its limit:\n\(daemon.errors)")
        holder = nil
        let served = try await Deadline.poll(seconds: 10) {
            (try? await transport.send(HTTPExchange(method: "GET", path: "/v1/status")))?.status == 200
        }
        XCTAssertTrue(served, "a freed slot serves again")
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0)
    }

    /// A raw connection that sends nothing.
    static func connect(_ path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let result = UnixSocketAddress.with(path) { Glibc.connect(descriptor, $0, $1) }
        guard result == 0 else { throw DaemonFailure(message: "connect(\(path)) failed: errno \(errno)") }
        return descriptor
    }
}
