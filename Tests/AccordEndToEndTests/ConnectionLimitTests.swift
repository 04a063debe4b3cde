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
        var idle: Int32 = -1
        var silent: Int32 = -1
        // The slot goes to whichever connection the daemon takes up first (the start's last status request may
        // still hold it): reconnect until a silent connection holds it and a request is refused.
        let refused = try await Deadline.poll(seconds: 10) {
            close(idle)
            close(silent)
            idle = try Self.connect(daemon.socketPath)
            silent = try Self.connect(daemon.socketPath)
            return (try? await transport.send(HTTPExchange(method: "GET", path: "/v1/status")))?.status == 503
        }
        XCTAssertTrue(refused, "a request past the limit is answered 503")
        XCTAssertTrue(daemon.process.isRunning, "the daemon survives connections past its limit:\n\(daemon.errors)")
        close(idle)
        close(silent)
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
