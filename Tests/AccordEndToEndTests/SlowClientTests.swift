import AccordClient
import Foundation
import XCTest

/// Deadlines and limits against clients that drip, stall, flood or half-close: each gets a clear answer within
/// the deadline, and legitimate clients are served throughout.
final class SlowClientTests: XCTestCase {
    /// Short deadlines so the test waits seconds, not minutes; the rules are the same as with the defaults.
    static let settings = """
        {"headTimeoutMilliseconds": 1000, "bodyTimeoutMilliseconds": 1000, "idleTimeoutMilliseconds": 2000,
         "maximumConnections": 64, "maximumConnectionsPerUser": 8, "maximumHeaderBytes": 2048,
         "maximumHeaderCount": 16}
        """

    private var folder: TemporaryFolder?

    private func startDaemon() async throws -> (DaemonProcess, TemporaryFolder) {
        let folder = try TemporaryFolder()
        self.folder = folder
        let configuration = folder.file("accordd.json")
        try Data(Self.settings.utf8).write(to: URL(fileURLWithPath: configuration))
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--config", configuration]
        )
        try await daemon.start()
        return (daemon, folder)
    }

    func testADrippedHeadIsAnswered408AtItsDeadline() async throws {
        let (daemon, _) = try await startDaemon()
        let connection = try RawConnection(daemon.socketPath)
        let started = Date()
        var open = true
        // One byte every 200 ms keeps the connection busy, never idle: only the head deadline can end it.
        for byte in "GET /v1/status HTTP/1.1\r\nHost: accordd\r\nX-Slow: ".utf8 where open {
            open = connection.send([byte])
            try await Task.sleep(nanoseconds: 200_000_000)
            if Date().timeIntervalSince(started) > 5 { break }
        }
        let answer = connection.readUntilClosed(seconds: 5) ?? "(still open)"
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the head deadline (1 s) ends a dripping client")
        assertAnswer(answer, 408, "\"request_timeout\"")
        try await assertServes(daemon)
    }

    func testABodyThatNeverComesIsAnswered408AtItsDeadline() async throws {
        let (daemon, _) = try await startDaemon()
        let connection = try RawConnection(daemon.socketPath)
        connection.send("POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Length: 200\r\n\r\n{\"institutionID\":")
        let answer = connection.readUntilClosed(seconds: 5) ?? "(still open)"
        assertAnswer(answer, 408, "body did not arrive")
        try await assertServes(daemon)
    }

    func testAnAnnouncedHugeBodyIsRefusedBeforeItIsSent() async throws {
        let (daemon, _) = try await startDaemon()
        let connection = try RawConnection(daemon.socketPath)
        connection.send("POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n")
        // Nothing of the body is sent: the answer must come from the announced length alone, well before the
        // body deadline.
        let answer = connection.read(seconds: 0.9, until: "}}") ?? "(no whole answer)"
        assertAnswer(answer, 413, "\"body_too_large\"")
        XCTAssertTrue(answer.contains("100000000"), answer)
    }

    func testTooManyOrTooLargeHeadersAreAnswered431() async throws {
        let (daemon, _) = try await startDaemon()
        let many = (0..<20).map { "X-Field-\($0): v\r\n" }.joined()
        let large = "X-Large: \(String(repeating: "a", count: 3_000))\r\n"
        for headers in [many, large] {
            let connection = try RawConnection(daemon.socketPath)
            connection.send("GET /v1/status HTTP/1.1\r\nHost: a\r\n\(headers)\r\n")
            let answer = connection.readUntilClosed(seconds: 5) ?? "(still open)"
            assertAnswer(answer, 431, "\"headers_too_large\"")
        }
        let garbage = try RawConnection(daemon.socketPath)
        garbage.send("\u{1}\u{2} nonsense\r\n\r\n")
        let answer = garbage.readUntilClosed(seconds: 5) ?? "(still open)"
        assertAnswer(answer, 400, "\"malformed_http\"")
        try await assertServes(daemon)
    }

    func testAHalfClosedClientGetsItsAnswer() async throws {
        let (daemon, _) = try await startDaemon()
        let body = #"{"institutionID":"half","name":"Half Closed","country":"FR","kind":"university"}"#
        let connection = try RawConnection(daemon.socketPath)
        connection.send(
            "POST /v1/institutions HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        connection.shutDownWriting()
        let answer = connection.readUntilClosed(seconds: 10) ?? "(still open)"
        assertAnswer(answer, 201, "institution.register")
    }

    func testAFloodFromOneUserCannotLockOthersOutAndIdleSlotsAreFreed() async throws {
        let (daemon, _) = try await startDaemon()
        // The per-user limit is 8: the ninth connection of the same uid is refused with its reason. Each of the
        // eight holds its slot for certain once it has been served and kept open, silent from then on; if one is
        // refused (a connection of the start still closing) or the idle deadline freed one meanwhile (a loaded
        // machine), they are opened again.
        var held: [RawConnection] = []
        var refusal: HTTPAnswer?
        let transport = UnixSocketTransport(socketPath: daemon.socketPath)
        let refused = try await Deadline.poll(seconds: 30) {
            held = try (0..<8).map { _ in try RawConnection(daemon.socketPath) }
            for connection in held {
                connection.send("GET /v1/status HTTP/1.1\r\nHost: a\r\n\r\n")
                guard connection.readAnswer(seconds: 10).status == 200 else { return false }
            }
            refusal = try? await transport.send(HTTPExchange(method: "GET", path: "/v1/status"))
            return refusal?.status == 503
        }
        XCTAssertTrue(refused, "the ninth connection of one user is answered 503")
        let reason = refusal.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
        XCTAssertTrue(reason.contains("the most one user may"), reason)
        // Silent connections are closed at the idle deadline (2 s), which frees their slots.
        let freed = try await Deadline.poll(seconds: 10) {
            (try? await transport.send(HTTPExchange(method: "GET", path: "/v1/status")))?.status == 200
        }
        XCTAssertTrue(freed, "idle connections are closed and their slots serve again")
        XCTAssertEqual(held[0].readUntilClosed(seconds: 5), "", "an idle connection is closed without an answer")
        held.removeAll()
        let exitStatus = try await daemon.stop()
        XCTAssertEqual(exitStatus, 0, daemon.errors)
    }

    private func assertAnswer(
        _ answer: String,
        _ status: Int,
        _ text: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 \(status)"), answer, file: file, line: line)
        XCTAssertTrue(answer.contains(text), answer, file: file, line: line)
    }

    private func assertServes(_ daemon: DaemonProcess, file: StaticString = #filePath, line: UInt = #line) async throws
    {
        let answer = try await UnixSocketTransport(socketPath: daemon.socketPath)
            .send(HTTPExchange(method: "GET", path: "/v1/status"))
        XCTAssertEqual(answer.status, 200, file: file, line: line)
        XCTAssertTrue(daemon.process.isRunning, daemon.errors, file: file, line: line)
    }
}
